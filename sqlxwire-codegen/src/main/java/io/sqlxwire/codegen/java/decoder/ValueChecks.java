package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.values.Literals;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;

/**
 * Checks of constant values and checksums while a decoder validates its input.
 */
final class ValueChecks extends DecoderPart {

    ValueChecks(DecoderLayout ctx) {
        super(ctx);
    }

    CodeBlock checkConstant(Field field, String slot, TypedExpr value) {
        helpers.add("fail");
        CodeBlock.Builder code = CodeBlock.builder();
        if (value instanceof TypedExpr.IntConst || value instanceof TypedExpr.NamedConst) {
            java.math.BigInteger expected = value instanceof TypedExpr.IntConst c ? c.value() : ((TypedExpr.NamedConst) value).value();
            TypeName raw = JavaValueTypes.rawNumber(field.type());
            String literal = Literals.integer(expected, !TypeName.INT.equals(raw));
            return code.beginControlFlow("if (this.$L != $L)", slot, literal)
                    .addStatement("throw fail(\"expected $L but found \" + this.$L, this.$L_start)", expected, slot, slot)
                    .endControlFlow().build();
        }
        byte[] bytes;
        if (value instanceof TypedExpr.TextConst t) {
            TextEncoding encoding = field.type() instanceof WireType.Text text ? text.encoding() : TextEncoding.UTF8;
            bytes = t.value().getBytes(JavaValueTypes.jdkCharset(encoding));
        } else if (value instanceof TypedExpr.BytesConst b) {
            bytes = b.value().toArray();
        } else {
            throw ExpressionWriter.unsupported("constant " + value + " of field " + field.name());
        }
        String constant = ctx.byteLikeReaders.byteConstant(slot, "EXPECTED", bytes);
        return code.beginControlFlow("if (this.$L_length != $L.length || !region.contentEquals(this.$L_at, $L.length, $L, 0))",
                        slot, constant, slot, constant, constant)
                .addStatement("throw fail($S, this.$L_start)", "not the expected constant " + describe(bytes), slot)
                .endControlFlow().build();
    }

    static String describe(byte[] bytes) {
        return "x\"" + java.util.HexFormat.of().formatHex(bytes) + "\"";
    }

    CodeBlock checkChecksum(Field field, String slot, FieldValue.Checksum checksum) {
        if (checksum.fromFrame()) {
            // The frame header lies before the body this decoder sees; the framing reader checks it.
            return CodeBlock.builder()
                    .add("// Covers the frame header, which this body decoder does not see: not verified here.\n")
                    .build();
        }
        helpers.add("fail");
        String from = checksum.fromField() == null ? "0" : "this." + DecoderNames.slot(checksum.fromField()) + "_start";
        String seed = checksum.seed() == null ? "" : checksum.seed().hex();
        CodeBlock computed;
        switch (checksum.kind()) {
            case CRC24 -> {
                requireNoSeed(seed, field);
                computed = CodeBlock.of("$T.cqlCrc24(region, $L, this.$L_start - $L)", RuntimeTypes.CHECKSUMS, from, slot, from);
            }
            case CRC32 -> {
                ctx.usesChecksums = true;
                if (seed.equals("fa2d55ca")) {
                    computed = CodeBlock.of("checksums.cqlCrc32(region, $L, this.$L_start - $L)", from, slot, from);
                } else {
                    requireNoSeed(seed, field);
                    computed = CodeBlock.of("checksums.crc32(region, $L, this.$L_start - $L)", from, slot, from);
                }
            }
            default -> {
                ctx.usesChecksums = true;
                requireNoSeed(seed, field);
                computed = CodeBlock.of("checksums.crc32c(region, $L, this.$L_start - $L)", from, slot, from);
            }
        }
        return CodeBlock.builder()
                .addStatement("long computed = $L", computed)
                .beginControlFlow("if (computed != this.$L)", slot)
                .addStatement("throw fail(\"checksum mismatch: computed 0x\" + $T.toHexString(computed) + \" but found 0x\" "
                        + "+ $T.toHexString(this.$L), this.$L_start)", Long.class, Long.class, slot, slot)
                .endControlFlow().build();
    }

    static void requireNoSeed(String seed, Field field) {
        if (!seed.isEmpty()) {
            throw ExpressionWriter.unsupported("checksum seed x\"" + seed + "\" on field " + field.name());
        }
    }
}
