package io.sqlxwire.maven;

import io.sqlxwire.codegen.Generation;
import io.sqlxwire.codegen.java.ProtocolGenerator;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;

/**
 * Generates property-test support for every selected {@code .wire} file (jqwik arbitraries and
 * round-trip properties over the classes {@code generate} makes) and adds it to the test sources.
 * Reads the same {@code .wire} files as {@code generate} by default; skips work like it.
 */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class GenerateTestMojo extends AbstractGenerateMojo {

    /** Where the generated test sources are written. The directory belongs to this goal. */
    @Parameter(property = "sqlxwire.testOutputDirectory", defaultValue = "${project.build.directory}/generated-test-sources/sqlxwire", required = true)
    private File outputDirectory;

    @Inject
    public GenerateTestMojo(BuildContext buildContext) {
        super(buildContext);
    }

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected ProtocolGenerator generator() {
        return Generation.testSources();
    }

    @Override
    protected void addSourceRoot(String directory) {
        project.addTestCompileSourceRoot(directory);
    }
}
