package io.sqlxwire.codegen.java.detect;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.SignatureModel;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * One {@code public static final Signature} field per declared signature, written in the shortest
 * readable form: {@code Signature.client("postgresql", "startup", 8, ByteMatch.hex(4, "0003", "ffff"))}.
 */
public final class DetectorSources {

    public static final ClassName SIGNATURE = ClassName.get("io.sqlxwire.runtime.detect", "Signature");
    public static final ClassName BYTE_MATCH = ClassName.get("io.sqlxwire.runtime.detect", "ByteMatch");
    public static final ClassName FIRST_SPEAKER = ClassName.get("io.sqlxwire.runtime.detect", "FirstSpeaker");
    public static final ClassName PROTOCOL_DETECTOR = ClassName.get("io.sqlxwire.runtime.detect", "ProtocolDetector");

    private DetectorSources() {}

    /** {@code POSTGRESQL_SSL_REQUEST} for signature {@code ssl_request} of protocol {@code postgresql}. */
    static String constantName(String protocol, String signature) {
        return (protocol + "_" + signature).replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    }

    public static FieldSpec field(String protocol, String sourceFile, SignatureModel signature) {
        FieldSpec.Builder field = FieldSpec.builder(SIGNATURE, constantName(protocol, signature.name()),
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        if (signature.doc() != null && !signature.doc().isBlank()) {
            field.addJavadoc("$L\n\n", signature.doc().strip());
        }
        field.addJavadoc("<p>Signature {@code $L} of {@code $L}.\n", signature.name(), sourceFile);
        return field.initializer(initializer(protocol, signature)).build();
    }

    static CodeBlock initializer(String protocol, SignatureModel s) {
        boolean server = s.sender() == DirectionModel.Sender.SERVER;
        if (s.alpn().isEmpty()) {
            CodeBlock.Builder code = CodeBlock.builder()
                    .add("$T.$L($S, $S, $L", SIGNATURE, server ? "server" : "client", protocol, s.name(), s.minBytes());
            for (SignatureModel.ByteMatch m : s.matches()) {
                code.add(",\n$>$>").add(match(m)).add("$<$<");
            }
            return code.add(")").build();
        }
        if (!server && s.matches().isEmpty() && s.minBytes() == 0) {
            CodeBlock.Builder code = CodeBlock.builder().add("$T.alpn($S, $S", SIGNATURE, protocol, s.name());
            s.alpn().forEach(name -> code.add(", $S", name));
            return code.add(")").build();
        }
        CodeBlock.Builder matches = CodeBlock.builder();
        for (int i = 0; i < s.matches().size(); i++) {
            matches.add(i == 0 ? "" : ", ").add(match(s.matches().get(i)));
        }
        CodeBlock.Builder names = CodeBlock.builder();
        for (int i = 0; i < s.alpn().size(); i++) {
            names.add(i == 0 ? "$S" : ", $S", s.alpn().get(i));
        }
        return CodeBlock.of("new $T($S, $S, $T.$L, $L,\n$>$>$T.of($L),\n$T.of($L)$<$<)", SIGNATURE, protocol, s.name(),
                FIRST_SPEAKER, server ? "SERVER" : "CLIENT", s.minBytes(),
                java.util.List.class, matches.build(), java.util.List.class, names.build());
    }

    private static CodeBlock match(SignatureModel.ByteMatch m) {
        return CodeBlock.of("$T.hex($L, $S, $S)", BYTE_MATCH, m.offset(), m.bytes().hex(), m.mask().hex());
    }
}
