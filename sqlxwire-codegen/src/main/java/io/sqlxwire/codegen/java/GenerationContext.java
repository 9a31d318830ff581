package io.sqlxwire.codegen.java;

import io.sqlxwire.idl.model.ProtocolModel;

/**
 * What every generator reads: the checked model and the shared naming. Generators take everything
 * else from the model; none re-derives what the checker already decided.
 */
public record GenerationContext(ProtocolModel model, Naming naming, String generatorName) {

    public static GenerationContext of(ProtocolModel model) {
        return new GenerationContext(model, new Naming(model.javaPrefix()), "io.sqlxwire.codegen");
    }

    public String javaPackage() {
        return model.javaPackage();
    }

    /** The protocol's own class-name stem: {@code Postgresql}, or the {@code java_prefix} when given. */
    public String protocolStem() {
        return naming.protocolType(model.name() == null ? "shared" : model.name(), "");
    }
}
