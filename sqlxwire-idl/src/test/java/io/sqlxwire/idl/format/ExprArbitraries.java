package io.sqlxwire.idl.format;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.diag.SourceSpan;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random expressions of the IDL: every literal kind (with escapes), names including soft keywords,
 * and every operator, nested up to a fixed depth so that precedence and associativity cases occur.
 * Positions are a dummy span; the round-trip property compares trees without them.
 */
final class ExprArbitraries {

    static final SourceSpan SPAN = new SourceSpan("generated.wire", 1, 1, 0, 0);

    /** Words that can never be names (Wire.g4 leaves them out of {@code ident}). */
    static final Set<String> HARD_KEYWORDS = Set.of("if", "switch", "true", "false", "null", "let");

    /** Words that are keywords only where the grammar expects them (the {@code ident} rule). */
    static final List<String> SOFT_KEYWORDS = List.of("protocol", "import", "option", "direction", "from",
            "transform", "enum", "flags", "struct", "message", "tag", "when", "size", "at", "until", "rest",
            "prefix", "session", "framing", "header", "body", "delimited", "max", "min", "continued", "sequence",
            "machine", "initial", "state", "on", "final", "set", "signature", "match", "mask", "alpn", "has", "via");

    static final List<String> BINARY_OPERATORS = List.of("||", "&&", "==", "!=", "<", "<=", ">", ">=", "has",
            "|", "^", "&", "<<", ">>", "+", "-", "*", "/", "%");

    static final List<String> UNARY_OPERATORS = List.of("-", "!", "~");

    static final int MAX_DEPTH = 3;

    private final List<Arbitrary<Expr>> byDepth;

    ExprArbitraries() {
        Arbitrary<Expr> current = leaves();
        List<Arbitrary<Expr>> levels = new java.util.ArrayList<>();
        levels.add(current);
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            current = Arbitraries.frequencyOf(Tuple.of(2, leaves()), Tuple.of(5, composites(current)));
            levels.add(current);
        }
        this.byDepth = List.copyOf(levels);
    }

    /** Expressions at most {@code depth} operators deep. */
    Arbitrary<Expr> exprs(int depth) {
        return byDepth.get(Math.min(depth, MAX_DEPTH));
    }

    Arbitrary<Expr> exprs() {
        return exprs(MAX_DEPTH);
    }

    // ------------------------------------------------------------------ names

    static Arbitrary<Name> names() {
        Arbitrary<String> plain = Combinators.combine(
                        Arbitraries.chars().range('a', 'z').range('A', 'Z').with('_'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                                .withChars('_').ofMaxLength(6))
                .as((first, rest) -> first + rest)
                // `_` alone is the fallback pattern and the anonymous field name, not an ordinary name.
                .filter(text -> !HARD_KEYWORDS.contains(text) && !text.equals("_"));
        return Arbitraries.frequencyOf(Tuple.of(6, plain), Tuple.of(1, Arbitraries.of(SOFT_KEYWORDS)))
                .map(text -> new Name(text, SPAN));
    }

    // ------------------------------------------------------------------ literals and leaves

    private static Arbitrary<Expr> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, intLits()),
                Tuple.of(2, charLits()),
                Tuple.of(2, stringLits()),
                Tuple.of(1, bytesLits()),
                Tuple.of(1, Arbitraries.of(true, false).map(value -> new Expr.BoolLit(value, SPAN))),
                Tuple.of(1, Arbitraries.just(new Expr.NullLit(SPAN))),
                Tuple.of(1, Arbitraries.just(new Expr.EmptyList(SPAN))),
                Tuple.of(5, names().map(name -> new Expr.NameRef(name, SPAN))));
    }

    static Arbitrary<Expr> intLits() {
        Arbitrary<String> small = Arbitraries.integers().between(0, 300).map(String::valueOf);
        Arbitrary<String> decimal = Combinators.combine(
                        Arbitraries.chars().numeric(),
                        Arbitraries.strings().withChars("0123456789_").ofMaxLength(12))
                .as((first, rest) -> first + rest);
        Arbitrary<String> hex = Combinators.combine(
                        Arbitraries.of("0x", "0X"),
                        Arbitraries.chars().with("0123456789abcdefABCDEF"),
                        Arbitraries.strings().withChars("0123456789abcdefABCDEF_").ofMaxLength(10))
                .as((prefix, first, rest) -> prefix + first + rest);
        Arbitrary<String> binary = Combinators.combine(
                        Arbitraries.of("0b", "0B"),
                        Arbitraries.chars().with("01"),
                        Arbitraries.strings().withChars("01_").ofMaxLength(12))
                .as((prefix, first, rest) -> prefix + first + rest);
        return Arbitraries.frequencyOf(Tuple.of(4, small), Tuple.of(2, decimal), Tuple.of(2, hex), Tuple.of(1, binary))
                .map(text -> new Expr.IntLit(intValue(text), text, SPAN));
    }

    /** The value the lexer's INT rule denotes; the same reading as the parser's. */
    private static BigInteger intValue(String text) {
        String digits = text.replace("_", "");
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            return new BigInteger(digits.substring(2), 16);
        }
        if (lower.startsWith("0b")) {
            return new BigInteger(digits.substring(2), 2);
        }
        return new BigInteger(digits);
    }

    /** Byte values, weighted towards those that need escapes; the text is what the formatter prints. */
    static Arbitrary<Expr> charLits() {
        Arbitrary<Integer> special = Arbitraries.of(0, (int) '\r', (int) '\n', (int) '\t', (int) '\\', (int) '\'', (int) '"',
                1, 0x1b, 0x7f, 0x80, 0x9f, 0xe9, 0xff);
        Arbitrary<Integer> printable = Arbitraries.integers().between(' ', '~');
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 255);
        return Arbitraries.frequencyOf(Tuple.of(2, special), Tuple.of(3, printable), Tuple.of(1, any))
                .map(value -> new Expr.CharLit(value, Literals.character(value), SPAN));
    }

    static Arbitrary<String> stringValues() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('\0', '\r', '\n', '\t', '\\', '\'', '"', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f',
                        '\u00e9', '\u00ff', '\u20ac', '\u65e5')
                .ofMaxLength(10);
    }

    private static Arbitrary<Expr> stringLits() {
        return stringValues().map(value -> new Expr.StringLit(value, SPAN));
    }

    private static Arbitrary<Expr> bytesLits() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(6)
                .map(bytes -> new Expr.BytesLit(HexFormat.of().formatHex(bytes), SPAN));
    }

    // ------------------------------------------------------------------ operators

    private static Arbitrary<Expr> composites(Arbitrary<Expr> inner) {
        Arbitrary<Expr> member = Combinators.combine(inner, names())
                .as((target, name) -> new Expr.Member(target, name, SPAN));
        Arbitrary<Expr> index = Combinators.combine(inner, inner)
                .as((target, at) -> new Expr.Index(target, at, SPAN));
        Arbitrary<Expr> unary = Combinators.combine(Arbitraries.of(UNARY_OPERATORS), inner)
                .as((op, operand) -> new Expr.Unary(op, operand, SPAN));
        Arbitrary<Expr> binary = Combinators.combine(Arbitraries.of(BINARY_OPERATORS), inner, inner)
                .as((op, left, right) -> new Expr.Binary(op, left, right, SPAN));
        Arbitrary<Expr> conditional = Combinators.combine(inner, inner, inner)
                .as((condition, whenTrue, whenFalse) -> new Expr.Conditional(condition, whenTrue, whenFalse, SPAN));
        Arbitrary<Expr> call = Combinators.combine(names(), arguments(inner))
                .as((function, arguments) -> new Expr.Call(function, arguments, SPAN));
        return Arbitraries.frequencyOf(
                Tuple.of(1, member), Tuple.of(1, index), Tuple.of(2, unary), Tuple.of(5, binary),
                Tuple.of(2, conditional), Tuple.of(1, call));
    }

    /** Positional and named ({@code offset = 2}) arguments of a call or a parameterised type. */
    static Arbitrary<List<Argument>> arguments(Arbitrary<Expr> values) {
        Arbitrary<Argument> argument = Combinators.combine(names().injectNull(0.6), values)
                .as((name, value) -> new Argument(name, value, SPAN));
        return argument.list().ofMaxSize(3);
    }
}
