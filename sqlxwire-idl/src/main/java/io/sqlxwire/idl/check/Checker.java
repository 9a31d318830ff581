package io.sqlxwire.idl.check;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.SourceLoader;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.model.ProtocolModel;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checking passes in order over a file and its imports and assembles the checked model.
 * Each pass reports into the shared {@link Diagnostics} and goes on, so one run finds everything.
 */
public final class Checker {

    private final SourceLoader loader;

    public Checker(SourceLoader loader) {
        this.loader = loader;
    }

    public CheckResult check(String path) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SourceSet> sources = SourceSet.load(path, loader, diagnostics);
        if (sources.isEmpty()) {
            return new CheckResult(Optional.empty(), diagnostics.sorted(), Map.of());
        }
        ProtocolModel model = new ModelBuilder(sources.get(), diagnostics).build();
        Optional<ProtocolModel> result = diagnostics.hasErrors() ? Optional.empty() : Optional.ofNullable(model);
        return new CheckResult(result, diagnostics.sorted(), sources.get().texts());
    }
}
