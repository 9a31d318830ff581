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
 * Generates the Java codecs of every selected {@code .wire} file (decoders, encoders, records,
 * framing, dispatch, state machine) and adds them to the main sources. Does nothing when the
 * {@code .wire} files, the plugin and this goal's configuration are unchanged since the last run.
 * Errors in {@code .wire} files are logged as {@code path:line:col: error: ...} and fail the build.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractGenerateMojo {

    /** Where the generated sources are written. The directory belongs to this goal. */
    @Parameter(property = "sqlxwire.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/sqlxwire", required = true)
    private File outputDirectory;

    @Inject
    public GenerateMojo(BuildContext buildContext) {
        super(buildContext);
    }

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected ProtocolGenerator generator() {
        return Generation.mainSources();
    }

    @Override
    protected void addSourceRoot(String directory) {
        project.addCompileSourceRoot(directory);
    }
}
