package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.values.TransformNames;

/** Names of the encoder artifacts of one protocol, in one place. */
public final class EncoderNames {

    private final GenerationContext context;

    public EncoderNames(GenerationContext context) {
        this.context = context;
    }

    /** {@code PgRowDescriptionEncoder} for message or struct {@code RowDescription}. */
    public ClassName encoder(String idlName) {
        return ClassName.get(context.javaPackage(), context.naming().type(idlName) + "Encoder");
    }

    /** The generated enum or flags value class ({@code PgAuthCode}) of enum or flags {@code idlName}. */
    public ClassName valueClass(String idlName) {
        return ClassName.get(context.javaPackage(), context.naming().type(idlName));
    }

    /** {@code PgTaggedFrameEncoder} for framing {@code tagged}. */
    public ClassName frameEncoder(String framing) {
        return ClassName.get(context.javaPackage(), context.protocolStem() + Naming.pascal(framing) + "FrameEncoder");
    }

    /** The session class the session generator writes ({@code PgSession}). */
    public ClassName session() {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "Session");
    }

    /** The registry holding the application's hand-written transforms ({@code TdsTransformRegistry}). */
    public ClassName transformRegistry() {
        return TransformNames.registry(context);
    }

    /** The package-private helper class shared by this protocol's encoders. */
    public ClassName support() {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "EncoderSupport");
    }

    public String protocolName() {
        return context.model().name() == null ? "shared" : context.model().name();
    }
}
