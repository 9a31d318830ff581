package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/** The limits and the few helpers every {@code <Stem>Arbitraries} class carries. */
final class SupportMethods {

    private SupportMethods() {}

    static List<FieldSpec> limits() {
        return List.of(
                limit(ArbitraryNames.MAX_ELEMENTS, 3, "Most elements of a list whose size the encoder derives."),
                limit(ArbitraryNames.MAX_BYTES, 24, "Most bytes (or characters) of a value whose size the encoder derives."),
                limit(ArbitraryNames.MAX_DEPTH, 4, "Nesting levels of recursive structs generated when no depth is given."),
                limit(ArbitraryNames.SESSION_LIST_SIZE, 8,
                        "Elements of each list session variable, and the largest integer session value."));
    }

    private static FieldSpec limit(String name, int value, String doc) {
        return FieldSpec.builder(TypeName.INT, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", value).addJavadoc("$L\n", doc).build();
    }

    static List<MethodSpec> helpers() {
        List<MethodSpec> methods = new ArrayList<>();
        TypeVariableName t = TypeVariableName.get("T");
        methods.add(MethodSpec.methodBuilder("indexed").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(t)
                .addJavadoc("A list of {@code size} elements whose values depend on their index.\n")
                .returns(ParameterizedTypeName.get(RecordArbitraries.ARBITRARY, ParameterizedTypeName.get(ClassNames.LIST, t)))
                .addParameter(TypeName.INT, "size")
                .addParameter(ParameterizedTypeName.get(ClassNames.INT_FUNCTION,
                        ParameterizedTypeName.get(RecordArbitraries.ARBITRARY, t)), "element")
                .addStatement("$T<$T<$T>> elements = new $T<>()", List.class, RecordArbitraries.ARBITRARY, t, ArrayList.class)
                .beginControlFlow("for (int index = 0; index < size; index++)")
                .addStatement("elements.add(element.apply(index))")
                .endControlFlow()
                .addStatement("return $T.combine(elements).as(values -> values)", RecordArbitraries.COMBINATORS)
                .build());
        methods.add(MethodSpec.methodBuilder("throughFirstOpen").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(t)
                .addJavadoc("Lists cut after their first element that ends open: it reads to the end of the region,\n"
                        + "so it can only be the last.\n")
                .returns(ParameterizedTypeName.get(RecordArbitraries.ARBITRARY, ParameterizedTypeName.get(ClassNames.LIST, t)))
                .addParameter(ParameterizedTypeName.get(RecordArbitraries.ARBITRARY,
                        ParameterizedTypeName.get(ClassNames.LIST, t)), "lists")
                .addParameter(ParameterizedTypeName.get(ClassNames.PREDICATE, t), "open")
                .addCode("return lists.map(list -> {\n$>"
                        + "for (int i = 0; i < list.size(); i++) {\n$>"
                        + "if (open.test(list.get(i))) {\n$>return new $T<>(list.subList(0, i + 1));\n$<}\n$<}\n"
                        + "return list;\n$<});\n", ArrayList.class)
                .build());
        methods.add(MethodSpec.methodBuilder("bitSets").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Bit sets with bits only below {@code size}.\n")
                .returns(ParameterizedTypeName.get(RecordArbitraries.ARBITRARY, ClassNames.BIT_SET))
                .addParameter(TypeName.INT, "size")
                .addStatement("return $T.of(true, false).list().ofSize(size).map(bits -> {\n$>"
                        + "$T set = new $T();\n"
                        + "for (int i = 0; i < bits.size(); i++) {\n$>set.set(i, bits.get(i));\n$<}\n"
                        + "return set;\n$<})", ValueArbitraries.ARBITRARIES, BitSet.class, BitSet.class)
                .build());
        methods.add(MethodSpec.methodBuilder("startsWith").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(byte[].class, "bytes").addParameter(byte[].class, "prefix")
                .addStatement("return bytes.length >= prefix.length && $T.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)",
                        java.util.Arrays.class)
                .build());
        methods.add(MethodSpec.methodBuilder("startsWith").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Whether {@code value} followed by {@code then} starts with {@code prefix}.\n")
                .returns(TypeName.BOOLEAN)
                .addParameter(byte[].class, "value").addParameter(byte[].class, "then").addParameter(byte[].class, "prefix")
                .addStatement("byte[] bytes = $T.copyOf(value, value.length + then.length)", java.util.Arrays.class)
                .addStatement("System.arraycopy(then, 0, bytes, value.length, then.length)")
                .addStatement("return startsWith(bytes, prefix)")
                .build());
        methods.add(MethodSpec.methodBuilder("withTerminator").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("{@code value} followed by its terminator, as it is encoded.\n")
                .returns(byte[].class)
                .addParameter(byte[].class, "value").addParameter(byte[].class, "terminator")
                .addStatement("byte[] bytes = $T.copyOf(value, value.length + terminator.length)", java.util.Arrays.class)
                .addStatement("System.arraycopy(terminator, 0, bytes, value.length, terminator.length)")
                .addStatement("return bytes")
                .build());
        methods.add(MethodSpec.methodBuilder("orZero").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("An absent (or NULL) number reads as 0, as in the decoders.\n")
                .returns(TypeName.LONG).addParameter(Number.class, "value")
                .addStatement("return value == null ? 0 : value.longValue()")
                .build());
        return methods;
    }

    /** Whether generated code calls the helper. */
    static boolean uses(List<MethodSpec> methods, String helper) {
        for (MethodSpec method : methods) {
            if (method.code().toString().contains(helper + "(")) {
                return true;
            }
        }
        return false;
    }

    private static final class ClassNames {
        static final com.palantir.javapoet.ClassName LIST = com.palantir.javapoet.ClassName.get(List.class);
        static final com.palantir.javapoet.ClassName INT_FUNCTION = com.palantir.javapoet.ClassName.get(IntFunction.class);
        static final com.palantir.javapoet.ClassName PREDICATE =
                com.palantir.javapoet.ClassName.get(java.util.function.Predicate.class);
        static final com.palantir.javapoet.ClassName BIT_SET = com.palantir.javapoet.ClassName.get(BitSet.class);
    }

}
