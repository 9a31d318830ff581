package io.sqlxwire.codegen.java.properties;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.arbitrary.RecordShape;
import io.sqlxwire.codegen.java.values.TransformNames;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The properties test class: shared members, then each record's properties in model order. */
public final class PropertiesTestType {

    private PropertiesTestType() {}

    public static TypeSpec build(GenerationContext context, ClassName test, List<RecordShape> records, int tries) {
        TypeSpec.Builder type = TypeSpec.classBuilder(test).addModifiers(Modifier.PUBLIC)
                .addJavadoc("Properties of the $L records: round trips, and no failure but {@code CodecException} on bad input.\n",
                        context.model().name());
        type.addField(FieldSpec.builder(TypeName.INT, "TRIES", Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Tries per property.\n").initializer("$L", tries).build());
        for (RecordShape record : records) {
            new RecordProperties(context, record, test, "TRIES").addTo(type);
        }
        ClassName mutation = test.nestedClass(MutationType.NAME);
        ClassName arbitraries = ClassName.get("net.jqwik.api", "Arbitraries");
        type.addMethod(MethodSpec.methodBuilder("mutations").addAnnotation(RecordProperties.PROVIDE)
                .returns(ParameterizedTypeName.get(RecordProperties.ARBITRARY, mutation))
                .addStatement("return $T.combine($T.of($T.class), $T.integers().greaterOrEqual(0), $T.bytes())\n$>$>"
                                + ".as($T::new)$<$<", RecordProperties.COMBINATORS, arbitraries, mutation.nestedClass("Kind"),
                        arbitraries, arbitraries, mutation)
                .build());
        type.addMethod(MethodSpec.methodBuilder("decodesOrRejects").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Runs a decode; a {@code CodecException} is a correct answer to bad bytes, any other failure is not.\n")
                .addParameter(Runnable.class, "decode")
                .beginControlFlow("try")
                .addStatement("decode.run()")
                .nextControlFlow("catch ($T rejected)", RuntimeTypes.CODEC_EXCEPTION)
                .addComment("rejected with the runtime's exception, as it should be")
                .endControlFlow()
                .build());
        type.addType(MutationType.of(test));
        if (!TransformNames.handWritten(context.model()).isEmpty()) {
            type.addStaticBlock(StandInTransforms.install(context, test));
            type.addType(StandInTransforms.of(context, test));
        }
        return type.build();
    }
}
