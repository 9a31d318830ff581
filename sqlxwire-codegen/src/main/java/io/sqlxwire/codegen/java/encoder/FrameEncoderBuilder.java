package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.framing.BuiltinTransforms;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Builds {@code <Stem><Framing>FrameEncoder}: writes a framing's header in front of a message
 * body and back-patches the body size by inverting the framing's {@code body} expression
 * ({@code length - 4} gives {@code length = body + 4}; {@code (f & mask) - c} keeps the other bits
 * of {@code f}, which the caller sets).
 *
 * <p>Use: {@code wrap(out)}, the header setters (the tag is one: message encoders carry their
 * {@code TAG}), {@code body()}, the message encoder on the same writer, then {@code finish()}.
 * A message whose checksum covers the frame (MongoDB OP_MSG) is given this encoder and calls
 * {@link #patchBodySize} itself before computing it.
 */
public final class FrameEncoderBuilder {

    private final EncoderNames names;
    private final FramingModel framing;
    private final ExpressionTranslator translator;
    private final List<String> unsupported = new ArrayList<>();
    private ContinuationSplit split;
    private String plainField;
    /** Header values ({@code xxxValue}) no code reads: not kept (see {@link #build()}). */
    private Set<String> unreadValues = Set.of();

    public FrameEncoderBuilder(ProtocolModel model, EncoderNames names, FramingModel framing) {
        this.names = names;
        this.framing = framing;
        this.translator = new ExpressionTranslator(model, names);
    }

    public List<String> unsupported() {
        return unsupported;
    }

    /**
     * Generated twice when some header value is never read (most are only written): the second
     * class neither declares nor stores those.
     */
    public TypeSpec build() {
        TypeSpec first = buildOnce();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < framing.header().fields().size(); i++) {
            values.add(base(framing.header().fields().get(i), i) + "Value");
        }
        Set<String> unread = DeadStateFields.unread(first, values);
        if (unread.isEmpty()) {
            return first;
        }
        unreadValues = unread;
        unsupported.clear();
        TypeSpec second = buildOnce();
        DeadStateFields.requireAbsent(second, unread);
        return second;
    }

    private TypeSpec buildOnce() {
        ClassName self = names.frameEncoder(framing.name());
        BodySizeInversion inversion = BodySizeInversion.of(framing.bodySize(), framing.header());
        Long constantBody = framing.bodySize() instanceof TypedExpr.IntConst c ? c.value().longValue() : null;
        if (inversion == null && constantBody == null) {
            unsupported.add("framing " + framing.name() + ": body size expression cannot be inverted");
        }
        List<Field> header = framing.header().fields();
        this.split = ContinuationSplit.of(framing, inversion);
        this.plainField = BuiltinTransforms.plainLengthField(framing).orElse(null);
        boolean zlib = BuiltinTransforms.isZlib(framing);
        if (zlib && BuiltinTransforms.plainLength(framing).isPresent() && plainField == null) {
            unsupported.add("framing " + framing.name() + ": let plain_length must name one header field");
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classDoc(header, inversion));
        if (split != null) {
            type.addJavadoc("\n<p>A body of $L bytes or more is split into continuation frames of $L bytes, the last one\n"
                    + "shorter (empty when the body is an exact multiple), each behind a copy of the header$L.\n",
                    split.chunk(), split.chunk(), split.sequenceField() == null ? ""
                            : " whose {@code " + split.sequenceField() + "} counts on from the first frame's");
        }
        if (zlib) {
            type.addJavadoc("\n<p>Transform {@code zlib}: {@code finish()} deflates the body$L.\n", plainField == null ? ""
                    : " when it has at least {@link #compressAbove(int)} bytes and compressing makes it shorter,"
                    + "\nand writes its plain size into {@code " + plainField + "} (0: stored as is)");
        }
        type.addField(FieldSpec.builder(String.class, "TYPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", framing.name() + " frame").build());
        type.addField(FieldSpec.builder(RuntimeTypes.WIRE_WRITER, "out", Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(TypeName.INT, "frameStart", Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(TypeName.INT, "bodyStart", Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(TypeName.INT, "step", Modifier.PRIVATE).initializer("-1")
                .addJavadoc("The next header field to write; -1 outside wrap(out)..finish(), the field count + 1 after body().\n")
                .build());
        boolean checksums = false;
        for (int i = 0; i < header.size(); i++) {
            Field f = header.get(i);
            if (!unreadValues.contains(base(f, i) + "Value")) {
                type.addField(FieldSpec.builder(TypeName.LONG, base(f, i) + "Value", Modifier.PRIVATE).build());
            }
            type.addField(FieldSpec.builder(TypeName.INT, base(f, i) + "Slot", Modifier.PRIVATE).build());
            checksums |= f.value() instanceof FieldValue.Checksum;
        }
        if (checksums) {
            type.addField(FieldSpec.builder(RuntimeTypes.WIRE_BUFFER, "view", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.WIRE_BUFFER).build());
            type.addField(FieldSpec.builder(ClassName.get("java.util.zip", "CRC32"), "crc32", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", ClassName.get("java.util.zip", "CRC32")).build());
            type.addField(FieldSpec.builder(ClassName.get("java.util.zip", "CRC32C"), "crc32c", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", ClassName.get("java.util.zip", "CRC32C")).build());
            type.addField(FieldSpec.builder(byte[].class, "scratch", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new byte[256]").build());
            type.addField(FieldSpec.builder(byte[].class, "NO_SEED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("{}").build());
        }

        if (split != null) {
            type.addField(FieldSpec.builder(TypeName.INT, "frames", Modifier.PRIVATE).build());
        }
        if (zlib) {
            type.addField(FieldSpec.builder(BuiltinTransforms.ZLIB_DEFLATER, "deflater", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", BuiltinTransforms.ZLIB_DEFLATER).build());
            type.addField(FieldSpec.builder(TypeName.BOOLEAN, "compressed", Modifier.PRIVATE).build());
            if (plainField != null) {
                type.addField(FieldSpec.builder(TypeName.INT, "DEFAULT_COMPRESS_ABOVE", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL).addJavadoc("Bodies shorter than this are stored as they are by default.\n")
                        .initializer("50").build());
                type.addField(FieldSpec.builder(TypeName.INT, "compressAbove", Modifier.PRIVATE)
                        .initializer("DEFAULT_COMPRESS_ABOVE").build());
                type.addMethod(MethodSpec.methodBuilder("compressAbove").addModifiers(Modifier.PUBLIC).returns(self)
                        .addJavadoc("Bodies of fewer than {@code bytes} bytes are stored as they are (a value above any\n"
                                + "body size turns compression off). Kept across frames.\n")
                        .addParameter(TypeName.INT, "bytes")
                        .beginControlFlow("if (bytes < 0)")
                        .addStatement("throw new $T(\"negative threshold \" + bytes)", IllegalArgumentException.class)
                        .endControlFlow()
                        .addStatement("this.compressAbove = bytes").addStatement("return this").build());
            }
            type.addMethod(MethodSpec.methodBuilder("compressed").addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                    .addJavadoc("Whether the last frame's body was deflated (false: stored as is).\n")
                    .addStatement("return compressed").build());
        }

        MethodSpec.Builder wrap = MethodSpec.methodBuilder("wrap").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Starts a frame at the writer's position.\n")
                .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                .addCode(WrapAndFinish.storeIfChanged("out"))
                .addStatement("this.frameStart = out.position()")
                .addStatement("this.step = 0");
        for (int i = 0; i < header.size(); i++) {
            // A user-set field's value and every slot are written before body() lets anything read them.
            if (!isUserSet(header.get(i), inversion) && !unreadValues.contains(base(header.get(i), i) + "Value")) {
                wrap.addStatement("$LValue = 0", base(header.get(i), i));
            }
        }
        type.addMethod(wrap.addStatement("return this").build());

        for (int i = 0; i < header.size(); i++) {
            Field f = header.get(i);
            if (!isUserSet(f, inversion)) {
                continue;
            }
            WireType.Int intType = EncoderValueTypes.intBase(f.type());
            String setter = Naming.member(f.name());
            MethodSpec.Builder m = MethodSpec.methodBuilder(setter).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("$L", f.doc() == null || f.doc().isBlank() ? "" : f.doc().strip() + "\n\n");
            if (intType == null || intType.kind().floating()) {
                unsupported.add("framing " + framing.name() + "." + f.name() + ": header fields of this type");
                m.addParameter(TypeName.LONG, "value")
                        .addStatement("throw new $T(TYPE + \".$L: not supported\")", UnsupportedOperationException.class, setter);
                type.addMethod(m.build());
                continue;
            }
            TypeName javaType = EncoderValueTypes.numberType(intType.kind());
            m.addParameter(javaType, "value")
                    .beginControlFlow("if (step != $L)", i)
                    .addStatement("advance($L, $S)", i, setter)
                    .endControlFlow();
            if (inversion instanceof BodySizeInversion.Direct d && d.field().equals(f.name())) {
                m.addJavadoc("The bits outside the body size ({@code 0x$L} mask) are kept.\n", Long.toHexString(~d.mask()));
            } else if (carriesBodySize(f, inversion)) {
                m.addJavadoc("In the header forms that carry part of the body size here, {@code finish()} overwrites it.\n");
            }
            CodeBlock range = WireIo.rangeCheck(intType.kind(), "value", javaType, CodeBlock.of("$T", names.support()));
            if (range != null) {
                m.addStatement("$L", range);
            }
            if (!unreadValues.contains(base(f, i) + "Value")) {
                m.addStatement("$LValue = value", base(f, i));
            }
            if (carriesBodySize(f, inversion) || split != null && f.name().equals(split.sequenceField())) {
                m.addStatement("$LSlot = out.position()", base(f, i));
            }
            m.addStatement("$L", WireIo.put(intType, "value", javaType));
            // The encoder's own fields up to the next one the caller sets are written right away:
            // the same bytes advance() would write later, without its loop on the common path.
            int next = i + 1;
            for (; next < header.size() && !isUserSet(header.get(next), inversion)
                    && EncoderValueTypes.intBase(header.get(next).type()) != null; next++) {
                m.addCode(ownedWrite(header.get(next), next));
            }
            m.addStatement("step = $L", next);
            type.addMethod(m.addStatement("return this").build());
        }

        MethodSpec.Builder advance = MethodSpec.methodBuilder("advance").addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "member").addParameter(String.class, "name")
                .beginControlFlow("if (step < 0 || step > $L)", header.size())
                .addStatement("throw new $T(TYPE + \".\" + name + \": call wrap(out) first; header setters come before body()\")",
                        IllegalStateException.class)
                .endControlFlow()
                .beginControlFlow("if (step > member)")
                .addStatement("throw new $T(TYPE + \".\" + name + \": set out of order or twice\")", IllegalStateException.class)
                .endControlFlow()
                .beginControlFlow("while (step < member)");
        advance.beginControlFlow("switch (step)");
        for (int i = 0; i < header.size(); i++) {
            Field f = header.get(i);
            WireType.Int intType = EncoderValueTypes.intBase(f.type());
            advance.addCode("case $L:\n$>", i);
            if (isUserSet(f, inversion)) {
                advance.addStatement("throw new $T(TYPE + \".$L: required before \" + name)", IllegalStateException.class,
                        Naming.member(f.name()));
                advance.addCode("$<");
                continue;
            }
            if (intType == null) {
                advance.addStatement("throw new $T(TYPE + \".$L: header field of this type is not supported\")",
                        UnsupportedOperationException.class, f.name());
                advance.addCode("$<");
                continue;
            }
            advance.addCode(ownedWrite(f, i));
            advance.addStatement("break").addCode("$<");
        }
        advance.addCode("default:\n$>").addStatement("break").addCode("$<");
        advance.endControlFlow();
        advance.addStatement("step++").endControlFlow();
        type.addMethod(advance.build());

        type.addMethod(MethodSpec.methodBuilder("body").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("Completes the header (constants, reserved size) and returns where the body starts.\n")
                .beginControlFlow("if (step != $L)", header.size())
                .addStatement("advance($L, \"body\")", header.size())
                .endControlFlow()
                .addStatement("step = $L", header.size() + 1)
                .addStatement("bodyStart = out.position()")
                .addStatement("return bodyStart")
                .build());
        type.addMethod(MethodSpec.methodBuilder("frameStart").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("Where the frame's first header byte is in the writer.\n")
                .addStatement("return frameStart").build());

        MethodSpec.Builder patch = MethodSpec.methodBuilder("patchBodySize").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Writes the body size for everything written since {@link #body()} into the header.\n")
                .beginControlFlow("if (step != $L)", header.size() + 1)
                .addStatement("throw new $T(TYPE + \": body() was not called\")", IllegalStateException.class)
                .endControlFlow()
                .addStatement("long body = out.position() - bodyStart")
                .beginControlFlow("if (body < 0)")
                .addStatement("throw new $T(TYPE + \": the writer was truncated into the frame header\")",
                        IllegalStateException.class)
                .endControlFlow();
        if (split != null) {
            patch.addJavadoc("A body of {@value #CONTINUATION_SIZE} bytes or more is split into continuation frames here.\n")
                    .addStatement("frames = 1")
                    .beginControlFlow("if (body >= CONTINUATION_SIZE)")
                    .addStatement("splitContinued((int) body)")
                    .addStatement("return")
                    .endControlFlow();
            type.addField(FieldSpec.builder(TypeName.INT, "CONTINUATION_SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The body size of a frame that is continued by the next one.\n")
                    .initializer("$L", split.chunk()).build());
            type.addMethod(splitMethod(header));
            type.addMethod(MethodSpec.methodBuilder("frames").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addJavadoc("How many frames the last body took (1 unless it was split).\n")
                    .addStatement("return frames").build());
        }
        patch.beginControlFlow("if (body > $LL)", framing.maxBody())
                .addStatement("throw new $T(\"body of \" + body + \" bytes exceeds the frame maximum of $L\", bodyStart)",
                        RuntimeTypes.CODEC_EXCEPTION, framing.maxBody())
                .endControlFlow();
        if (constantBody != null) {
            patch.beginControlFlow("if (body != $LL)", constantBody)
                    .addStatement("throw new $T(\"body of \" + body + \" bytes; this frame carries exactly $L\", bodyStart)",
                            RuntimeTypes.CODEC_EXCEPTION, constantBody)
                    .endControlFlow();
        } else if (inversion == null) {
            patch.addStatement("throw new $T(TYPE + \": the body size expression cannot be inverted\")",
                    UnsupportedOperationException.class);
        } else {
            patch.addCode(writeBodySize(header, inversion, false));
        }
        type.addMethod(patch.build());

        MethodSpec.Builder finish = MethodSpec.methodBuilder("finish").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("Back-patches the body size (and header checksums) and returns the frame's total length.\n")
                .beginControlFlow("if (step < 0)")
                .addStatement("throw new $T(TYPE + \": call wrap(out) first\")", IllegalStateException.class)
                .endControlFlow();
        if (zlib) {
            finish.beginControlFlow("if (step != $L)", header.size() + 1)
                    .addStatement("throw new $T(TYPE + \": body() was not called\")", IllegalStateException.class)
                    .endControlFlow();
            if (plainField == null) {
                finish.addStatement("compressed = deflater.compressInPlace(out, bodyStart, true)");
            } else {
                int index = indexOf(header, plainField);
                Field f = header.get(index);
                WireType.Int intType = EncoderValueTypes.intBase(f.type());
                finish.addStatement("long plain = out.position() - bodyStart")
                        .addStatement("$T.checkRange(plain, 0L, $LL, bodyStart)", names.support(), intType.kind().max().longValueExact())
                        .addStatement("compressed = plain >= compressAbove && deflater.compressInPlace(out, bodyStart)")
                        .addStatement("$L", WireIo.patch(intType, base(f, index) + "Slot", "(compressed ? plain : 0L)", TypeName.LONG));
            }
        }
        finish.addStatement("patchBodySize()");
        for (int i = 0; i < header.size(); i++) {
            Field f = header.get(i);
            if (f.value() instanceof FieldValue.Checksum c && EncoderValueTypes.intBase(f.type()) != null) {
                String b = base(f, i);
                String from = "frameStart"; // the header is the whole range a header checksum covers
                String value = switch (c.kind()) {
                    case CRC24 -> CodeBlock.of("$T.crc24(out, view, $L, $LSlot)", names.support(), from, b).toString();
                    case CRC32 -> CodeBlock.of("$T.checksum(crc32, NO_SEED, out, view, $L, $LSlot, scratch)", names.support(), from, b).toString();
                    case CRC32C -> CodeBlock.of("$T.checksum(crc32c, NO_SEED, out, view, $L, $LSlot, scratch)", names.support(), from, b).toString();
                };
                finish.addStatement("$LValue = $L", b, value);
                finish.addStatement("$L", WireIo.patch(EncoderValueTypes.intBase(f.type()), b + "Slot", b + "Value", TypeName.LONG));
            }
        }
        finish.addStatement("int length = out.position() - frameStart")
                .addStatement("step = -1")
                .addStatement("return length");
        type.addMethod(finish.build());
        return type.build();
    }

    /**
     * {@code splitContinued(body)}: a copy of the header behind every full chunk, counting the
     * sequence field on; inserted from the last chunk back so that each offset is still the
     * original one.
     */
    private MethodSpec splitMethod(List<Field> header) {
        int lengthIndex = indexOf(header, split.lengthField());
        Field length = header.get(lengthIndex);
        WireType.Int lengthType = EncoderValueTypes.intBase(length.type());
        String lengthSlot = base(length, lengthIndex) + "Slot";
        MethodSpec.Builder m = MethodSpec.methodBuilder("splitContinued").addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "body")
                .addStatement("int count = body / CONTINUATION_SIZE + 1")
                .addStatement("int header = bodyStart - frameStart")
                .beginControlFlow("for (int k = count - 1; k >= 1; k--)")
                .addStatement("int at = bodyStart + k * CONTINUATION_SIZE")
                .addStatement("out.insert(at, header)")
                .beginControlFlow("for (int i = 0; i < header; i++)")
                .addStatement("out.patch8(at + i, out.u8At(frameStart + i))")
                .endControlFlow()
                .addStatement("int size = k == count - 1 ? body - k * CONTINUATION_SIZE : CONTINUATION_SIZE")
                .addStatement("$L", WireIo.patch(lengthType, "at + " + lengthSlot + " - frameStart", "size", TypeName.INT));
        if (split.sequenceField() != null) {
            int seqIndex = indexOf(header, split.sequenceField());
            Field seq = header.get(seqIndex);
            WireType.Int seqType = EncoderValueTypes.intBase(seq.type());
            long mask = seqType.kind().size() == 8 ? -1L : (1L << seqType.kind().bits()) - 1;
            String b = base(seq, seqIndex);
            m.addStatement("$L", WireIo.patch(seqType, "at + " + b + "Slot - frameStart",
                    "((" + b + "Value + k) & 0x" + Long.toHexString(mask) + "L)", TypeName.LONG));
        }
        return m.endControlFlow()
                .addStatement("$L", WireIo.patch(lengthType, lengthSlot, "CONTINUATION_SIZE", TypeName.INT))
                .addStatement("frames = count").build();
    }

    /**
     * Code writing {@code body} into the header fields as {@code inversion} says. Inside a choice
     * ({@code remember}) the values written are kept, so that the choice can be checked again.
     */
    private CodeBlock writeBodySize(List<Field> header, BodySizeInversion inversion, boolean remember) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (inversion instanceof BodySizeInversion.Choice choice) {
            CodeBlock form = condition(choice.condition());
            code.addStatement("boolean form = $L", form)
                    .beginControlFlow("if (form)").add(writeBodySize(header, choice.yes(), true))
                    .nextControlFlow("else").add(writeBodySize(header, choice.no(), true))
                    .endControlFlow()
                    // A size whose bits select the other form when read back (TNS: low half 0 or 4) has no header.
                    .beginControlFlow("if ($L != form)", form)
                    .addStatement("throw new $T(\"body of \" + body + \" bytes cannot be written in this header form\", frameStart)",
                            RuntimeTypes.CODEC_EXCEPTION)
                    .endControlFlow();
            return code.build();
        }
        if (inversion instanceof BodySizeInversion.Split split) {
            int highIndex = indexOf(header, split.high());
            int lowIndex = indexOf(header, split.low());
            WireType.Int highType = EncoderValueTypes.intBase(header.get(highIndex).type());
            WireType.Int lowType = EncoderValueTypes.intBase(header.get(lowIndex).type());
            String high = base(header.get(highIndex), highIndex);
            String low = base(header.get(lowIndex), lowIndex);
            long lowMask = Math.min((1L << split.shift()) - 1, lowType.kind().max().longValueExact());
            long max = highType.kind().max().shiftLeft(split.shift()).or(BigInteger.valueOf(lowMask))
                    .min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
            return code.addStatement("long size = body$L", plus(split.add()))
                    .addStatement("$T.checkRange(size, 0L, $LL, frameStart)", names.support(), max)
                    .addStatement("$LValue = size >>> $L", high, split.shift())
                    .addStatement("$LValue = size & 0x$LL", low, Long.toHexString(lowMask))
                    .addStatement("$L", WireIo.patch(highType, high + "Slot", high + "Value", TypeName.LONG))
                    .addStatement("$L", WireIo.patch(lowType, low + "Slot", low + "Value", TypeName.LONG))
                    .build();
        }
        BodySizeInversion.Direct direct = (BodySizeInversion.Direct) inversion;
        int index = indexOf(header, direct.field());
        Field f = header.get(index);
        WireType.Int intType = EncoderValueTypes.intBase(f.type());
        String b = base(f, index);
        code.addStatement("long size = body$L", plus(direct.add()));
        if (direct.mask() != -1) {
            code.addStatement("$T.checkRange(size, 0L, $LL, frameStart)", names.support(), direct.mask());
            code.addStatement("long value = ($LValue & ~$LL) | size", b, direct.mask());
        } else {
            long min = intType.kind().min().max(BigInteger.ZERO).longValueExact();
            long max = intType.kind().size() == 8 ? Long.MAX_VALUE : intType.kind().max().longValueExact();
            // body is 0..maxBody here (checked before): the check is needed only when that range
            // plus the adjustment can leave the field's.
            if (direct.add() < min || framing.maxBody() + direct.add() > max) {
                code.addStatement("$T.checkRange(size, $LL, $LL, frameStart)", names.support(), min, max);
            }
            code.addStatement("long value = size");
        }
        if (remember) {
            code.addStatement("$LValue = value", b);
        }
        return code.addStatement("$L", WireIo.patch(intType, b + "Slot", "value", TypeName.LONG)).build();
    }

    /** Writes a header field the encoder owns: a constant, or a slot that finish() patches. */
    private static CodeBlock ownedWrite(Field f, int i) {
        WireType.Int intType = EncoderValueTypes.intBase(f.type());
        if (f.value() instanceof FieldValue.Constant c) {
            TypedExpr v = c.value();
            BigInteger value = v instanceof TypedExpr.IntConst ic ? ic.value()
                    : v instanceof TypedExpr.NamedConst nc ? nc.value() : BigInteger.ZERO;
            return CodeBlock.builder().addStatement("$L", WireIo.put(intType, value.longValue() + "L", TypeName.LONG)).build();
        }
        // body size, checksum or reserved: a slot patched by finish()
        return CodeBlock.builder().addStatement("$LSlot = out.reserve($L)", base(f, i), intType.kind().size()).build();
    }

    private static String plus(long add) {
        return add == 0 ? "" : (add > 0 ? " + " + add : " - " + -add);
    }

    /** A choice's condition over the header values the caller set. */
    private CodeBlock condition(TypedExpr condition) {
        List<Field> header = framing.header().fields();
        ExpressionScope scope = new HeaderScope(header);
        return translator.translate(condition, scope).filter(e -> e.kind() == JavaExpr.Kind.BOOL)
                .map(JavaExpr::code)
                .orElseThrow(() -> new IllegalStateException("framing " + framing.name() + ": condition not computable"));
    }

    /** Header fields read as the values kept by the setters and {@code advance}. */
    private record HeaderScope(List<Field> header) implements ExpressionScope {
        @Override
        public java.util.Optional<JavaExpr> field(String name) {
            int index = indexOf(header, name);
            return index < 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(JavaExpr.of(JavaExpr.Kind.LONG, "$LValue", base(header.get(index), index)));
        }

        @Override
        public java.util.Optional<JavaExpr> let(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<JavaExpr> param(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<JavaExpr> elementIndex() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<JavaExpr> sizeOf(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<JavaExpr> countOf(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean hasSession() {
            return false;
        }
    }

    private static boolean carriesBodySize(Field f, BodySizeInversion inversion) {
        return inversion != null && BodySizeInversion.targets(inversion).contains(f.name());
    }

    private boolean isUserSet(Field f, BodySizeInversion inversion) {
        if (f.name().equals(plainField)) {
            return false; // the zlib transform writes the plain size
        }
        if (carriesBodySize(f, inversion)) {
            return !BodySizeInversion.owned(inversion).contains(f.name()); // some bits or forms are the caller's
        }
        return f.value() instanceof FieldValue.None && !f.isAnonymous();
    }

    private CodeBlock classDoc(List<Field> header, BodySizeInversion inversion) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (framing.doc() != null && !framing.doc().isBlank()) {
            b.add("$L\n\n", framing.doc().strip());
        }
        List<String> setters = new ArrayList<>();
        for (Field f : header) {
            if (isUserSet(f, inversion)) {
                setters.add(Naming.member(f.name()));
            }
        }
        b.add("<p>Writes the {@code $L} frame header: {@code wrap(out)}, $L{@code body()}, the message encoder on the same "
                + "writer, {@code finish()}. The body size is back-patched$L.\n", framing.name(),
                setters.isEmpty() ? "" : "{@code " + String.join("}, {@code ", setters) + "}, ",
                inversion == null ? "" : " into {@code " + String.join("}, {@code ", BodySizeInversion.targets(inversion)) + "}");
        return b.build();
    }

    private static String base(Field f, int index) {
        String name = f.isAnonymous() ? "reserved" + index : Naming.member(f.name());
        return name.endsWith("_") ? name.substring(0, name.length() - 1) + "Field" : name;
    }

    private static int indexOf(List<Field> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
