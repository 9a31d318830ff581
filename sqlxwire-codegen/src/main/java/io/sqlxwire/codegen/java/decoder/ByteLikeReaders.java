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
        String at = storage.of(slot, StorageNames.Kind.VALUE_OFFSET);
        String length = storage.of(slot, StorageNames.Kind.VALUE_LENGTH);
        into.addField(TypeName.INT, at, Modifier.PRIVATE);
        into.addField(TypeName.INT, length, Modifier.PRIVATE);
        if (nullable) {
            into.addField(TypeName.BOOLEAN, storage.of(slot, StorageNames.Kind.NULL), Modifier.PRIVATE);
        }
        CodeBlock.Builder code = CodeBlock.builder().add("{\n").indent();
        int terminatorLength = 0;
        if (extent instanceof Extent.Fixed f) {
            helpers.add("lengthAt");
            code.addStatement("this.$L = $T.lengthAt(region, $L, pos, limit)", length, RuntimeTypes.REGION_CHECKS, f.value());
        } else if (extent instanceof Extent.Computed c) {
            helpers.add("lengthAt");
            code.addStatement("this.$L = $T.lengthAt(region, $L, pos, limit)", length, RuntimeTypes.REGION_CHECKS, host.expressions().write(c.value()));
        } else if (extent instanceof Extent.Prefixed p) {
            helpers.add("lengthAt");
            code.add(readPrefix(p, slot, nullable));
            code.addStatement("this.$L = $T.lengthAt(region, prefix, pos, limit)", length, RuntimeTypes.REGION_CHECKS);
        } else if (extent instanceof Extent.Terminated t) {
            code.addStatement("this.$L = $L - pos", length, findTerminator(t.terminator(), unit, slot));
            terminatorLength = t.terminator().length();
        } else {
            code.addStatement("this.$L = limit - pos", length);
        }
        code.addStatement("this.$L = pos", at);
        if (wireType instanceof WireType.Text textType && !transformed) {
            code.add(TextChecks.validate(textType.encoding(), length, host.ownerRef()));
        }
        code.addStatement("pos += this.$L$L", length, terminatorLength == 0 ? "" : " + " + terminatorLength);
        code.endControlFlow();
        if (accessor != null && !(wireType instanceof WireType.Padding)) {
            boolean text = wireType instanceof WireType.Text;
            ClassName viewType = text ? RuntimeTypes.TEXT_VIEW : RuntimeTypes.BYTE_VIEW;
            String viewName = storage.of(slot, StorageNames.Kind.VIEW);
            FieldSpec.Builder view = FieldSpec.builder(viewType, viewName, Modifier.PRIVATE, Modifier.FINAL);
            if (text) {
                view.initializer("new $T($L)", viewType, JavaValueTypes.charset(((WireType.Text) wireType).encoding()));
            } else {
                view.initializer("new $T()", viewType);
            }
            into.addField(view.build());
            into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(viewType)
                    .addJavadoc("$L\n(A reused view: valid until the next {@code wrap}.$L)\n", javadoc, nullable ? " Empty when NULL." : "")
                    .addStatement("return $L.wrapInPlace(region, $L, $L)", viewName, at, length).build());
            if (text) {
                into.addMethod(MethodSpec.methodBuilder(accessor + "AsString").addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("{@link #$L()} decoded (allocates a String).\n", accessor)
                        .addStatement("return $L().toString()", accessor).build());
            }
            if (nullable) {
                into.addMethod(MethodSpec.methodBuilder("is" + DecoderBuilder.capitalize(accessor) + "Null").addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN).addStatement("return $L", storage.of(slot, StorageNames.Kind.NULL)).build());
            }
        }
        return code.build();
    }

    /** Reads a length or count prefix into a local {@code long prefix}; a NULL marker gives 0 and sets the slot's NULL flag. */
    CodeBlock readPrefix(Extent.Prefixed p, String slot, boolean nullable) {
        helpers.add("need");
        CodeBlock.Builder code = CodeBlock.builder();
        if (p.lengthType() instanceof WireType.LenEnc) {
            // A first byte below the NULL marker is the length itself (nearly every value): one read.
            code.addStatement("$T.need(region, pos, 1, limit)", RuntimeTypes.REGION_CHECKS)
                    .addStatement("long prefix = region.u8(pos)")
                    .addStatement("int width = 1");
            String isNull = nullable ? storage.of(slot, StorageNames.Kind.NULL) : null;
            if (nullable) {
                code.addStatement("this.$L = false", isNull);
            }
            code.beginControlFlow("if (prefix >= $T.NULL_MARKER)", RuntimeTypes.LENGTH_ENCODED_INT)
                    .add("// NULL, or a number in the 2, 3 or 8 bytes that follow.\n")
                    .addStatement("width = $T.width(region, pos)", RuntimeTypes.LENGTH_ENCODED_INT)
                    .addStatement("$T.need(region, pos, width, limit)", RuntimeTypes.REGION_CHECKS);
            if (nullable) {
                code.addStatement("this.$L = $T.isNull(region, pos)", isNull, RuntimeTypes.LENGTH_ENCODED_INT)
                        .addStatement("prefix = this.$L ? 0 : $T.read(region, pos)", isNull, RuntimeTypes.LENGTH_ENCODED_INT);
            } else {
                code.addStatement("prefix = $T.read(region, pos)", RuntimeTypes.LENGTH_ENCODED_INT);
            }
            return code.endControlFlow().addStatement("pos += width").build();
        }
        WireType.Int lengthType = (WireType.Int) p.lengthType();
        code.addStatement("$T.need(region, pos, $L, limit)", RuntimeTypes.REGION_CHECKS, lengthType.kind().size())
                .addStatement("long prefix = region.$L(pos)", DecoderNames.readMethod(lengthType))
                .addStatement("pos += $L", lengthType.kind().size());
        if (p.nullMarker() != null && nullable) {
            String isNull = storage.of(slot, StorageNames.Kind.NULL);
            code.addStatement("this.$L = prefix == $LL", isNull, p.nullMarker())
                    .beginControlFlow("if (this.$L)", isNull)
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
        return CodeBlock.of("$T.findTerminator(region, $L, pos, limit, $L)", RuntimeTypes.REGION_CHECKS, byteConstant(slot, "TERMINATOR", terminator.toArray()), unit);
    }

    String byteConstant(String slot, String what, byte[] bytes) {
        String name = DecoderNames.upperSnake(slot) + "_" + what;
        byteConstants.put(name, bytes);
        return name;
    }
}
