package io.sqlxwire.codegen.java.properties;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.arbitrary.ArbitraryNames;
import io.sqlxwire.codegen.java.arbitrary.ContextArbitraries;
import io.sqlxwire.codegen.java.arbitrary.RecordShape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The three properties of one record: round trip, random bytes, mutated encodings. A record that
 * needs parameters or the session is generated as a {@code <Record>Sample} carrying that context,
 * which decoding and encoding are given again.
 */
final class RecordProperties {

    static final ClassName ARBITRARY = ClassName.get("net.jqwik.api", "Arbitrary");
    static final ClassName PROPERTY = ClassName.get("net.jqwik.api", "Property");
    static final ClassName FOR_ALL = ClassName.get("net.jqwik.api", "ForAll");
    static final ClassName PROVIDE = ClassName.get("net.jqwik.api", "Provide");
    static final ClassName SIZE = ClassName.get("net.jqwik.api.constraints", "Size");
    static final ClassName COMBINATORS = ClassName.get("net.jqwik.api", "Combinators");

    private final GenerationContext context;
    private final RecordShape shape;
    private final ClassName test;
    private final String tries;

    RecordProperties(GenerationContext context, RecordShape shape, ClassName test, String tries) {
        this.context = context;
        this.shape = shape;
        this.test = test;
        this.tries = tries;
    }

    void addTo(TypeSpec.Builder type) {
        ClassName record = shape.recordClass(context);
        String base = Naming.member(shape.idlName());
        String provider = base + "Values";
        ClassName arbitraries = ArbitraryNames.arbitrariesClass(context);
        TypeName valueType = record;
        CodeBlock value = CodeBlock.of("value");
        CodeBlock decodeContext = CodeBlock.of("");
        CodeBlock encodeContext = CodeBlock.of("");
        if (shape.needsContext()) {
            ClassName sample = test.nestedClass(record.simpleName() + "Sample");
            type.addType(sample(sample, record));
            type.addMethod(sampleProvider(provider, sample, arbitraries));
            valueType = sample;
            value = CodeBlock.of("sample.value()");
            List<CodeBlock> decodeArgs = new ArrayList<>();
            List<CodeBlock> encodeArgs = new ArrayList<>();
            for (String name : ContextArbitraries.names(shape)) {
                decodeArgs.add(CodeBlock.of("sample.$L()", name));
            }
            if (shape.needsSession()) {
                encodeArgs.add(CodeBlock.of("sample.session()"));
            }
            shape.parameterSpecs().forEach(p -> encodeArgs.add(CodeBlock.of("sample.$N()", p)));
            decodeContext = CodeBlock.of(", $L", CodeBlock.join(decodeArgs, ", "));
            encodeContext = CodeBlock.join(encodeArgs, ", ");
        } else {
            type.addMethod(MethodSpec.methodBuilder(provider).addAnnotation(PROVIDE)
                    .returns(ParameterizedTypeName.get(ARBITRARY, record))
                    .addStatement("return $T.$L()", arbitraries, ArbitraryNames.method(shape.idlName())).build());
        }
        String valueName = shape.needsContext() ? "sample" : "value";
        ParameterSpec generated = ParameterSpec.builder(valueType, valueName)
                .addAnnotation(AnnotationSpec.builder(FOR_ALL).addMember("value", "$S", provider).build()).build();

        type.addMethod(property(base + "RoundTrips")
                .addJavadoc("Encoding a {@code $L} and decoding the bytes gives the same value.\n", shape.idlName())
                .addParameter(generated)
                .addStatement("$T decoded = $T.decode($L.encode($L)$L)", record, record, value, encodeContext, decodeContext)
                .beginControlFlow("if (!decoded.equals($L))", value)
                .addStatement("throw new $T(\"decoded \" + decoded + \" from the encoding of \" + $L)", AssertionError.class, value)
                .endControlFlow()
                .build());

        MethodSpec.Builder random = property(base + "DecodesOrRejectsRandomBytes")
                .addJavadoc("Random bytes give a {@code $L} or a {@code CodecException}, nothing else.\n", shape.idlName());
        if (shape.needsContext()) {
            random.addParameter(generated);
        }
        random.addParameter(ParameterSpec.builder(byte[].class, "body").addAnnotation(FOR_ALL)
                .addAnnotation(AnnotationSpec.builder(SIZE).addMember("max", "$L", 64).build()).build());
        type.addMethod(random.addStatement("decodesOrRejects(() -> $T.decode(body$L))", record, decodeContext).build());

        type.addMethod(property(base + "DecodesOrRejectsMutations")
                .addJavadoc("A valid encoding of a {@code $L}, edited once, gives a value or a {@code CodecException}.\n",
                        shape.idlName())
                .addParameter(generated)
                .addParameter(ParameterSpec.builder(test.nestedClass(MutationType.NAME), "mutation")
                        .addAnnotation(AnnotationSpec.builder(FOR_ALL).addMember("value", "$S", "mutations").build()).build())
                .addStatement("byte[] body = mutation.applyTo($L.encode($L))", value, encodeContext)
                .addStatement("decodesOrRejects(() -> $T.decode(body$L))", record, decodeContext)
                .build());
    }

    private MethodSpec.Builder property(String name) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(AnnotationSpec.builder(PROPERTY).addMember("tries", "$L", tries).build());
    }

    private TypeSpec sample(ClassName sample, ClassName record) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (ParameterSpec parameter : shape.parameterSpecs()) {
            constructor.addParameter(parameter);
        }
        if (shape.needsSession()) {
            constructor.addParameter(ArbitraryNames.sessionClass(context), "session");
        }
        constructor.addParameter(record, "value");
        return TypeSpec.recordBuilder(sample).addModifiers(Modifier.STATIC)
                .addJavadoc("A {@code $L} with the context it was generated for.\n", shape.idlName())
                .recordConstructor(constructor.build()).build();
    }

    private MethodSpec sampleProvider(String name, ClassName sample, ClassName arbitraries) {
        List<CodeBlock> contexts = ContextArbitraries.of(shape, CodeBlock.of("$T.", arbitraries));
        List<String> names = ContextArbitraries.names(shape);
        String joined = String.join(", ", names);
        CodeBlock values = CodeBlock.of("$T.$L($L)\n.map(value -> new $T($L, value))", arbitraries,
                ArbitraryNames.method(shape.idlName()),
                shape.recursive() ? joined + ", " + arbitraries.simpleName() + "." + ArbitraryNames.MAX_DEPTH : joined,
                sample, joined);
        CodeBlock body = contexts.size() == 1
                ? CodeBlock.of("$L\n$>$>.flatMap($L -> $L)$<$<", contexts.get(0), names.get(0), values)
                : CodeBlock.of("$T.combine($L)\n$>$>.flatAs(($L) -> $L)$<$<", COMBINATORS, CodeBlock.join(contexts, ", "),
                        joined, values);
        return MethodSpec.methodBuilder(name).addAnnotation(PROVIDE)
                .returns(ParameterizedTypeName.get(ARBITRARY, sample))
                .addStatement("return $L", body).build();
    }
}
