package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.decoder.UnionArms;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Field;
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
 * A union on {@code peek(...)} has no subject: any case may be chosen, as its bytes select it.
 */
final class UnionCases {

    private final GenerationContext context;
    private final RecordShape owner;
    private final Field field;
    private final WireType.Union union;

    UnionCases(GenerationContext context, RecordShape owner, Field field, WireType.Union union) {
        this.context = context;
        this.owner = owner;
        this.field = field;
        this.union = union;
    }

    MethodSpec method() {
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
            for (int i = 0; i < arms.size(); i++) {
                choices.add(arm(face.nestedClass(names.get(i)), arms.get(i), values));
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
            method.beginControlFlow("if ($L)", matches)
                    .addStatement("return $L", arm(face.nestedClass(names.get(i)), arm, values))
                    .endControlFlow();
        }
        if (union.fallback() != null) {
            method.addStatement("return $L", arm(face.nestedClass(UnionArms.FALLBACK), union.fallback(), values));
        } else {
            method.addStatement("throw new $T($S + subject)", IllegalArgumentException.class,
                    "no case of " + owner.idlName() + "." + field.name() + " for ");
        }
        return method.build();
    }

    private CodeBlock arm(ClassName armClass, UnionArm arm, ValueArbitraries values) {
        if (arm.type() instanceof WireType.Empty) {
            return CodeBlock.of("$T.just(new $T())", ValueArbitraries.ARBITRARIES, armClass);
        }
        return CodeBlock.of("$L.map($T::new)", values.of(arm.type(), false), armClass);
    }
}
