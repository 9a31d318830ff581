package io.sqlxwire.codegen.java.record;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * equals, hashCode and toString for records holding {@code byte[]} (or lists of them): a record's
 * own would compare arrays by identity, so a decoded record would never equal the one encoded.
 */
final class ValueEquality {

    private ValueEquality() {}

    static void add(TypeSpec.Builder type, ClassName self, List<RecordComponents.Component> components) {
        MethodSpec.Builder equals = MethodSpec.methodBuilder("equals").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN).addParameter(Object.class, "other");
        CodeBlock.Builder same = CodeBlock.builder();
        CodeBlock.Builder hash = CodeBlock.builder();
        CodeBlock.Builder text = CodeBlock.builder().add("$S", self.simpleName() + "[");
        for (int i = 0; i < components.size(); i++) {
            RecordComponents.Component c = components.get(i);
            String name = c.name();
            boolean bytes = c.type().equals(TypeName.get(byte[].class));
            boolean listOfBytes = RecordComponents.isListOfBytes(c.type());
            same.add(" && ");
            if (bytes) {
                same.add("$T.equals($L, that.$L)", Arrays.class, name, name);
                hash.add(i == 0 ? "" : ", ").add("$T.hashCode($L)", Arrays.class, name);
                text.add(" + $S + $T.toString($L)", (i == 0 ? "" : ", ") + name + "=", Arrays.class, name);
            } else if (listOfBytes) {
                same.add("$T.deepEquals($L.toArray(), that.$L.toArray())", Arrays.class, name, name);
                hash.add(i == 0 ? "" : ", ").add("$T.deepHashCode($L.toArray())", Arrays.class, name);
                text.add(" + $S + $T.deepToString($L.toArray())", (i == 0 ? "" : ", ") + name + "=", Arrays.class, name);
            } else {
                same.add("$T.equals($L, that.$L)", Objects.class, name, name);
                hash.add(i == 0 ? "" : ", ").add("$L", name);
                text.add(" + $S + $L", (i == 0 ? "" : ", ") + name + "=", name);
            }
        }
        equals.addStatement("return other instanceof $T that$L", self, same.build());
        type.addMethod(equals.build());
        type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addStatement("return $T.hash($L)", Objects.class, hash.build()).build());
        type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(String.class)
                .addStatement("return $L + \"]\"", text.build()).build());
    }
}
