package io.sqlxwire.maven;

import io.sqlxwire.maven.drift.Drift;
import io.sqlxwire.maven.drift.DriftRepair;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.codehaus.plexus.build.BuildContext;

/**
 * Brings generated sources checked in to {@code checkedInDirectory} up to date with their
 * {@code .wire} files: writes missing and changed files and deletes generated files that are no longer
 * generated (hand-written files are never touched). The counterpart of {@code check}.
 */
@Mojo(name = "apply", threadSafe = true)
public class ApplyMojo extends AbstractCheckedInMojo {

    private final BuildContext buildContext;

    @Inject
    public ApplyMojo(BuildContext buildContext) {
        this.buildContext = buildContext;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Drift drift = regenerateAndCompare();
        if (drift.isEmpty()) {
            getLog().info("Generated sources checked in to " + display(checkedInDirectory.toPath()) + " are already up to date");
            return;
        }
        try {
            DriftRepair.apply(drift, checkDirectory.toPath(), checkedInDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot update " + checkedInDirectory + ": " + e.getMessage(), e);
        }
        buildContext.refresh(checkedInDirectory);
        drift.missing().forEach(path -> getLog().info("added:   " + path));
        drift.changed().forEach(path -> getLog().info("updated: " + path));
        drift.obsolete().forEach(path -> getLog().info("deleted: " + path));
        getLog().info("Updated " + count(drift.size(), "generated file") + " in " + display(checkedInDirectory.toPath()));
    }
}
