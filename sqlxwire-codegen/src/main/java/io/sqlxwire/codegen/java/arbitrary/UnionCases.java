package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.decoder.UnionArms;
import io.sqlxwire.codegen.java.values.Conditions;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The helper that gives the values of a union field for a given subject: the case the decoder
 * would choose for that subject (first matching pattern whose guard holds, else the fallback).
 * A union on {@code peek(...)} has no subject: any case may be chosen, but only with values whose
 * first bytes select that case and no earlier one (an inline command must not start with {@code *}).
 */
final class UnionCases {

    private final GenerationContext context;
    private final RecordShape owner;
    private final Field field;
    private final WireType.Union union;
    /** The name of the helper telling which case some bytes select, while {@link #method} is built. */
    private String peekedCase;

    UnionCases(GenerationContext context, RecordShape owner, Field field, WireType.Union union) {
        this.context = context;
        this.owner = owner;
        this.field = field;
        this.union = union;
    }

    /** The helper giving the union's values, and for a {@code peek} union the case its bytes select. */
    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        peekedCase = null;
        if (union.subject() instanceof TypedExpr.Peek peek) {
            MethodSpec selected = peekedCase(peek);
            if (selected != null) {
                peekedCase = selected.name();
                methods.add(selected);
            }
        }
        methods.add(0, method());
        return methods;
    }

    /**
     * {@code <union>Peeked(byte[] encoding)}: the index of the case the decoder chooses for a value
     * encoded as these bytes (-1 the fallback, -2 too short to peek), or {@code null} when the peek
     * reads more than one byte or at a computed offset.
     */
    private MethodSpec peekedCase(TypedExpr.Peek peek) {
        IntKind kind = peek.read().kind();
        if (kind != IntKind.U8 && kind != IntKind.I8) {
            return null;
        }
        long offset = 0;
        if (peek.offset() != null) {
            if (!(peek.offset() instanceof TypedExpr.IntConst c)) {
                return null;
            }
            offset = c.value().longValueExact();
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(
                        ArbitraryNames.unionMethod(owner.idlName(), field.name()) + "Peeked")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(TypeName.INT)
                .addJavadoc("The case of {@code $L.$L} the decoder chooses for a value encoded as {@code bytes}: its\n"
                        + "index, -1 for the fallback, -2 when there is no byte to peek at.\n", owner.idlName(), field.name())
                .addParameter(byte[].class, "bytes")
                .beginControlFlow("if (bytes.length <= $L)", offset)
                .addStatement("return -2")
                .endControlFlow()
                .addStatement("long subject = $L", kind == IntKind.U8 ? CodeBlock.of("bytes[$L] & 0xff", offset)
                        : CodeBlock.of("bytes[$L]", offset));
        for (int i = 0; i < union.arms().size(); i++) {
            UnionArm arm = union.arms().get(i);
            if (arm.guard() != null) {
                return null; // a guard may read what the bytes alone do not tell
            }
            method.beginControlFlow("if ($L)", Conditions.bare(UnionArms.matches(arm, "subject"))).addStatement("return $L", i).endControlFlow();
        }
        return method.addStatement("return -1").build();
    }

    /** The bytes a value of an arm's type ({@code candidate}) starts with, or {@code null} when not known here. */
    private CodeBlock encoding(WireType type) {
        if (type instanceof WireType.StructRef ref) {
            RecordShape target = RecordShape.all(context).stream().filter(s -> s.idlName().equals(ref.name()))
                    .findFirst().orElseThrow();
            if (!target.parameters().isEmpty() || target.needsSession() && !owner.needsSession()) {
                return null;
            }
            return CodeBlock.of("candidate.encode($L)", target.needsSession() ? "session" : "");
        }
        if (type instanceof WireType.Text text && !(text.extent() instanceof Extent.Prefixed)) {
            CodeBlock bytes = CodeBlock.of("candidate.getBytes($L)", JavaValueTypes.charset(text.encoding()));
            return text.extent() instanceof Extent.Terminated t ? CodeBlock.of("withTerminator($L, new byte[] {$L})", bytes,
                    ValueArbitraries.byteList(t.terminator())) : bytes;
        }
        if (type instanceof WireType.Bytes bytes && !(bytes.extent() instanceof Extent.Prefixed)) {
            return bytes.extent() instanceof Extent.Terminated t ? CodeBlock.of("withTerminator(candidate, new byte[] {$L})",
                    ValueArbitraries.byteList(t.terminator())) : CodeBlock.of("candidate");
        }
        return null;
    }

    private MethodSpec method() {
        ClassName face = JavaValueTypes.unionInterface(context, owner.idlName(), field.name());
        boolean peek = union.subject() instanceof TypedExpr.Peek;
        MethodSpec.Builder method = MethodSpec.methodBuilder(ArbitraryNames.unionMethod(owner.idlName(), field.name()))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RecordArbitraries.ARBITRARY, face));
        if (peek) {
            method.addJavadoc("The cases of {@code $L.$L}; each is told apart by its own first bytes.\n", owner.idlName(),
                    field.name());
        } else {
            method.addJavadoc("The case of {@code $L.$L} that {@code subject} selects.\n", owner.idlName(), field.name());
            method.addParameter(TypeName.LONG, "subject");
        }
        method.addParameters(owner.parameterSpecs());
        if (owner.needsSession()) {
            method.addParameter(ArbitraryNames.sessionClass(context), "session");
        }
        if (owner.recursive()) {
            method.addParameter(TypeName.INT, "depth");
        }
        Scope scope = new Scope(owner.needsSession(), false);
        ExpressionCode expressions = new ExpressionCode(context, scope);
        ValueArbitraries values = new ValueArbitraries(context, owner, expressions, Set.of());
        List<String> names = new ArrayList<>(UnionArms.names(context, union));
        List<UnionArm> arms = new ArrayList<>(union.arms());
        if (peek) {
            if (union.fallback() != null) {
                names.add(UnionArms.FALLBACK);
                arms.add(union.fallback());
            }
            List<CodeBlock> choices = new ArrayList<>();
            boolean selectable = peekedCase != null;
            for (int i = 0; i < arms.size(); i++) {
                CodeBlock bytes = selectable ? encoding(arms.get(i).type()) : null;
                // Only values whose first bytes make the decoder choose this very case.
                CodeBlock selected = bytes == null ? null : CodeBlock.of("\n.filter(candidate -> $N($L) == $L)",
                        peekedCase, bytes, i < union.arms().size() ? i : -1);
                choices.add(arm(face.nestedClass(names.get(i)), arms.get(i), values, selected));
            }
            return method.addStatement("return $T.oneOf($T.of(\n$>$>$L))$<$<", ValueArbitraries.ARBITRARIES, List.class,
                    CodeBlock.join(choices, ",\n")).build();
        }
        for (int i = 0; i < arms.size(); i++) {
            UnionArm arm = arms.get(i);
            CodeBlock matches = UnionArms.matches(arm, "subject");
            if (arm.guard() != null) {
                matches = CodeBlock.of("$L && $L", matches, expressions.condition(arm.guard()));
            }
            method.beginControlFlow("if ($L)", Conditions.bare(matches))
                    .addStatement("return $L", arm(face.nestedClass(names.get(i)), arm, values, null))
                    .endControlFlow();
        }
        if (union.fallback() != null) {
            method.addStatement("return $L", arm(face.nestedClass(UnionArms.FALLBACK), union.fallback(), values, null));
        } else {
            method.addStatement("throw new $T($S + subject)", IllegalArgumentException.class,
                    "no case of " + owner.idlName() + "." + field.name() + " for ");
        }
        return method.build();
    }

    /** @param filter {@code .filter(...)} on the arm's value, or {@code null} */
    private CodeBlock arm(ClassName armClass, UnionArm arm, ValueArbitraries values, CodeBlock filter) {
        if (arm.type() instanceof WireType.Empty) {
            return CodeBlock.of("$T.just(new $T())", ValueArbitraries.ARBITRARIES, armClass);
        }
        return CodeBlock.of("$L$L.map($T::new)", values.of(arm.type(), false), filter == null ? "" : filter, armClass);
    }
}
