package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.WireType;
import javax.lang.model.element.Modifier;

/**
 * Reads bytes and text: fixed, computed, prefixed (with NULL markers) or terminated extents,
 * with their views and accessors.
 */
final class ByteLikeReaders extends DecoderPart {

    ByteLikeReaders(DecoderLayout ctx) {
        super(ctx);
    }

    private boolean transformed;

    /** Whether the field being read holds transformed bytes, whose text cannot be checked on the wire. */
    void wireBytesAreTransformed(boolean transformed) {
        this.transformed = transformed;
    }

    CodeBlock readByteLike(WireType wireType, String slot, String accessor, String javadoc, DecoderHost host) {
        TypeSpec.Builder into = host.type();
        Extent extent = JavaValueTypes.extentOf(wireType);
        boolean nullable = JavaValueTypes.isNullable(wireType);
        int unit = wireType instanceof WireType.Text t ? t.encoding().unitSize() : 1;
        into.addField(TypeName.INT, slot + "_at", Modifier.PRIVATE);
        into.addField(TypeName.INT, slot + "_length", Modifier.PRIVATE);
        if (nullable) {
            into.addField(TypeName.BOOLEAN, slot + "_null", Modifier.PRIVATE);
        }
        helpers.add("lengthAt");
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("");
        int terminatorLength = 0;
        if (extent instanceof Extent.Fixed f) {
            code.addStatement("this.$L_length = lengthAt($L, pos, limit)", slot, f.value());
        } else if (extent instanceof Extent.Computed c) {
            code.addStatement("this.$L_length = lengthAt($L, pos, limit)", slot, host.expressions().write(c.value()));
        } else if (extent instanceof Extent.Prefixed p) {
            code.add(readPrefix(p, slot, nullable));
            code.addStatement("this.$L_length = lengthAt(prefix, pos, limit)", slot);
        } else if (extent instanceof Extent.Terminated t) {
            code.addStatement("this.$L_length = $L - pos", slot, findTerminator(t.terminator(), unit, slot));
            terminatorLength = t.terminator().length();
        } else {
            code.addStatement("this.$L_length = limit - pos", slot);
        }
        code.addStatement("this.$L_at = pos", slot);
        if (wireType instanceof WireType.Text textType && !transformed) {
            code.add(TextChecks.validate(textType.encoding(), slot));
        }
        code.addStatement("pos += this.$L_length$L", slot, terminatorLength == 0 ? "" : " + " + terminatorLength);
        code.endControlFlow();
        if (accessor != null && !(wireType instanceof WireType.Padding)) {
            boolean text = wireType instanceof WireType.Text;
            ClassName viewType = text ? RuntimeTypes.TEXT_VIEW : RuntimeTypes.BYTE_VIEW;
            FieldSpec.Builder view = FieldSpec.builder(viewType, slot + "_view", Modifier.PRIVATE, Modifier.FINAL);
            if (text) {
                view.initializer("new $T($L)", viewType, JavaValueTypes.charset(((WireType.Text) wireType).encoding()));
            } else {
                view.initializer("new $T()", viewType);
            }
            into.addField(view.build());
            into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(viewType)
                    .addJavadoc("$L\n(A reused view: valid until the next {@code wrap}.$L)\n", javadoc, nullable ? " Empty when NULL." : "")
                    .addStatement("return $L_view.wrap(region, $L_at, $L_length)", slot, slot, slot).build());
            if (text) {
                into.addMethod(MethodSpec.methodBuilder(accessor + "AsString").addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("{@link #$L()} decoded (allocates a String).\n", accessor)
                        .addStatement("return $L().toString()", accessor).build());
            }
            if (nullable) {
                into.addMethod(MethodSpec.methodBuilder("is" + DecoderBuilder.capitalize(accessor) + "Null").addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN).addStatement("return $L_null", slot).build());
            }
        }
        return code.build();
    }

    /** Reads a length or count prefix into a local {@code long prefix}; a NULL marker gives 0 and sets {@code slot_null}. */
    CodeBlock readPrefix(Extent.Prefixed p, String slot, boolean nullable) {
        helpers.add("need");
        CodeBlock.Builder code = CodeBlock.builder();
        if (p.lengthType() instanceof WireType.LenEnc) {
            code.addStatement("need(pos, 1, limit)")
                    .addStatement("int width = $T.width(region, pos)", RuntimeTypes.LENGTH_ENCODED_INT)
                    .addStatement("need(pos, width, limit)");
            if (nullable) {
                code.addStatement("this.$L_null = $T.isNull(region, pos)", slot, RuntimeTypes.LENGTH_ENCODED_INT)
                        .addStatement("long prefix = this.$L_null ? 0 : $T.read(region, pos)", slot, RuntimeTypes.LENGTH_ENCODED_INT);
            } else {
                code.addStatement("long prefix = $T.read(region, pos)", RuntimeTypes.LENGTH_ENCODED_INT);
            }
            return code.addStatement("pos += width").build();
        }
        WireType.Int lengthType = (WireType.Int) p.lengthType();
        code.addStatement("need(pos, $L, limit)", lengthType.kind().size())
                .addStatement("long prefix = region.$L(pos)", DecoderNames.readMethod(lengthType))
                .addStatement("pos += $L", lengthType.kind().size());
        if (p.nullMarker() != null && nullable) {
            code.addStatement("this.$L_null = prefix == $LL", slot, p.nullMarker())
                    .beginControlFlow("if (this.$L_null)", slot)
                    .addStatement("prefix = 0")
                    .endControlFlow();
        }
        return code.build();
    }

    /** The expression finding the terminator from {@code pos}: the index of its first byte. */
    CodeBlock findTerminator(ByteString terminator, int unit, String slot) {
        if (unit == 1 && terminator.length() == 1 && terminator.byteAt(0) == 0) {
            return CodeBlock.of("$T.requireNul(region, pos, limit)", RuntimeTypes.TERMINATORS);
        }
        if (unit == 1 && terminator.length() == 2 && terminator.byteAt(0) == '\r' && terminator.byteAt(1) == '\n') {
            return CodeBlock.of("$T.requireCrlf(region, pos, limit)", RuntimeTypes.TERMINATORS);
        }
        if (unit == 1 && terminator.length() == 1) {
            return CodeBlock.of("$T.require(region, (byte) 0x$L, pos, limit)", RuntimeTypes.TERMINATORS,
                    terminator.hex());
        }
        helpers.add("findTerminator");
        return CodeBlock.of("findTerminator($L, pos, limit, $L)", byteConstant(slot, "TERMINATOR", terminator.toArray()), unit);
    }

    String byteConstant(String slot, String what, byte[] bytes) {
        String name = DecoderNames.upperSnake(slot) + "_" + what;
        byteConstants.put(name, bytes);
        return name;
    }
}
