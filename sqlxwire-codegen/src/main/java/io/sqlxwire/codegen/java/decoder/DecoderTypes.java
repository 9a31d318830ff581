package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.StructModel;
import java.util.TreeSet;

/** Entry points: the decoder type of a struct or of a message. */
public final class DecoderTypes {

    private DecoderTypes() {}

    public static TypeSpec forStruct(GenerationContext context, StructModel struct) {
        return new DecoderBuilder(context, struct.name(), struct.doc(), struct.layout(), struct.parameters(),
                struct.recursive(), needsSession(context, struct.layout())).build();
    }

    public static TypeSpec forMessage(GenerationContext context, MessageModel message) {
        return new DecoderBuilder(context, message.name(), message.doc(), message.layout(), message.parameters(),
                false, needsSession(context, message.layout())).build();
    }

    /** Whether decoding the layout reads session variables (itself or through the structs it contains). */
    public static boolean needsSession(GenerationContext context, io.sqlxwire.idl.model.Layout layout) {
        return DecoderBuilder.needsSession(context, layout, new TreeSet<>());
    }
}
