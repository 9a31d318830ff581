package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The {@code wrap} methods of a decoder (buffer, region, parameters, session) and the types of
 * its parameter and session fields.
 */
final class DecoderWrapMethods extends DecoderPart {

    DecoderWrapMethods(DecoderLayout ctx) {
        super(ctx);
    }

    ClassName sessionClass() {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "Session");
    }

    TypeName parameterType(Parameter parameter) {
        if (parameter.type() instanceof WireType.Bool) {
            return TypeName.BOOLEAN;
        }
        TypeName raw = JavaValueTypes.rawNumber(parameter.type());
        if (raw == null) {
            throw ExpressionWriter.unsupported("parameter " + parameter.name() + " of type " + parameter.type());
        }
        return raw;
    }

    /**
     * {@code wrapFrame}, for values with a checksum over the whole frame: the other {@code wrap}s
     * see only the body, so they cannot verify it; and {@code inFrame}, by which an enclosing
     * decoder passes the frame on.
     */
    private void addFrameMethods(List<ParameterSpec> extra, String tail, CodeBlock passOn) {
        type.addMethod(MethodSpec.methodBuilder("wrapFrame")
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("Wraps and validates the body of {@code frame}, a whole frame as the framing cut it, header\n"
                        + "included, with the body from {@code bodyOffset} to its end; unlike {@code wrap}, this also\n"
                        + "verifies the checksums that cover the whole frame.\n\n"
                        + "@throws $T when the bytes are not a valid {@code $L} or a checksum does not match\n",
                        RuntimeTypes.CODEC_EXCEPTION, idlName)
                .addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                .addParameter(TypeName.INT, "bodyOffset")
                .addParameters(extra)
                .addStatement("inFrame(frame, bodyOffset)")
                .beginControlFlow("try")
                .addStatement("return wrap(frame, bodyOffset, frame.length() - bodyOffset$L$L)", tail, passOn)
                .nextControlFlow("finally")
                .addComment("A later wrap of a body alone must not check against this frame.")
                .addStatement("inFrame(null, 0)")
                .endControlFlow()
                .build());
        type.addMethod(MethodSpec.methodBuilder("inFrame")
                .addJavadoc("The frame the next {@code wrapIn} lies in ({@code null} for none) and where its region starts.\n")
                .addParameter(RuntimeTypes.WIRE_BUFFER, "frame")
                .addParameter(TypeName.INT, "frameOffset")
                .addStatement("this.frame = frame")
                .addStatement("this.frameOffset = frameOffset")
                .build());
    }

    void addWrapMethods() {
        List<ParameterSpec> extra = new java.util.ArrayList<>();
        for (Parameter parameter : parameters) {
            extra.add(ParameterSpec.builder(parameterType(parameter), DecoderNames.parameter(parameter.name())).build());
        }
        if (needsSession) {
            extra.add(ParameterSpec.builder(sessionClass(), "session").build());
        }
        CodeBlock passOn = CodeBlock.join(extra.stream().map(p -> CodeBlock.of("$N", p)).toList(), ", ");
        String tail = extra.isEmpty() ? "" : ", ";

        type.addMethod(MethodSpec.methodBuilder("wrap")
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("Wraps and validates a whole region (a message body, or a value on its own).\n\n"
                        + "@throws $T when the bytes are not a valid {@code $L}\n", RuntimeTypes.CODEC_EXCEPTION, idlName)
                .addParameter(RuntimeTypes.WIRE_BUFFER, "body")
                .addParameters(extra)
                .addStatement("return wrap(body, 0, body.length()$L$L)", tail, passOn)
                .build());
        MethodSpec.Builder wrap = MethodSpec.methodBuilder("wrap")
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("Wraps and validates {@code length} bytes at {@code offset} of {@code source}.\n\n"
                        + "@throws $T when the bytes are not a valid {@code $L}\n", RuntimeTypes.CODEC_EXCEPTION, idlName)
                .addParameter(RuntimeTypes.WIRE_BUFFER, "source")
                .addParameter(TypeName.INT, "offset")
                .addParameter(TypeName.INT, "length")
                .addParameters(extra);
        if (needsSession) {
            wrap.addStatement("$T.requireNonNull(session, $S)", Objects.class, "session");
        }
        // A decoder last re-pointed by a cursor may still carry its trust: a wrap from outside validates.
        wrap.addStatement("this.trusted = false")
                .beginControlFlow("try")
                .addStatement("source.slice(offset, length, own)")
                .addStatement("wrapIn(own, 0, length$L$L)", tail, passOn)
                .addComment("A whole region must be used up: bytes no field accounts for mean a wrong description or bad input.")
                .beginControlFlow("if (end != length)")
                .addStatement("throw new $T((length - end) + \" bytes left after the last field\", source.origin() + offset + end)",
                        RuntimeTypes.CODEC_EXCEPTION)
                .endControlFlow()
                .addStatement("return this")
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inMessage(PROTOCOL, NAME)")
                .endControlFlow();
        type.addMethod(wrap.build());
        if (ctx.coversFrame) {
            addFrameMethods(extra, tail, passOn);
        }

        MethodSpec.Builder wrapIn = MethodSpec.methodBuilder("wrapIn")
                .returns(self)
                .addJavadoc("Wraps and validates without naming the message: for an enclosing decoder, which adds its own.\n"
                        + "The value is read in place in {@code source}, which the caller keeps still while this is in use.\n")
                .addParameter(RuntimeTypes.WIRE_BUFFER, "source")
                .addParameter(TypeName.INT, "offset")
                .addParameter(TypeName.INT, "length")
                .addParameters(extra);
        if (recursive) {
            wrapIn.beginControlFlow("if (depth > MAX_DEPTH)")
                    .addComment("Recursive values are bounded so that hostile nesting cannot exhaust the stack.")
                    .addStatement("throw new $T(\"nesting deeper than the limit of \" + MAX_DEPTH, source.origin() + offset)",
                            RuntimeTypes.CODEC_EXCEPTION)
                    .endControlFlow();
        }
        // Nested values read their parent's bytes in place: no slice (and no reference store) per value.
        wrapIn.beginControlFlow("if (region != source)").addStatement("region = source").endControlFlow();
        wrapIn.addStatement("this.start = offset");
        for (ParameterSpec p : extra) {
            wrapIn.addStatement("this.$N = $N", p, p);
        }
        wrapIn.addStatement("this.end = validate(offset, offset + length)").addStatement("return this");
        type.addMethod(wrapIn.build());
    }
}
