package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.TextEncoding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code option} lines of a file, validated, with the language's defaults for those not given. */
record ProtocolOptions(Endian byteOrder, TextEncoding charset, String javaPackage, String javaPrefix, int maxDepth) {

    static final List<String> KNOWN = List.of("byte_order", "charset", "java_package", "java_prefix", "max_depth");
    static final int DEFAULT_MAX_DEPTH = 64;

    static ProtocolOptions read(List<Decl.Option> options, String protocolName, Diagnostics diagnostics) {
        Endian order = Endian.BIG;
        TextEncoding charset = TextEncoding.UTF8;
        String javaPackage = null;
        String javaPrefix = "";
        int maxDepth = DEFAULT_MAX_DEPTH;
        Map<String, Decl.Option> seen = new HashMap<>();
        for (Decl.Option option : options) {
            String name = option.name().text();
            Decl.Option earlier = seen.putIfAbsent(name, option);
            if (earlier != null) {
                diagnostics.error(option.name().span(), "option '" + name + "' is set twice (first at "
                        + CheckContext.where(option.span(), earlier.span()) + ")");
                continue;
            }
            Expr value = option.value();
            switch (name) {
                case "byte_order" -> {
                    String word = word(value);
                    if ("big".equals(word)) {
                        order = Endian.BIG;
                    } else if ("little".equals(word)) {
                        order = Endian.LITTLE;
                    } else {
                        diagnostics.error(value.span(), "option byte_order must be 'big' or 'little'");
                    }
                }
                case "charset" -> {
                    String word = word(value);
                    var encoding = word == null ? java.util.Optional.<TextEncoding>empty() : TextEncoding.byIdlName(word);
                    if (encoding.isPresent()) {
                        charset = encoding.get();
                    } else {
                        diagnostics.error(value.span(), "unknown charset" + (word == null ? "" : " '" + word + "'")
                                + "; known: " + charsetNames());
                    }
                }
                case "java_package" -> {
                    if (value instanceof Expr.StringLit s && s.value().matches("[a-zA-Z_][\\w]*(\\.[a-zA-Z_][\\w]*)*")) {
                        javaPackage = s.value();
                    } else {
                        diagnostics.error(value.span(), "option java_package must be a string holding a Java package name");
                    }
                }
                case "java_prefix" -> {
                    if (value instanceof Expr.StringLit s && s.value().matches("([A-Z][\\w]*)?")) {
                        javaPrefix = s.value();
                    } else {
                        diagnostics.error(value.span(), "option java_prefix must be a string that starts a Java class name (e.g. \"Pg\")");
                    }
                }
                case "max_depth" -> {
                    if (value instanceof Expr.IntLit i && i.value().signum() > 0 && i.value().bitLength() < 16) {
                        maxDepth = i.value().intValueExact();
                    } else {
                        diagnostics.error(value.span(), "option max_depth must be a whole number from 1 to 32767");
                    }
                }
                default -> diagnostics.error(option.name().span(), "unknown option '" + name + "'"
                        + Suggestions.hint(name, KNOWN) + " (known options: " + String.join(", ", KNOWN) + ")");
            }
        }
        if (javaPackage == null) {
            javaPackage = "io.sqlxwire.generated" + (protocolName == null ? "" : "." + javaIdentifier(protocolName));
        }
        return new ProtocolOptions(order, charset, javaPackage, javaPrefix, maxDepth);
    }

    private static String word(Expr value) {
        return value instanceof Expr.NameRef ref ? ref.name().text() : null;
    }

    private static String charsetNames() {
        return String.join(", ", Arrays.stream(TextEncoding.values()).map(TextEncoding::idlName).toList());
    }

    private static String javaIdentifier(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
