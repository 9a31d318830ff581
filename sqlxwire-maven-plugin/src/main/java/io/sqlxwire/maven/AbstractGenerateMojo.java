package io.sqlxwire.maven;

import io.sqlxwire.codegen.java.ProtocolGenerator;
import io.sqlxwire.maven.generation.GeneratedFiles;
import io.sqlxwire.maven.generation.GenerationOutcome;
import io.sqlxwire.maven.staleness.BuildStatus;
import io.sqlxwire.maven.staleness.Fingerprint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;

/**
 * {@code generate} and {@code generate-test}: generate into a directory under {@code target}, add it
 * to the build, and do nothing when nothing the result depends on has changed.
 */
abstract class AbstractGenerateMojo extends AbstractWireMojo {

    /** Skips generation. The output directory is still added to the build when it exists. */
    @Parameter(property = "sqlxwire.skip", defaultValue = "false")
    protected boolean skip;

    /** Whether to add the output directory to the sources the build compiles. */
    @Parameter(property = "sqlxwire.addCompileSourceRoot", defaultValue = "true")
    protected boolean addCompileSourceRoot;

    /** Where the fingerprint of the last run is kept. */
    @Parameter(defaultValue = "${project.build.directory}/maven-status/sqlxwire", readonly = true)
    protected File statusDirectory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution execution;

    private final BuildContext buildContext;

    protected AbstractGenerateMojo(BuildContext buildContext) {
        this.buildContext = buildContext;
    }

    /** The directory this goal generates into (its own: files no longer generated are deleted). */
    protected abstract File outputDirectory();

    protected abstract ProtocolGenerator generator();

    protected abstract void addSourceRoot(String directory);

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path output = outputDirectory().toPath();
        // First, so that a skipped or up-to-date run still compiles what an earlier run generated.
        if (addCompileSourceRoot && (!skip || output.toFile().isDirectory())) {
            addSourceRoot(output.toString());
        }
        if (skip) {
            getLog().info("Skipping SQLxWire generation (sqlxwire.skip)");
            return;
        }
        List<String> inputs = inputs();
        if (inputs.isEmpty()) {
            getLog().info("No .wire files in " + display(sourceDirectory.toPath()) + "; nothing to generate");
            return;
        }
        try {
            run(inputs, output);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write generated sources to " + output + ": " + e.getMessage(), e);
        }
    }

    private void run(List<String> inputs, Path output) throws IOException, MojoFailureException {
        Path statusFile = statusDirectory.toPath().resolve(execution.getGoal() + "-" + execution.getExecutionId() + ".status");
        Optional<BuildStatus> previous = BuildStatus.read(statusFile);
        SortedSet<String> tracked = new TreeSet<>(inputs);
        previous.ifPresent(status -> tracked.addAll(status.sourcesRead()));
        if (previous.isPresent() && previous.get().isUpToDate(fingerprint(tracked, output), output)) {
            getLog().info("Generated sources in " + display(output) + " are up to date (" + count(inputs.size(), ".wire file")
                    + " unchanged); skipping generation");
            return;
        }

        // A failed run leaves no status behind, so the next run tries again whatever changed.
        BuildStatus.delete(statusFile);
        GenerationOutcome outcome = generate(inputs, generator());
        Collection<String> previouslyGenerated = previous.map(BuildStatus::outputs).orElse(List.of());
        // Created even when nothing is generated: the directory is a registered source root.
        Files.createDirectories(output);
        int changes = GeneratedFiles.sync(output, outcome.generated(), previouslyGenerated);
        buildContext.refresh(output.toFile());

        SortedSet<String> read = new TreeSet<>(inputs);
        read.addAll(outcome.sourcesRead());
        new BuildStatus(fingerprint(read, output), new ArrayList<>(read), new ArrayList<>(outcome.generated().keySet()))
                .write(statusFile);
        getLog().info("Generated " + count(outcome.generated().size(), "file") + " from "
                + count(inputs.size(), ".wire file") + " into " + display(output) + " (" + changes + " written or deleted)");
    }

    /**
     * Everything the generated files depend on: the generator (plugin version; for a SNAPSHOT also the
     * content of the snapshot jars, which change without a version change), this goal's configuration
     * and the content of every {@code .wire} file involved.
     */
    private String fingerprint(Collection<String> wireFiles, Path output) throws IOException {
        Fingerprint fingerprint = new Fingerprint()
                .add("goal", execution.getGoal())
                .add("plugin", plugin.getId())
                .add("sourceDirectory", display(sourceDirectory.toPath()))
                .add("includes", String.valueOf(includes))
                .add("excludes", String.valueOf(excludes))
                .add("outputDirectory", display(output));
        if (plugin.getVersion().endsWith("-SNAPSHOT")) {
            List<Artifact> artifacts = new ArrayList<>(plugin.getArtifacts());
            artifacts.add(plugin.getPluginArtifact());
            for (Artifact artifact : artifacts) {
                if (artifact != null && artifact.isSnapshot() && artifact.getFile() != null) {
                    fingerprint.addTree(artifact.getId(), artifact.getFile().toPath());
                }
            }
        }
        for (String wireFile : wireFiles) {
            fingerprint.addFile(wireFile, baseDirectory().resolve(wireFile));
        }
        return fingerprint.hex();
    }
}
