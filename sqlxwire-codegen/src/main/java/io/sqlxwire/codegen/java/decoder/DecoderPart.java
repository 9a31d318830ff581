package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Parameter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Base of the classes that each generate one part of a decoder: the facts they all read, copied
 * from the shared {@link DecoderLayout}, and {@code ctx} to reach the other parts.
 */
abstract class DecoderPart {

    final DecoderLayout ctx;
    final GenerationContext context;
    final String idlName;
    final String doc;
    final Layout layout;
    final List<Parameter> parameters;
    final boolean recursive;
    final boolean needsSession;
    final ClassName self;
    final TypeSpec.Builder type;
    final DecoderHost ownerHost;
    final TreeSet<String> helpers;
    final StorageNames storage;
    final Map<String, byte[]> byteConstants;

    DecoderPart(DecoderLayout ctx) {
        this.ctx = ctx;
        this.context = ctx.context;
        this.idlName = ctx.idlName;
        this.doc = ctx.doc;
        this.layout = ctx.layout;
        this.parameters = ctx.parameters;
        this.recursive = ctx.recursive;
        this.needsSession = ctx.needsSession;
        this.self = ctx.self;
        this.type = ctx.type;
        this.ownerHost = ctx.ownerHost;
        this.helpers = ctx.helpers;
        this.storage = ctx.storage;
        this.byteConstants = ctx.byteConstants;
    }
}
