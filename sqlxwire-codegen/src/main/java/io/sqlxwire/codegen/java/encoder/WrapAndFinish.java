package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code wrap}, {@code wrapNested} and {@code finish} of an encoder, with the checksum
 * back-patching {@code finish} does.
 */
final class WrapAndFinish extends EncoderPart {

    WrapAndFinish(EncoderLayout ctx) {
        super(ctx);
    }

    MethodSpec publicWrap() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("wrap").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Starts a $L at the writer's position.\n", ownerName)
                .addParameter(RuntimeTypes.WIRE_WRITER, "out");
        List<String> args = new ArrayList<>();
        args.add("out");
        if (needsSession) {
            m.addParameter(names.session(), "session");
            m.addJavadoc("@param session the connection's session variables, which decide optional members\n");
            args.add("session");
        } else {
            args.add("null");
        }
        if (needsFrame && frameType != null) {
            m.addParameter(frameType, "frame");
            m.addJavadoc("@param frame the frame encoder this message is the body of: its checksum covers the frame\n");
            args.add("frame");
        } else if (needsFrame) {
            args.add("null");
        }
        for (Parameter p : parameters) {
            m.addParameter(ctx.encoderStateFields.paramType(p), EncoderStateFields.paramField(p));
            args.add(EncoderStateFields.paramField(p));
            args.add("true");
        }
        m.addStatement("return wrapNested($L)", String.join(", ", args));
        return m.build();
    }

    MethodSpec nestedWrap(List<FieldSpec> state) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("wrapNested").returns(self)
                .addJavadoc("Starts encoding; used by enclosing encoders, which may not know every argument.\n")
                .addParameter(RuntimeTypes.WIRE_WRITER, "out")
                .addParameter(needsSession ? names.session() : ClassName.OBJECT, "session");
        if (needsFrame) {
            m.addParameter(frameType != null ? frameType : ClassName.OBJECT, "frame");
        }
        for (Parameter p : parameters) {
            m.addParameter(ctx.encoderStateFields.paramType(p), EncoderStateFields.paramField(p));
            m.addParameter(TypeName.BOOLEAN, EncoderStateFields.paramField(p) + "Known");
        }
        // References are stored only when they change: with G1 a reference store into a long-lived
        // encoder costs a memory fence, and an encoder usually writes into the same writer.
        // finish() keeps them (step = -1 says the encoder is not wrapped).
        m.addCode(storeIfChanged("out"));
        if (needsSession) {
            m.addCode(storeIfChanged("session"));
        }
        if (needsFrame && frameType != null) {
            m.addCode(storeIfChanged("frame"));
        }
        for (Parameter p : parameters) {
            m.addStatement("this.$L = $L", EncoderStateFields.paramField(p), EncoderStateFields.paramField(p));
            m.addStatement("this.$LKnown = $LKnown", EncoderStateFields.paramField(p), EncoderStateFields.paramField(p));
        }
        m.addStatement("this.start = out.position()");
        m.addStatement("this.step = 0");
        m.addStatement("this.open = -1");
        m.addStatement("this.childOpen = false");
        for (FieldSpec f : state) {
            if (f.type().isPrimitive()) {
                String init = f.type().equals(TypeName.BOOLEAN) ? "false" : f.name().endsWith("Slot") ? "-1" : "0";
                m.addStatement("this.$N = $L", f, init);
            } else if (f.type().equals(ClassName.get(CharSequence.class)) || f.type().equals(BIT_SET)) {
                m.addStatement("this.$N = null", f);
            }
        }
        m.addStatement("return this");
        return m.build();
    }

    static CodeBlock storeIfChanged(String field) {
        return CodeBlock.builder().beginControlFlow("if (this.$L != $L)", field, field)
                .addStatement("this.$L = $L", field, field).endControlFlow().build();
    }

    MethodSpec finish() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("finish").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("Writes what is left (trailing constants, padding, empty arrays), back-patches lengths, counts\n"
                        + "and checksums, and returns the number of bytes this $L took.\n\n"
                        + "@throws IllegalStateException when a required member was not set\n", ownerName)
                .addCode(ctx.encoderCursor.enter(plans.size(), "finish"));
        CodeBlock.Builder checksums = CodeBlock.builder();
        for (MemberPlan plan : plans) {
            if (plan.kind == MemberPlan.Kind.CHECKSUM && plan.unsupported == null) {
                checksums.add(checksumPatch(plan));
            }
        }
        if (!checksums.isEmpty()) {
            m.beginControlFlow("try")
                    .addCode(checksums.build())
                    .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                    .addStatement("throw e.inMessage(PROTOCOL, TYPE)")
                    .endControlFlow();
        }
        m.addStatement("int written = out.position() - start");
        m.addStatement("step = -1");
        for (MemberPlan plan : plans) {
            if (plan.kind == MemberPlan.Kind.BYTES && plan.field.type() instanceof WireType.Text && ctx.isLive(plan.base + "Text")) {
                m.addStatement("$LText = null", plan.base);
            }
            if (plan.kind == MemberPlan.Kind.BITMAP) {
                m.addStatement("$LBits = null", plan.base);
            }
        }
        m.addStatement("return written");
        return m.build();
    }

    CodeBlock checksumPatch(MemberPlan plan) {
        FieldValue.Checksum c = (FieldValue.Checksum) plan.field.value();
        CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if ($LSlot >= 0)", plan.base);
        String from;
        if (c.fromFrame()) {
            b.beginControlFlow("if (frame == null)")
                    .addStatement("throw new $T(TYPE + \".$L: the checksum covers the frame; wrap with the frame encoder\")",
                            IllegalStateException.class, plan.displayName())
                    .endControlFlow()
                    .addStatement("frame.patchBodySize()");
            from = "frame.frameStart()";
        } else if (c.fromField() != null && byName.containsKey(c.fromField())) {
            from = byName.get(c.fromField()).base + "Start";
        } else {
            from = "start";
        }
        ctx.usesView = true;
        String value;
        if (c.kind() == FieldValue.ChecksumKind.CRC24) {
            value = support + ".crc24(out, view, " + from + ", " + plan.base + "Slot)";
        } else {
            String engine = c.kind() == FieldValue.ChecksumKind.CRC32 ? "crc32" : "crc32c";
            if (c.kind() == FieldValue.ChecksumKind.CRC32) {
                ctx.usesCrc32 = true;
            } else {
                ctx.usesCrc32c = true;
            }
            String seed = ctx.byteConstants.constant(plan.base + "Seed", c.seed().toArray());
            value = support + ".checksum(" + engine + ", " + seed + ", out, view, " + from + ", " + plan.base + "Slot, scratch)";
        }
        b.addStatement("$LValue = $L", plan.base, value);
        b.addStatement("$L", WireIo.patch(OwnedMemberWriters.intType(plan.field.type()), plan.base + "Slot", plan.base + "Value", TypeName.LONG));
        return b.endControlFlow().build();
    }
}
