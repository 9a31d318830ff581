package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.StructModel;
import java.util.SortedSet;
import java.util.TreeSet;

/** Entry points: the decoder type of a struct or of a message. */
public final class DecoderTypes {

    private DecoderTypes() {}

    /**
     * A generated decoder class and the {@code RegionChecks} methods it calls, which its file
     * imports statically.
     */
    public record Decoder(TypeSpec type, SortedSet<String> regionChecks) {}

    public static Decoder forStruct(GenerationContext context, StructModel struct) {
        return build(new DecoderBuilder(context, struct.name(), struct.doc(), struct.layout(), struct.parameters(),
                struct.recursive(), needsSession(context, struct.layout())));
    }

    public static Decoder forMessage(GenerationContext context, MessageModel message) {
        return build(new DecoderBuilder(context, message.name(), message.doc(), message.layout(), message.parameters(),
                false, needsSession(context, message.layout())));
    }

    private static Decoder build(DecoderBuilder builder) {
        TypeSpec type = builder.build();
        return new Decoder(type, builder.regionChecks());
    }

    /**
     * Whether the layout has a checksum over the whole frame (itself or in a struct it contains):
     * its decoder then has {@code wrapFrame(frame, bodyOffset, ...)}, which verifies it.
     */
    public static boolean coversFrame(GenerationContext context, io.sqlxwire.idl.model.Layout layout) {
        return DecoderBuilder.coversFrame(context, layout, new TreeSet<>());
    }

    /** Whether decoding the layout reads session variables (itself or through the structs it contains). */
    public static boolean needsSession(GenerationContext context, io.sqlxwire.idl.model.Layout layout) {
        return DecoderBuilder.needsSession(context, layout, new TreeSet<>());
    }
}
