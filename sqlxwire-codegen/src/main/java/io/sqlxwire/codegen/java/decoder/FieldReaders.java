package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.WireType;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * One {@code readXxx} method per field (condition, position, region size, value) and the
 * evaluation of lets; dispatches each value to the reader of its kind.
 */
final class FieldReaders extends DecoderPart {

    FieldReaders(DecoderLayout ctx) {
        super(ctx);
    }

    String addFieldReader(Field field) {
        String slot = field.isAnonymous() ? anonymousSlot(++ctx.anonymous) : DecoderNames.slot(field.name());
        String method = "read" + Character.toUpperCase(slot.charAt(0)) + slot.substring(1);
        boolean exposed = !field.isAnonymous();
        MethodSpec.Builder read = MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.INT)
                .addParameter(TypeName.INT, "pos")
                .addParameter(TypeName.INT, "limit")
                .addJavadoc("Reads {@code $L}; returns where the next member starts.\n", field.name());
        String offset = storage.of(slot, StorageNames.Kind.OFFSET);
        String end = storage.of(slot, StorageNames.Kind.END);
        // Where a field starts and ends is kept only when something reads it (sizeof, a constant's
        // or checksum's error position, a checksum's range): two stores per field per value otherwise.
        boolean keepsEnd = !field.isAnonymous() && ctx.sizedFields.contains(field.name());
        boolean keepsOffset = keepsEnd || field.value() instanceof FieldValue.Constant
                || field.value() instanceof FieldValue.Checksum
                || (!field.isAnonymous() && ctx.checksumStarts.contains(field.name()));
        if (keepsOffset) {
            type.addField(TypeName.INT, offset, Modifier.PRIVATE);
        }
        if (keepsEnd) {
            type.addField(TypeName.INT, end, Modifier.PRIVATE);
        }
        CodeBlock.Builder body = CodeBlock.builder();
        ExpressionWriter expressions = ownerHost.expressions();
        if (field.condition() != null) {
            String present = storage.of(slot, StorageNames.Kind.PRESENT);
            type.addField(TypeName.BOOLEAN, present, Modifier.PRIVATE);
            body.addStatement("this.$L = $L", present, expressions.write(field.condition()));
            body.beginControlFlow("if (!this.$L)", present);
            if (keepsOffset) {
                body.addStatement("this.$L = pos", offset);
            }
            if (keepsEnd) {
                body.addStatement("this.$L = pos", end);
            }
            body.add(clear(field.type(), slot))
                    .addStatement("return pos")
                    .endControlFlow();
            if (exposed) {
                type.addMethod(MethodSpec.methodBuilder("has" + Naming.pascal(field.name()))
                        .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                        .addJavadoc("Whether {@code $L} is present (its condition held).\n", field.name())
                        .addStatement("return $L", present).build());
            }
        }
        if (field.position() != null) {
            helpers.add("offsetIn");
            body.add("// Positioned: read at an offset from the region's start; the cursor stays where it was.\n");
            body.addStatement("int resume = pos");
            body.addStatement("pos = $T.offsetIn(region, start, $L, pos, limit)", RuntimeTypes.REGION_CHECKS, expressions.write(field.position()));
        }
        if (field.regionSize() != null) {
            helpers.add("lengthAt");
            body.add("// The value lies within its own region: 'rest' and 'remaining' end there.\n");
            body.addStatement("int regionEnd = pos + $T.lengthAt(region, $L, pos, limit)", RuntimeTypes.REGION_CHECKS, expressions.write(field.regionSize()));
            body.addStatement("limit = regionEnd");
        }
        if (keepsOffset) {
            body.addStatement("this.$L = pos", offset);
        }
        String accessor = exposed ? DecoderNames.accessor(field.name()) : null;
        // Transformed text (TDS passwords) is only text once the hand-written transform is undone.
        ctx.byteLikeReaders.wireBytesAreTransformed(field.transform() != null);
        body.add(readValue(field.type(), slot, accessor, field.name(), field.doc(), ownerHost));
        ctx.byteLikeReaders.wireBytesAreTransformed(false);
        if (field.regionSize() != null) {
            body.addStatement("pos = regionEnd");
        }
        if (keepsEnd) {
            body.addStatement("this.$L = pos", end);
        }
        if (field.value() instanceof FieldValue.Constant constant) {
            body.add(ctx.valueChecks.checkConstant(field, slot, constant.value()));
        } else if (field.value() instanceof FieldValue.Checksum checksum) {
            body.add(ctx.valueChecks.checkChecksum(field, slot, checksum));
        }
        if (field.transform() != null) {
            body.add("// The transform $L is hand-written: the accessor gives the bytes as they are on the wire.\n",
                    field.transform());
        }
        if (field.position() != null) {
            body.addStatement("this.furthest = Math.max(this.furthest, pos)");
            body.addStatement("pos = resume");
        }
        body.addStatement("return pos");
        read.beginControlFlow("try")
                .addCode(body.build())
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inField($S)", field.name())
                .endControlFlow();
        type.addMethod(read.build());
        return method;
    }

    void addLet(Let let) {
        String name = DecoderNames.accessor(let.name());
        String stored = DecoderNames.slot(let.name());
        TypeName javaType = let.type().kind() == ExprType.Kind.BOOL ? TypeName.BOOLEAN : TypeName.LONG;
        if (!let.type().isIntegral() && let.type().kind() != ExprType.Kind.BOOL) {
            throw ExpressionWriter.unsupported("let " + let.name() + " of type " + let.type().describe());
        }
        type.addField(javaType, stored, Modifier.PRIVATE);
        MethodSpec.Builder accessor = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC).returns(javaType)
                .addStatement("return $L", stored);
        accessor.addJavadoc("$L\n", let.doc() == null || let.doc().isBlank() ? "The computed value {@code " + let.name() + "}." : let.doc());
        type.addMethod(accessor.build());
    }

    /** The storage name of the {@code n}th anonymous field ({@code _}), which has no accessor. */
    static String anonymousSlot(int n) {
        return "unnamed" + n;
    }

    /** Zeroes what an absent optional field would otherwise keep from the previous wrap. */
    CodeBlock clear(WireType type, String slot) {
        if (JavaValueTypes.rawNumber(type) != null || type instanceof WireType.Int) {
            return CodeBlock.builder().addStatement("this.$L = 0", slot).build();
        }
        if (JavaValueTypes.isByteLike(type) && !(type instanceof WireType.Padding)) {
            return CodeBlock.builder()
                    .addStatement("this.$L = pos", storage.of(slot, StorageNames.Kind.VALUE_OFFSET))
                    .addStatement("this.$L = 0", storage.of(slot, StorageNames.Kind.VALUE_LENGTH)).build();
        }
        return CodeBlock.of("");
    }

    /**
     * Declares the storage and accessors of a value of {@code wireType} in {@code host} and returns
     * the statements reading it at {@code pos} (within {@code limit}), which leave {@code pos} after it.
     *
     * @param accessor the accessor method name, or {@code null} for a value that is not exposed
     */
    CodeBlock readValue(WireType wireType, String slot, String accessor, String idlField, String fieldDoc,
                                DecoderHost host) {
        TypeSpec.Builder into = host.type();
        CodeBlock.Builder code = CodeBlock.builder();
        String javadoc = fieldDoc == null || fieldDoc.isBlank() ? "The {@code " + idlField + "} field." : fieldDoc;
        if (wireType instanceof WireType.Int || wireType instanceof WireType.EnumRef || wireType instanceof WireType.FlagsRef) {
            WireType.Int base = wireType instanceof WireType.Int i ? i
                    : wireType instanceof WireType.EnumRef e ? e.base() : ((WireType.FlagsRef) wireType).base();
            TypeName raw = JavaValueTypes.primitive(base.kind());
            into.addField(raw, slot, Modifier.PRIVATE);
            helpers.add("need");
            code.addStatement("$T.need(region, pos, $L, limit)", RuntimeTypes.REGION_CHECKS, base.kind().size())
                    .addStatement("this.$L = region.$L(pos)", slot, DecoderNames.readMethod(base))
                    .addStatement("pos += $L", base.kind().size());
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(raw)
                        .addJavadoc("$L\n", javadoc).addStatement("return $L", slot).build());
                if (wireType instanceof WireType.EnumRef e) {
                    ClassName enumClass = JavaValueTypes.enumClass(context, e.name());
                    into.addMethod(MethodSpec.methodBuilder(accessor + "Value").addModifiers(Modifier.PUBLIC)
                            .returns(enumClass)
                            .addJavadoc("{@code $L} as a {@link $T} (no allocation for named values).\n", idlField, enumClass)
                            .addStatement("return $T.of($L)", enumClass, slot).build());
                }
            }
            return code.build();
        }
        if (wireType instanceof WireType.LenEnc) {
            into.addField(TypeName.LONG, slot, Modifier.PRIVATE);
            String isNull = storage.of(slot, StorageNames.Kind.NULL);
            into.addField(TypeName.BOOLEAN, isNull, Modifier.PRIVATE);
            helpers.add("need");
            code.add("{\n").indent()
                    .add(ctx.byteLikeReaders.readPrefix(new Extent.Prefixed(wireType, null), slot, true))
                    .addStatement("this.$L = prefix", slot)
                    .endControlFlow();
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                        .addJavadoc("$L\n(Zero when NULL.)\n", javadoc).addStatement("return $L", slot).build());
                into.addMethod(MethodSpec.methodBuilder("is" + DecoderBuilder.capitalize(accessor) + "Null").addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN).addStatement("return $L", isNull).build());
            }
            return code.build();
        }
        if (wireType instanceof WireType.AsciiInt a) {
            into.addField(TypeName.LONG, slot, Modifier.PRIVATE);
            code.add("{\n").indent()
                    .addStatement("int terminator = $L", ctx.byteLikeReaders.findTerminator(a.terminator(), 1, slot))
                    .addStatement("this.$L = $T.parse(region, pos, terminator)", slot, RuntimeTypes.ASCII_DECIMAL)
                    .addStatement("pos = terminator + $L", a.terminator().length())
                    .endControlFlow();
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                        .addJavadoc("$L\n", javadoc).addStatement("return $L", slot).build());
            }
            return code.build();
        }
        if (JavaValueTypes.isByteLike(wireType)) {
            return ctx.byteLikeReaders.readByteLike(wireType, slot, accessor, javadoc, host);
        }
        if (wireType instanceof WireType.Empty) {
            return code.build();
        }
        if (wireType instanceof WireType.Bitmap b) {
            String at = storage.of(slot, StorageNames.Kind.VALUE_OFFSET);
            String bits = storage.of(slot, StorageNames.Kind.BIT_COUNT);
            into.addField(TypeName.INT, at, Modifier.PRIVATE);
            into.addField(TypeName.INT, bits, Modifier.PRIVATE);
            helpers.add("elementCount");
            helpers.add("need");
            code.addStatement("this.$L = $T.elementCount(region, $L, pos)", bits, RuntimeTypes.REGION_CHECKS, host.expressions().write(b.bits()))
                    .addStatement("$T.need(region, pos, $T.byteLength(this.$L, $L), limit)", RuntimeTypes.REGION_CHECKS, RuntimeTypes.BITMAP, bits, b.bitOffset())
                    .addStatement("this.$L = pos", at)
                    .addStatement("pos += $T.byteLength(this.$L, $L)", RuntimeTypes.BITMAP, bits, b.bitOffset());
            if (accessor != null) {
                into.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                        .addParameter(TypeName.INT, "bit")
                        .addJavadoc("$L\nWhether entry {@code bit} (0-based, before the bit offset of $L) is set.\n", javadoc,
                                b.bitOffset())
                        .addStatement("$T.checkIndex(bit, $L)", Objects.class, bits)
                        .addStatement("return $T.isSet(region, $L, $L, bit)", RuntimeTypes.BITMAP, at, b.bitOffset())
                        .build());
                into.addMethod(MethodSpec.methodBuilder(accessor + "Bits").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                        .addJavadoc("The number of entries of {@code $L}.\n", idlField)
                        .addStatement("return $L", bits).build());
            }
            return code.build();
        }
        if (wireType instanceof WireType.StructRef s) {
            return ctx.structAndUnionReaders.readStruct(s, slot, accessor, javadoc, host);
        }
        if (wireType instanceof WireType.Array a) {
            return ctx.arrayReaders.readArray(a, slot, accessor, idlField, javadoc, host);
        }
        if (wireType instanceof WireType.Union u) {
            return ctx.structAndUnionReaders.readUnion(u, slot, accessor, idlField, javadoc, host);
        }
        throw ExpressionWriter.unsupported("field " + idlField + " of type " + wireType);
    }
}
