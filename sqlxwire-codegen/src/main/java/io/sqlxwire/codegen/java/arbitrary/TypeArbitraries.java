package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.session.SessionTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Arbitraries of enum and flags values (named and unnamed), and of sessions. */
final class TypeArbitraries {

    private static final ClassName TUPLE = ClassName.get("net.jqwik.api", "Tuple");
    private static final ClassName BUILDERS = ClassName.get("net.jqwik.api", "Builders");

    private TypeArbitraries() {}

    /** Mostly named values; now and then any value of the base type, which must survive a round trip too. */
    static MethodSpec enumeration(GenerationContext context, EnumModel model) {
        ClassName type = JavaValueTypes.enumClass(context, model.name());
        MethodSpec.Builder method = MethodSpec.methodBuilder(ArbitraryNames.method(model.name()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RecordArbitraries.ARBITRARY, type));
        CodeBlock any = ValueArbitraries.integer(model.base().kind());
        if (model.flags()) {
            method.addJavadoc("Sets of {@code $L}: named flags combined, or any bits of the base type.\n", model.name());
            CodeBlock anyBits = CodeBlock.of("$L.map(bits -> new $T(bits))", any, type);
            if (model.constants().isEmpty()) {
                return method.addStatement("return $L", anyBits).build();
            }
            List<CodeBlock> masks = new ArrayList<>();
            model.constants().forEach(c -> masks.add(CodeBlock.of("$T.$L", type, Naming.constant(c.name()))));
            CodeBlock named = CodeBlock.of("$T.of($L).list().ofMaxSize($L)\n.map(masks -> new $T(masks.stream()"
                            + ".mapToLong($T::longValue).reduce(0L, (a, b) -> a | b)))",
                    ValueArbitraries.ARBITRARIES, CodeBlock.join(masks, ", "), model.constants().size(), type, Long.class);
            return method.addStatement("return $T.frequencyOf($T.of(\n$>$>$T.of(3, $L),\n$T.of(1, $L)))$<$<",
                    ValueArbitraries.ARBITRARIES, List.class, TUPLE, named, TUPLE, anyBits).build();
        }
        method.addJavadoc("Values of {@code $L}: mostly named constants, sometimes unknown values.\n", model.name());
        CodeBlock anyValue = CodeBlock.of("$L.map($T::of)", any, type);
        if (model.constants().isEmpty()) {
            return method.addStatement("return $L", anyValue).build();
        }
        List<CodeBlock> constants = new ArrayList<>();
        model.constants().forEach(c -> constants.add(CodeBlock.of("$T.$L", type, Naming.constant(c.name()))));
        return method.addStatement("return $T.frequencyOf($T.of(\n$>$>$T.of(3, $T.of($L)),\n$T.of(1, $L)))$<$<",
                ValueArbitraries.ARBITRARIES, List.class, TUPLE, ValueArbitraries.ARBITRARIES,
                CodeBlock.join(constants, ", "), TUPLE, anyValue).build();
    }

    /**
     * Sessions with every variable set: integers are small and lists all have
     * {@code SESSION_LIST_SIZE} elements, so a count taken from one variable indexes into another
     * (MySQL's column count and column types).
     */
    static MethodSpec session(GenerationContext context) {
        ClassName session = ArbitraryNames.sessionClass(context);
        CodeBlock.Builder code = CodeBlock.builder().add("return $T.withBuilder($T::new)$>$>", BUILDERS, session);
        for (SessionVariable variable : context.model().session()) {
            // A list variable is a final field of the session (it is cleared, not replaced): fill it in place.
            // IntList/LongList take their elements one by one (raw numbers; see sessionValue).
            String assign = !(variable.type() instanceof WireType.ListOf) ? "session.$L = value;\n"
                    : new SessionTypes(context).primitiveList(((WireType.ListOf) variable.type()).element()) != null
                    ? "session.$L.clear();\nvalue.forEach(session.$L::add);\n"
                    : "session.$L.clear();\nsession.$L.addAll(value);\n";
            String name = Naming.member(variable.name());
            code.add("\n.use($L).in((session, value) -> {\n$>", sessionValue(context, variable.type()));
            code.add(assign, variable.type() instanceof WireType.ListOf ? new Object[] {name, name} : new Object[] {name});
            code.add("return session;\n$<})");
        }
        code.add("\n.build();\n$<$<");
        return MethodSpec.methodBuilder(ArbitraryNames.SESSION_METHOD).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RecordArbitraries.ARBITRARY, session))
                .addJavadoc("Sessions as a conversation may leave them.\n")
                .addCode(code.build()).build();
    }

    private static CodeBlock sessionValue(GenerationContext context, WireType type) {
        if (type instanceof WireType.Bool) {
            return CodeBlock.of("$T.of(true, false)", ValueArbitraries.ARBITRARIES);
        }
        if (type instanceof WireType.EnumRef || type instanceof WireType.FlagsRef) {
            String name = type instanceof WireType.EnumRef e ? e.name() : ((WireType.FlagsRef) type).name();
            return CodeBlock.of("$L()", ArbitraryNames.method(name));
        }
        if (type instanceof WireType.ListOf list) {
            CodeBlock element = sessionValue(context, list.element());
            if (new SessionTypes(context).primitiveList(list.element()) != null) {
                String raw = list.element() instanceof WireType.EnumRef ? "value"
                        : list.element() instanceof WireType.FlagsRef ? "bits" : null;
                if (raw != null) {
                    // A primitive session list holds the raw numbers of its enum or flags elements.
                    element = CodeBlock.of("$L.map($T::$L)", element,
                            JavaValueTypes.enumClass(context, list.element() instanceof WireType.EnumRef e ? e.name()
                                    : ((WireType.FlagsRef) list.element()).name()), raw);
                }
            }
            return CodeBlock.of("$L.list().ofSize($L)", element, ArbitraryNames.SESSION_LIST_SIZE);
        }
        TypeName raw = JavaValueTypes.rawNumber(type);
        if (TypeName.LONG.equals(raw)) {
            return CodeBlock.of("$T.longs().between(0L, $L)", ValueArbitraries.ARBITRARIES, ArbitraryNames.SESSION_LIST_SIZE);
        }
        return CodeBlock.of("$T.integers().between(0, $L)", ValueArbitraries.ARBITRARIES, ArbitraryNames.SESSION_LIST_SIZE);
    }
}
