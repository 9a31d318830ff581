package io.sqlxwire.idl.check;

import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.model.ProtocolModel;

/** Placeholder while the passes land: parses only. */
final class ModelBuilder {
    private final SourceSet sources;
    private final Diagnostics diagnostics;

    ModelBuilder(SourceSet sources, Diagnostics diagnostics) {
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    ProtocolModel build() {
        return null;
    }
}
