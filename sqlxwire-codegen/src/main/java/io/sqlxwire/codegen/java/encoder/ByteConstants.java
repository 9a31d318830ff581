package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.idl.model.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The {@code private static final byte[]} constants of an encoder (terminators, constant
 * values, checksum seeds), one per distinct content.
 */
final class ByteConstants extends EncoderPart {

    private final Map<String, CodeBlock> constants = new LinkedHashMap<>();
    private final List<FieldSpec> fields = new ArrayList<>();

    ByteConstants(EncoderLayout ctx) {
        super(ctx);
    }

    /** The constant fields registered so far, in first-use order. */
    List<FieldSpec> fields() {
        return fields;
    }

    /** A {@code private static final byte[]} holding {@code bytes}, shared by identical uses. */
    String constant(String hint, byte[] bytes) {
        String key = ByteString.of(bytes).hex();
        CodeBlock existing = constants.get(key);
        if (existing != null) {
            return existing.toString();
        }
        String name = upperSnake(hint);
        CodeBlock.Builder init = CodeBlock.builder().add("{");
        for (int i = 0; i < bytes.length; i++) {
            init.add(i == 0 ? "$L" : ", $L", bytes[i]);
        }
        init.add("}");
        fields.add(FieldSpec.builder(ArrayTypeName.of(TypeName.BYTE), name, Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer(init.build()).build());
        constants.put(key, CodeBlock.of("$L", name));
        return name;
    }

    static String upperSnake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }
}
