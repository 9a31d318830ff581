package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.Conditions;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Reads nested structs (re-pointed nested decoders, depth-bounded for recursive types) and
 * unions (arm selection by subject, patterns and guards).
 */
final class StructAndUnionReaders extends DecoderPart {

    StructAndUnionReaders(DecoderLayout ctx) {
        super(ctx);
    }

    CodeBlock readStruct(WireType.StructRef s, String slot, String accessor, String javadoc, DecoderHost host) {
        StructModel struct = context.model().struct(s.name())
                .orElseThrow(() -> ExpressionWriter.unsupported("unknown struct " + s.name()));
        ClassName decoder = JavaValueTypes.decoderClass(context, s.name());
        CodeBlock.Builder code = CodeBlock.builder();
        if (struct.recursive()) {
            // Created on first use: a recursive type's decoder would otherwise construct itself forever.
            host.type().addField(decoder, slot, Modifier.PRIVATE);
            code.beginControlFlow("if (this.$L == null)", slot)
                    .addStatement("this.$L = new $T($L)", slot, decoder, recursive ? "depth + 1" : "1")
                    .endControlFlow();
        } else {
            host.type().addField(FieldSpec.builder(decoder, slot, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", decoder).build());
        }
        if (DecoderBuilder.coversFrame(context, struct.layout(), new TreeSet<>())) {
            // Its checksum covers the frame: pass the frame on (or null, when this decoder has none).
            // The nested value shares this region, so the region starts at the same place in the frame.
            code.addStatement("this.$L.inFrame(frame, frameOffset)", slot);
        }
        code.add(wrapStruct(s, CodeBlock.of("this.$L", slot), host));
        if (accessor != null) {
            host.type().addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(decoder)
                    .addJavadoc("$L\n(The nested decoder, reused.)\n", javadoc)
                    .addStatement("return $L", slot).build());
        }
        return code.build();
    }

    /**
     * Wraps the nested decoder {@code target} around the struct value at {@code pos} (in this
     * region, in place) and moves {@code pos} past it.
     */
    CodeBlock wrapStruct(WireType.StructRef s, CodeBlock target, DecoderHost host) {
        StructModel struct = context.model().struct(s.name())
                .orElseThrow(() -> ExpressionWriter.unsupported("unknown struct " + s.name()));
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (int i = 0; i < s.arguments().size(); i++) {
            Parameter parameter = struct.parameters().get(i);
            TypeName parameterType = ctx.decoderWrapMethods.parameterType(parameter);
            arguments.add(", ");
            TypedExpr argument = s.arguments().get(i);
            if (parameterType.equals(TypeName.INT)) {
                arguments.add("$L", host.expressions().intValue(argument));
            } else {
                arguments.add("$L", host.expressions().write(argument));
            }
        }
        if (DecoderBuilder.needsSession(context, struct.layout(), new TreeSet<>())) {
            arguments.add(", $L.session", host.ownerRef());
        }
        // Trust passes down: a nested value of an element being re-read was validated with it.
        return CodeBlock.builder()
                .addStatement("$L.trusted = $L.trusted", target, host.ownerRef())
                .addStatement("$L.wrapIn(region, pos, limit - pos$L)", target, arguments.build())
                .addStatement("pos += $L.encodedLength()", target)
                .build();
    }

    CodeBlock readUnion(WireType.Union union, String slot, String accessor, String idlField, String javadoc,
                                DecoderHost host) {
        TypeSpec.Builder into = host.type();
        String armChosen = storage.of(slot, StorageNames.Kind.ARM);
        into.addField(TypeName.INT, armChosen, Modifier.PRIVATE);
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("long subject = $L", host.expressions().write(union.subject()));
        List<String> armNames = UnionArms.names(context, union);
        // Many cases read inline make one method too big for the JIT to inline into its caller
        // (a call per value, e.g. MySQL's binary row values): each case then reads in a method of its own.
        boolean armMethods = union.arms().size() + (union.fallback() != null ? 1 : 0) >= ARMS_READ_IN_METHODS;
        for (int i = 0; i < union.arms().size(); i++) {
            UnionArm arm = union.arms().get(i);
            CodeBlock test = UnionArms.matches(arm, "subject");
            if (arm.guard() != null) {
                test = CodeBlock.of("$L && $L", test, host.expressions().write(arm.guard()));
            }
            code.beginControlFlow(i == 0 ? "if ($L)" : "else if ($L)", Conditions.bare(test));
            code.addStatement("this.$L = $L", armChosen, i);
            code.add(armRead(readArm(arm, slot, accessor, armNames.get(i), idlField, host), slot, armNames.get(i),
                    idlField, armMethods, host));
            code.endControlFlow();
        }
        if (union.fallback() != null) {
            code.beginControlFlow(union.arms().isEmpty() ? "" : "else");
            code.addStatement("this.$L = -1", armChosen);
            code.add(armRead(readArm(union.fallback(), slot, accessor, UnionArms.FALLBACK, idlField, host), slot,
                    UnionArms.FALLBACK, idlField, armMethods, host));
            code.endControlFlow();
        } else {
            helpers.add("fail");
            code.beginControlFlow("else")
                    .addStatement("throw $T.fail(region, \"no case for \" + subject, pos)", RuntimeTypes.REGION_CHECKS)
                    .endControlFlow();
        }
        if (accessor != null) {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < armNames.size(); i++) {
                list.append(i).append(' ').append(armNames.get(i)).append(i + 1 < armNames.size() ? ", " : "");
            }
            into.addMethod(MethodSpec.methodBuilder(accessor + "Arm").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addJavadoc("$L\nWhich case was read: $L$L.\n", javadoc, list,
                            union.fallback() != null ? ", -1 " + UnionArms.FALLBACK : "")
                    .addStatement("return $L", armChosen).build());
        }
        return code.build();
    }

    /** The number of cases from which each case's read gets a method of its own. */
    private static final int ARMS_READ_IN_METHODS = 4;

    /** The case's read inline, or (for unions of many cases) a call of a method holding it. */
    private CodeBlock armRead(CodeBlock read, String slot, String armName, String idlField, boolean inMethod,
                              DecoderHost host) {
        if (!inMethod || read.isEmpty()) {
            return read;
        }
        String method = "read" + Character.toUpperCase(slot.charAt(0)) + slot.substring(1) + "Case" + armName;
        host.type().addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
                .addJavadoc("Reads the $L case of {@code $L}; returns where it ends.\n", armName, idlField)
                .addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit")
                .addCode(read).addStatement("return pos").build());
        return CodeBlock.builder().addStatement("pos = $L(pos, limit)", method).build();
    }

    CodeBlock readArm(UnionArm arm, String slot, String accessor, String armName, String idlField, DecoderHost host) {
        String armSlot = storage.arm(slot, armName);
        String armAccessor = accessor == null ? null : accessor + "As" + armName;
        String armDoc = arm.doc() == null || arm.doc().isBlank()
                ? "The {@code " + idlField + "} case " + armName + "; meaningful when it is the case read." : arm.doc();
        return ctx.fieldReaders.readValue(arm.type(), armSlot, armAccessor, idlField, armDoc, host);
    }
}
