package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.idl.model.TextEncoding;

/**
 * The validation a decoder runs on a text field when it wraps a message, so malformed text is a
 * codec error at the field that holds it, not a replacement character discovered later.
 */
final class TextChecks {

    private static final ClassName TEXT_VALIDATION = ClassName.get("io.sqlxwire.runtime.codec", "TextValidation");

    private TextChecks() {}

    /** @param length the field holding the text's byte length */
    static CodeBlock validate(TextEncoding encoding, String length) {
        return switch (encoding) {
            case UTF8 -> CodeBlock.builder()
                    .addStatement("$T.requireUtf8(region, pos, this.$L)", TEXT_VALIDATION, length).build();
            case ASCII -> CodeBlock.builder()
                    .addStatement("$T.requireAscii(region, pos, this.$L)", TEXT_VALIDATION, length).build();
            case UTF16LE -> CodeBlock.builder()
                    .addStatement("$T.requireUtf16(region, pos, this.$L, true)", TEXT_VALIDATION, length).build();
            case UTF16BE -> CodeBlock.builder()
                    .addStatement("$T.requireUtf16(region, pos, this.$L, false)", TEXT_VALIDATION, length).build();
            // Every byte is a character in Latin-1 and the EBCDIC code pages.
            case LATIN1, CP500, CP037 -> CodeBlock.builder().build();
        };
    }
}
