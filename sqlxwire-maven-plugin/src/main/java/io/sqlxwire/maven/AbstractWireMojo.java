package io.sqlxwire.maven;

import io.sqlxwire.codegen.java.ProtocolGenerator;
import io.sqlxwire.maven.generation.GenerationOutcome;
import io.sqlxwire.maven.generation.WireGeneration;
import io.sqlxwire.maven.sources.SourceScanner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: which {@code .wire} files to read, and how to report what the checker finds. */
abstract class AbstractWireMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The directory the {@code .wire} files are read from. */
    @Parameter(property = "sqlxwire.sourceDirectory", defaultValue = "${project.basedir}/src/main/sqlxwire", required = true)
    protected File sourceDirectory;

    /**
     * Which files of {@code sourceDirectory} to generate from, as Ant-style patterns relative to it.
     * Files they leave out can still be imported by the selected ones. Default: {@code **}{@code /*.wire}.
     */
    @Parameter
    protected List<String> includes;

    /** Files of {@code sourceDirectory} to leave out, as Ant-style patterns relative to it. */
    @Parameter
    protected List<String> excludes;

    protected Path baseDirectory() {
        return project.getBasedir().toPath();
    }

    /** The selected {@code .wire} files, relative to the project directory (how the checker names them). */
    protected List<String> inputs() throws MojoExecutionException {
        Path source = sourceDirectory.toPath();
        try {
            return new SourceScanner(includes, excludes).scan(source).stream()
                    .map(relative -> SourceScanner.relativePath(baseDirectory(), source.resolve(relative)))
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the .wire files in " + sourceDirectory, e);
        }
    }

    /**
     * Checks and generates; logs every diagnostic compiler-style and fails the build with a one-line
     * summary when there are errors.
     */
    protected GenerationOutcome generate(List<String> inputs, ProtocolGenerator generator) throws MojoFailureException {
        GenerationOutcome outcome = new WireGeneration(baseDirectory(), generator).run(inputs);
        outcome.warnings().forEach(getLog()::warn);
        outcome.errors().forEach(getLog()::error);
        outcome.conflicts().forEach(conflict -> getLog().error(conflict));
        if (outcome.failed()) {
            throw new MojoFailureException(outcome.summary());
        }
        return outcome;
    }

    /** A path as the user would type it from the project directory. */
    protected String display(Path path) {
        try {
            return SourceScanner.relativePath(baseDirectory(), path.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return path.toString(); // another file system root: no relative form
        }
    }

    protected static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
