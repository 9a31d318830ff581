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
                    .addStatement("throw $T.fail(region, \"expected $L but found \" + this.$L, this.$L)", RuntimeTypes.REGION_CHECKS, expected, slot,
                            storage.of(slot, StorageNames.Kind.OFFSET))
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
        return code.beginControlFlow("if (this.$L != $L.length || !region.contentEquals(this.$L, $L.length, $L, 0))",
                        storage.of(slot, StorageNames.Kind.VALUE_LENGTH), constant,
                        storage.of(slot, StorageNames.Kind.VALUE_OFFSET), constant, constant)
                .addStatement("throw $T.fail(region, $S, this.$L)", RuntimeTypes.REGION_CHECKS, "not the expected constant " + describe(bytes),
                        storage.of(slot, StorageNames.Kind.OFFSET))
                .endControlFlow().build();
    }

    static String describe(byte[] bytes) {
        return "x\"" + java.util.HexFormat.of().formatHex(bytes) + "\"";
    }

    CodeBlock checkChecksum(Field field, String slot, FieldValue.Checksum checksum) {
        helpers.add("fail");
        String offset = storage.of(slot, StorageNames.Kind.OFFSET);
        if (checksum.fromFrame()) {
            // The frame's header lies before the region: only a decoder given the frame (wrapFrame) sees it.
            CodeBlock.Builder code = CodeBlock.builder()
                    .add("// Covers the whole frame from its first byte: verified when the frame was given (wrapFrame).\n")
                    .beginControlFlow("if (frame != null)");
            return code.add(verify(field, slot, checksum, offset, "frame", "0", "frameOffset + this." + offset))
                    .endControlFlow().build();
        }
        // From the value's first byte (its start in the region) unless a field says where.
        String from = checksum.fromField() == null ? "start"
                : "this." + storage.of(DecoderNames.slot(checksum.fromField()), StorageNames.Kind.OFFSET);
        return verify(field, slot, checksum, offset, "region", from, "this." + offset + " - " + from);
    }

    /** Computes the checksum over {@code length} bytes at {@code from} of {@code buffer} and compares it with the field. */
    private CodeBlock verify(Field field, String slot, FieldValue.Checksum checksum, String offset, String buffer,
                             String from, String length) {
        String seed = checksum.seed() == null ? "" : checksum.seed().hex();
        CodeBlock computed;
        switch (checksum.kind()) {
            case CRC24 -> {
                requireNoSeed(seed, field);
                computed = CodeBlock.of("$T.cqlCrc24($L, $L, $L)", RuntimeTypes.CHECKSUMS, buffer, from, length);
            }
            case CRC32 -> {
                ctx.usesChecksums = true;
                if (seed.equals("fa2d55ca")) {
                    computed = CodeBlock.of("checksums.cqlCrc32($L, $L, $L)", buffer, from, length);
                } else {
                    requireNoSeed(seed, field);
                    computed = CodeBlock.of("checksums.crc32($L, $L, $L)", buffer, from, length);
                }
            }
            default -> {
                ctx.usesChecksums = true;
                requireNoSeed(seed, field);
                computed = CodeBlock.of("checksums.crc32c($L, $L, $L)", buffer, from, length);
            }
        }
        return CodeBlock.builder()
                .addStatement("long computed = $L", computed)
                .beginControlFlow("if (computed != this.$L)", slot)
                .addStatement("throw $T.fail(region, \"checksum mismatch: computed 0x\" + $T.toHexString(computed) + \" but found 0x\" "
                        + "+ $T.toHexString(this.$L), this.$L)", RuntimeTypes.REGION_CHECKS, Long.class, Long.class, slot, offset)
                .endControlFlow().build();
    }

    static void requireNoSeed(String seed, Field field) {
        if (!seed.isEmpty()) {
            throw ExpressionWriter.unsupported("checksum seed x\"" + seed + "\" on field " + field.name());
        }
    }
}
