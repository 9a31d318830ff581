package io.sqlxwire.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.session.SessionTypes;
import io.sqlxwire.idl.model.EnumModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Minimal enum and flags value records with the API CODEGEN.md promises ({@code value()},
 * {@code of}, constants; {@code bits()}, masks), for compiling the conversation's generated code
 * while the real value-type generator is not on this branch. Used by tests only.
 */
final class ValueTypeStubs {

    private ValueTypeStubs() {}

    static List<JavaFile> generate(GenerationContext context) {
        SessionTypes types = new SessionTypes(context);
        List<JavaFile> files = new ArrayList<>();
        for (EnumModel e : context.model().enums()) {
            ClassName name = types.valueClass(e.name());
            TypeName raw = types.rawType(e.name());
            String literalSuffix = raw.equals(TypeName.LONG) ? "L" : "";
            TypeSpec.Builder type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
            if (e.flags()) {
                type.recordConstructor(MethodSpec.constructorBuilder().addParameter(raw, "bits").build());
                for (EnumModel.Constant c : e.constants()) {
                    type.addField(FieldSpec.builder(raw, Naming.constant(c.name()), Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL).initializer("$L$L", c.value(), literalSuffix).build());
                }
                type.addMethod(MethodSpec.methodBuilder("has").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                        .addParameter(raw, "mask").addStatement("return (bits & mask) == mask").build());
            } else {
                type.recordConstructor(MethodSpec.constructorBuilder().addParameter(ParameterSpec.builder(raw, "value").build()).build());
                MethodSpec.Builder of = MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(name).addParameter(raw, "value");
                for (EnumModel.Constant c : e.constants()) {
                    type.addField(FieldSpec.builder(name, Naming.constant(c.name()), Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL).initializer("new $T($L$L)", name, c.value(), literalSuffix).build());
                    of.beginControlFlow("if (value == $L$L)", c.value(), literalSuffix)
                            .addStatement("return $L", Naming.constant(c.name())).endControlFlow();
                }
                type.addMethod(of.addStatement("return new $T(value)", name).build());
            }
            files.add(JavaFile.builder(context.javaPackage(), type.build()).build());
        }
        return files;
    }
}
