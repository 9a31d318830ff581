package io.sqlxwire.maven;

import io.sqlxwire.maven.drift.Drift;
import io.sqlxwire.maven.drift.DriftReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when generated sources checked in to {@code checkedInDirectory} have drifted from
 * their {@code .wire} files: regenerates into {@code target/sqlxwire-check}, lists each missing,
 * obsolete and changed file with the first differing lines, and names the command that updates them
 * ({@code mvn sqlxwire:apply}).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCheckedInMojo {

    /** Skips the check. */
    @Parameter(property = "sqlxwire.check.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution execution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the SQLxWire check (sqlxwire.check.skip)");
            return;
        }
        Drift drift = regenerateAndCompare();
        if (drift.isEmpty()) {
            getLog().info("Generated sources checked in to " + display(checkedInDirectory.toPath()) + " are up to date");
            return;
        }
        String report;
        try {
            report = DriftReport.render(drift, checkDirectory.toPath(), checkedInDirectory.toPath(),
                    display(checkedInDirectory.toPath()), updateCommand());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read generated sources: " + e.getMessage(), e);
        }
        getLog().error(report);
        throw new MojoFailureException(count(drift.size(), "generated file") + " out of date in "
                + display(checkedInDirectory.toPath()) + "; run '" + updateCommand() + "' to update");
    }

    /**
     * The command, run where this build was started, that brings the checked-in sources up to date:
     * the wrapper when there is one, the module when this is not the top project, and the execution
     * when the configuration sits in a named one.
     */
    private String updateCommand() {
        Path root = Path.of(session.getExecutionRootDirectory());
        StringBuilder command = new StringBuilder(Files.isRegularFile(root.resolve("mvnw")) ? "./mvnw" : "mvn");
        Path module = project.getBasedir().toPath();
        if (!module.toAbsolutePath().normalize().equals(root.toAbsolutePath().normalize())) {
            command.append(" -pl ").append(root.relativize(module).toString().replace('\\', '/'));
        }
        command.append(" sqlxwire:apply");
        String id = execution == null ? null : execution.getExecutionId();
        if (id != null && !id.startsWith("default-")) {
            command.append('@').append(id);
        }
        return command.toString();
    }
}
