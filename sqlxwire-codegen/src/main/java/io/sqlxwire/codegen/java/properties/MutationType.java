package io.sqlxwire.codegen.java.properties;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The nested {@code Mutation} record of a generated properties test: one edit of a valid encoding
 * (a flipped bit, an inserted or deleted byte, a cut tail) at a position taken modulo its length.
 */
final class MutationType {

    static final String NAME = "Mutation";

    private MutationType() {}

    static TypeSpec of(ClassName test) {
        ClassName self = test.nestedClass(NAME);
        ClassName kind = self.nestedClass("Kind");
        TypeSpec kinds = TypeSpec.enumBuilder(kind).addModifiers(Modifier.PUBLIC)
                .addEnumConstant("FLIP_BIT").addEnumConstant("INSERT_BYTE").addEnumConstant("DELETE_BYTE")
                .addEnumConstant("TRUNCATE").build();
        MethodSpec apply = MethodSpec.methodBuilder("applyTo").returns(byte[].class)
                .addJavadoc("A mutated copy of {@code bytes}.\n")
                .addParameter(byte[].class, "bytes")
                .addStatement("int at = bytes.length == 0 ? 0 : Math.floorMod(position, bytes.length)")
                .beginControlFlow("if (kind == Kind.FLIP_BIT)")
                .beginControlFlow("if (bytes.length == 0)")
                .addStatement("return new byte[] {value}")
                .endControlFlow()
                .addStatement("byte[] flipped = bytes.clone()")
                .addStatement("flipped[at] ^= (byte) (1 << (value & 7))")
                .addStatement("return flipped")
                .endControlFlow()
                .beginControlFlow("if (kind == Kind.INSERT_BYTE)")
                .addStatement("byte[] longer = new byte[bytes.length + 1]")
                .addStatement("System.arraycopy(bytes, 0, longer, 0, at)")
                .addStatement("longer[at] = value")
                .addStatement("System.arraycopy(bytes, at, longer, at + 1, bytes.length - at)")
                .addStatement("return longer")
                .endControlFlow()
                .beginControlFlow("if (kind == Kind.DELETE_BYTE && bytes.length > 0)")
                .addStatement("byte[] shorter = new byte[bytes.length - 1]")
                .addStatement("System.arraycopy(bytes, 0, shorter, 0, at)")
                .addStatement("System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1)")
                .addStatement("return shorter")
                .endControlFlow()
                .addComment("TRUNCATE (and deleting from nothing): keep the bytes before the position")
                .addStatement("return $T.copyOf(bytes, at)", java.util.Arrays.class)
                .build();
        return TypeSpec.recordBuilder(self).addModifiers(Modifier.STATIC)
                .addJavadoc("One edit of a valid encoding.\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(kind, "kind").addParameter(TypeName.INT, "position").addParameter(TypeName.BYTE, "value")
                        .build())
                .addType(kinds)
                .addMethod(apply)
                .build();
    }
}
