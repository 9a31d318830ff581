package io.sqlxwire.idl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostics;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The syntax tree of expressions: literals with their exact values, operator precedence and
 * associativity as the language defines them (bitwise operators bind tighter than comparisons,
 * unlike C), postfix selection and calls.
 */
class ExpressionParserTest {

    /** Parses a whole file and fails on any syntax error. */
    static WireFile parse(String source) {
        Diagnostics diagnostics = new Diagnostics();
        WireFile file = WireParser.parse("t.wire", source, diagnostics);
        assertEquals(List.of(), diagnostics.sorted(), "syntax errors in:\n" + source);
        return file;
    }

    /** The expression of {@code option o = TEXT;}: the simplest place an arbitrary expression may stand. */
    static Expr expr(String text) {
        List<Decl.Option> options = parse("option o = " + text + ";").all(Decl.Option.class);
        assertEquals(1, options.size());
        return options.get(0).value();
    }

    /**
     * A compact, span-free rendering of a syntax tree: operators in prefix form, so the tree's
     * shape (and thereby precedence and associativity) can be compared as a string.
     */
    static String show(Expr e) {
        if (e instanceof Expr.IntLit i) {
            return i.value().toString();
        } else if (e instanceof Expr.CharLit c) {
            return "char:" + c.value();
        } else if (e instanceof Expr.StringLit s) {
            return "\"" + s.value() + "\"";
        } else if (e instanceof Expr.BytesLit b) {
            return "x" + b.hex();
        } else if (e instanceof Expr.BoolLit b) {
            return String.valueOf(b.value());
        } else if (e instanceof Expr.NullLit) {
            return "null";
        } else if (e instanceof Expr.EmptyList) {
            return "[]";
        } else if (e instanceof Expr.NameRef n) {
            return n.name().text();
        } else if (e instanceof Expr.Member m) {
            return "(. " + show(m.target()) + " " + m.member().text() + ")";
        } else if (e instanceof Expr.Index i) {
            return "([] " + show(i.target()) + " " + show(i.index()) + ")";
        } else if (e instanceof Expr.Unary u) {
            return "(" + u.op() + " " + show(u.operand()) + ")";
        } else if (e instanceof Expr.Binary b) {
            return "(" + b.op() + " " + show(b.left()) + " " + show(b.right()) + ")";
        } else if (e instanceof Expr.Conditional c) {
            return "(? " + show(c.condition()) + " " + show(c.whenTrue()) + " " + show(c.whenFalse()) + ")";
        } else if (e instanceof Expr.Call c) {
            String args = c.arguments().stream().map(ExpressionParserTest::show).collect(Collectors.joining(" "));
            return "(" + c.function().text() + (args.isEmpty() ? "" : " " + args) + ")";
        }
        throw new AssertionError("unknown expression " + e);
    }

    static String show(Argument a) {
        return (a.isNamed() ? a.name().text() + "=" : "") + show(a.value());
    }

    // ------------------------------------------------------------------ literals

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "12, 12",
            "1_000, 1000",
            "0x0a, 10",
            "0XFF, 255",
            "0xFF_FF, 65535",
            "0b1010, 10",
            "0B1010_1010, 170",
            "18446744073709551615, 18446744073709551615",
    })
    void integerLiteralsKeepTheirExactValueAndText(String text, String value) {
        Expr.IntLit literal = assertInstanceOf(Expr.IntLit.class, expr(text));
        assertEquals(new BigInteger(value), literal.value());
        assertEquals(text, literal.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "'Q'      | 81",
            "'\\0'    | 0",
            "'\\n'    | 10",
            "'\\r'    | 13",
            "'\\t'    | 9",
            "'\\\\'   | 92",
            "'\\''    | 39",
            "'\\\"'   | 34",
            "'\\x41'  | 65",
            "'\\xff'  | 255",
            "'\"'     | 34",
    })
    void characterLiteralsResolveEscapesToOneByte(String text, int value) {
        Expr.CharLit literal = assertInstanceOf(Expr.CharLit.class, expr(text));
        assertEquals(value, literal.value());
        assertEquals(text, literal.text());
    }

    @Test
    void stringLiteralsResolveEveryEscape() {
        Expr.StringLit literal = assertInstanceOf(Expr.StringLit.class,
                expr("\"a\\r\\n\\t\\0\\\\\\\"\\'\\x41\\x7e z\""));
        assertEquals("a\r\n\t\0\\\"'A~ z", literal.value());
    }

    @Test
    void emptyStringLiteral() {
        assertEquals("", assertInstanceOf(Expr.StringLit.class, expr("\"\"")).value());
    }

    @Test
    void byteStringLiteralsDropSpacesAndLowerTheCase() {
        assertEquals("00030000", assertInstanceOf(Expr.BytesLit.class, expr("x\"00 03 00 00\"")).hex());
        assertEquals("cafebabe", assertInstanceOf(Expr.BytesLit.class, expr("X\"CAFE\tBaBe\"")).hex());
        assertEquals("", assertInstanceOf(Expr.BytesLit.class, expr("x\"\"")).hex());
    }

    @Test
    void booleanNullAndEmptyListLiterals() {
        assertEquals(true, assertInstanceOf(Expr.BoolLit.class, expr("true")).value());
        assertEquals(false, assertInstanceOf(Expr.BoolLit.class, expr("false")).value());
        assertInstanceOf(Expr.NullLit.class, expr("null"));
        assertInstanceOf(Expr.EmptyList.class, expr("[]"));
        assertInstanceOf(Expr.EmptyList.class, expr("[ ]"));
    }

    @Test
    void oddHexDigitCountIsReportedNotDropped() {
        Diagnostics diagnostics = new Diagnostics();
        WireParser.parse("t.wire", "option o = x\"123\";", diagnostics);
        assertEquals(1, diagnostics.errorCount());
        assertEquals("byte string x\"123\" has an odd number of hex digits", diagnostics.sorted().get(0).message());
    }

    // ------------------------------------------------------------------ precedence and associativity

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            // arithmetic
            "a + b * c            => (+ a (* b c))",
            "a * b + c            => (+ (* a b) c)",
            "a - b - c            => (- (- a b) c)",
            "a / b % c            => (% (/ a b) c)",
            "a + b - c            => (- (+ a b) c)",
            // shifts below additive
            "a << 1 + 2           => (<< a (+ 1 2))",
            "1 << 30              => (<< 1 30)",
            "a >> b << c          => (<< (>> a b) c)",
            // bitwise: & tighter than ^ tighter than |
            "a | b ^ c & d        => (| a (^ b (& c d)))",
            "a & b << 2           => (& a (<< b 2))",
            // bitwise binds tighter than comparisons (unlike C)
            "x & 1 == 0           => (== (& x 1) 0)",
            "x | y != 0           => (!= (| x y) 0)",
            "a < b | c            => (< a (| b c))",
            "flags has A | B      => (has flags (| A B))",
            // relational tighter than equality
            "a == b < c           => (== a (< b c))",
            "a >= b != c <= d     => (!= (>= a b) (<= c d))",
            // logical
            "a || b && c          => (|| a (&& b c))",
            "a && b || c && d     => (|| (&& a b) (&& c d))",
            "a == 1 && b > 2      => (&& (== a 1) (> b 2))",
            // conditional is loosest and right-associative
            "a ? b : c ? d : e    => (? a b (? c d e))",
            "a ? b ? c : d : e    => (? a (? b c d) e)",
            "a || b ? c + 1 : d   => (? (|| a b) (+ c 1) d)",
            // unary binds tightest
            "-a * b               => (* (- a) b)",
            "!a && b              => (&& (! a) b)",
            "~x & 0xFF            => (& (~ x) 255)",
            "- - a                => (- (- a))",
            "-1                   => (- 1)",
            // parentheses override and leave no node behind
            "(a + b) * c          => (* (+ a b) c)",
            "((x))                => x",
            "(x & 1) == 0         => (== (& x 1) 0)",
    })
    void operatorsGroupByPrecedenceAndAssociativity(String text, String tree) {
        assertEquals(tree.strip(), show(expr(text)));
    }

    // ------------------------------------------------------------------ postfix and calls

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "session.auth                => (. session auth)",
            "header.length - 4           => (- (. header length) 4)",
            "a.b.c                       => (. (. a b) c)",
            "Kind.MD5_PASSWORD           => (. Kind MD5_PASSWORD)",
            "items[0]                    => ([] items 0)",
            "a.b[i + 1].c                => (. ([] (. a b) (+ i 1)) c)",
            "session.column_types[_index] => ([] (. session column_types) _index)",
            "-a.b                        => (- (. a b))",
            "!flags[2]                   => (! ([] flags 2))",
    })
    void memberAndIndexBindTighterThanUnary(String text, String tree) {
        assertEquals(tree.strip(), show(expr(text)));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "peek(u8)                    => (peek u8)",
            "peek(u32le, 4)              => (peek u32le 4)",
            "min(a, b, 3)                => (min a b 3)",
            "max(len - 4, 0)             => (max (- len 4) 0)",
            "sizeof(parameters)          => (sizeof parameters)",
            "count(fields) * 2           => (* (count fields) 2)",
            "crc32()                     => (crc32)",
            "crc32c(start)               => (crc32c start)",
            "join(caps_lower, caps_upper) => (join caps_lower caps_upper)",
            "f(offset = 2, 1)            => (f offset=2 1)",
            "peek(u8) == 0xFE            => (== (peek u8) 254)",
    })
    void callsKeepTheirArgumentsInOrder(String text, String tree) {
        assertEquals(tree.strip(), show(expr(text)));
    }

    @Test
    void namedArgumentKeepsItsName() {
        Expr.Call call = assertInstanceOf(Expr.Call.class, expr("f(1, offset = 2)"));
        assertEquals("f", call.function().text());
        assertEquals(2, call.arguments().size());
        assertEquals(false, call.arguments().get(0).isNamed());
        assertEquals("offset", call.arguments().get(1).name().text());
        assertEquals(BigInteger.TWO, ((Expr.IntLit) call.arguments().get(1).value()).value());
    }

    @Test
    void spansPointAtTheWrittenText() {
        String source = "option a = 1;\noption o =  left  + right;";
        Expr.Binary sum = assertInstanceOf(Expr.Binary.class, parse(source).all(Decl.Option.class).get(1).value());
        assertEquals(2, sum.span().line());
        assertEquals(13, sum.span().column());
        assertEquals("left  + right", source.substring(sum.span().start(), sum.span().end()));
        Expr.NameRef right = assertInstanceOf(Expr.NameRef.class, sum.right());
        assertEquals("right", source.substring(right.span().start(), right.span().end()));
        assertEquals(21, right.span().column());
    }
}
