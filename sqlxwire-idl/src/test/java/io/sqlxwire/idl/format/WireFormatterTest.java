package io.sqlxwire.idl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostic;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.parse.WireParser;
import io.sqlxwire.idl.testing.StructuralEquality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireFormatterTest {

    @Test
    void printsAPostgresStyleDescriptionCanonically() {
        String messy = """
                /** PostgreSQL, abridged.
                 * Second line. */
                protocol   postgresql ;
                option byte_order=big; option java_package = "io.x";
                /// Sent by the client.
                direction frontend from client; direction backend from server;
                framing tagged { header { tag: u8; length: u32; } tag tag; body length-4; max 1<<30; }
                enum AuthCode : i32 { OK = 0; /// MD5 with a salt.
                MD5_PASSWORD = 5; }
                session { auth: AuthCode = OK; }
                message Authentication: backend tag 'R' { code: AuthCode;
                  body: switch (code) { OK, 1 .. 4 => empty; MD5_PASSWORD => bytes[4];
                  /// Anything else, kept raw.
                  _ => bytes rest; }; }
                message SslAccepted: backend tag 'S' {}
                message DataRow: backend tag 'D' { column_count: u16;
                  columns: bytes prefix(i32, null = -1)[column_count]; }
                machine { initial Startup; state Startup { framing frontend tagged;
                  on backend Authentication -> Ready { set auth = code; } final; } state * { on backend DataRow; } }
                signature startup from client { min 8; at 4 match x"00 03 00 00" mask x"FFFF0000"; alpn "postgresql"; }
                """;

        assertEquals("""
                /// PostgreSQL, abridged.
                /// Second line.
                protocol postgresql;

                option byte_order = big;
                option java_package = "io.x";

                /// Sent by the client.
                direction frontend from client;
                direction backend from server;

                framing tagged {
                    header {
                        tag: u8;
                        length: u32;
                    }
                    tag tag;
                    body length - 4;
                    max 1 << 30;
                }

                enum AuthCode: i32 {
                    OK = 0;
                    /// MD5 with a salt.
                    MD5_PASSWORD = 5;
                }

                session {
                    auth: AuthCode = OK;
                }

                message Authentication: backend tag 'R' {
                    code: AuthCode;
                    body: switch (code) {
                        OK, 1 .. 4 => empty;
                        MD5_PASSWORD => bytes[4];
                        /// Anything else, kept raw.
                        _ => bytes rest;
                    };
                }

                message SslAccepted: backend tag 'S' {}

                message DataRow: backend tag 'D' {
                    column_count: u16;
                    columns: bytes prefix(i32, null = -1)[column_count];
                }

                machine {
                    initial Startup;
                    state Startup {
                        framing frontend tagged;
                        on backend Authentication -> Ready {
                            set auth = code;
                        }
                        final;
                    }
                    state * {
                        on backend DataRow;
                    }
                }

                signature startup from client {
                    min 8;
                    at 4 match x"00030000" mask x"ffff0000";
                    alpn "postgresql";
                }
                """, formatted(messy));
    }

    @Test
    void printsEveryFieldSuffixParametersAndLets() {
        String source = """
                import "common.wire";
                transform tds_password;
                struct Login(version: u8, flags: Capabilities) {
                    _: pad[2];
                    magic: u8 = 0x0A;
                    password: text(utf16le) prefix(u16) if version >= 7 size(len * 2) at(offset + 4) transform(tds_password);
                    let caps: Capabilities = join(lower, upper);
                    let long = caps has LONG_PASSWORD;
                    nulls: bitmap(count, offset = 2);
                    values: ColumnValue(kind, unsigned = true)[count];
                    pairs: Pair[] until 0;
                    lines: ascii_int until "\\r\\n";
                    checksum: u32 = crc32c(magic);
                }
                """;

        assertEquals("""
                import "common.wire";

                transform tds_password;

                struct Login(version: u8, flags: Capabilities) {
                    _: pad[2];
                    magic: u8 = 0x0A;
                    password: text(utf16le) prefix(u16) if version >= 7 size(len * 2) at(offset + 4) transform(tds_password);
                    let caps: Capabilities = join(lower, upper);
                    let long = caps has LONG_PASSWORD;
                    nulls: bitmap(count, offset = 2);
                    values: ColumnValue(kind, unsigned = true)[count];
                    pairs: Pair[] until 0;
                    lines: ascii_int until "\\r\\n";
                    checksum: u32 = crc32c(magic);
                }
                """, formatted(source));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " @@ ", quoteCharacter = '`', value = {
            // bitwise binds tighter than comparison, so these parentheses are redundant ...
            "(a | b) == c @@ a | b == c",
            "a == (b & 0xFF) @@ a == b & 0xFF",
            "(x < y) && (y < z) @@ x < y && y < z",
            // ... and these are not
            "(a == b) | c @@ (a == b) | c",
            "(a + b) * c @@ (a + b) * c",
            "a - (b - c) @@ a - (b - c)",
            "(a - b) - c @@ a - b - c",
            "a << (b + 1) @@ a << b + 1",
            "(a << b) + 1 @@ (a << b) + 1",
            "-(a + b) @@ -(a + b)",
            "(-a).b @@ (-a).b",
            "-(a.b) @@ -a.b",
            "(a + b)[i] @@ (a + b)[i]",
            "!(a && b) || c @@ !(a && b) || c",
            "- -a @@ --a",
            "(a ? b : c) ? d : e @@ (a ? b : c) ? d : e",
            "a ? b : (c ? d : e) @@ a ? b : c ? d : e",
            "a ? (b ? c : d) : e @@ a ? b ? c : d : e",
            "(a || b) ? c : d @@ a || b ? c : d",
            "min(a, (b), max(c, d)) @@ min(a, b, max(c, d))",
            "peek(u8, 1) == 0xFE @@ peek(u8, 1) == 0xFE",
            "session.caps has (A | B) @@ session.caps has A | B",
    })
    void printsTheFewestParenthesesThePrecedenceNeeds(String written, String canonical) {
        String formatted = formatted("option x = " + written + ";\n");

        assertEquals("option x = " + canonical + ";\n", formatted);
        StructuralEquality.assertStructurallyEqual(parse("option x = " + written + ";"), parse(formatted));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " @@ ", quoteCharacter = '`', value = {
            "1_000 @@ 1_000",
            "0X0a @@ 0X0a",
            "0b1010 @@ 0b1010",
            "'\\x41' @@ 'A'",
            "'\\0' @@ '\\0'",
            "'\\'' @@ '\\''",
            "'\"' @@ '\"'",
            "'\\xFE' @@ '\\xfe'",
            "'\\\\' @@ '\\\\'",
            "\"a\\x01\\x7f\\tb\" @@ \"a\\x01\\x7f\\tb\"",
            "\"\\0\\r\\n\\\"'\\\\\" @@ \"\\0\\r\\n\\\"'\\\\\"",
            "\"\\x41é日\" @@ \"Aé日\"",
            "x\"00 03 AB\" @@ x\"0003ab\"",
            "x\"\" @@ x\"\"",
            "true @@ true",
            "null @@ null",
    })
    void reprintsLiteralsSoTheyDenoteTheSameValue(String written, String canonical) {
        String formatted = formatted("option x = " + written + ";\n");

        assertEquals("option x = " + canonical + ";\n", formatted);
        StructuralEquality.assertStructurallyEqual(
                WireFormatter.format(parse("option x = " + written + ";")), formatted);
    }

    @Test
    void softKeywordsStayUsableAsNames() {
        String source = """
                struct tag {
                    size: u8;
                    body: bytes[size] if has has flags;
                    state: switch (peek(u8)) {
                        0x00 .. 0x7F if remaining < 9 => rest;
                        _ => bytes rest;
                    };
                }
                """;

        String formatted = formatted(source);

        assertEquals(source, formatted);
    }

    @Test
    void formattingIsIdempotent() {
        String source = """
                /// Doc with an indented line:
                ///     example();
                ///
                /// and a paragraph.
                struct S { a: u8; b: switch (a) { 1 => switch (peek(u8, 2)) { 0 => u8; _ => empty; }; _ => empty; }; }
                """;

        String once = formatted(source);

        assertEquals(once, formatted(once));
        StructuralEquality.assertStructurallyEqual(parse(source), parse(once));
    }

    @Test
    void reportsSyntaxErrorsInsteadOfFormatting() {
        FormatResult result = WireFormatter.format("bad.wire", "struct S { a: ; }\n");

        assertTrue(result.hasErrors());
        assertTrue(result.formatted().isEmpty());
        assertTrue(result.render().startsWith("bad.wire:1:15: error: syntax error"), result.render());
    }

    @Test
    void refusesToDropPlainComments() {
        FormatResult result = WireFormatter.format("c.wire", """
                struct S {
                    a: u8; // the length
                    /* reserved */ _: pad[1];
                }
                """);

        assertTrue(result.hasErrors());
        assertEquals(2, result.diagnostics().size(), result.render());
        Diagnostic first = result.diagnostics().get(0);
        assertEquals("c.wire:2:12", first.span().toString());
        assertTrue(first.message().startsWith("formatting would drop this comment"), first.message());
        assertEquals("c.wire:3:5", result.diagnostics().get(1).span().toString());
    }

    @Test
    void refusesToDropDocCommentsThatDocumentNothing() {
        FormatResult result = WireFormatter.format("d.wire", """
                /// Kept: it documents the struct.
                struct S {
                    a: u8;
                    /// Lost: nothing follows it in this block.
                }
                """);

        assertTrue(result.hasErrors());
        assertEquals(1, result.diagnostics().size(), result.render());
        assertEquals("d.wire:4:5", result.diagnostics().get(0).span().toString());
    }

    @Test
    void reportsWhetherFormattingChangesTheText() {
        FormatResult canonical = WireFormatter.format("a.wire", "protocol p;\n");
        FormatResult messy = WireFormatter.format("a.wire", "protocol  p ;");

        assertFalse(canonical.changed());
        assertTrue(messy.changed());
        assertEquals("protocol p;\n", messy.formattedOrThrow());
    }

    private static String formatted(String source) {
        return WireFormatter.format("test.wire", source).formattedOrThrow();
    }

    private static WireFile parse(String source) {
        Diagnostics diagnostics = new Diagnostics();
        WireFile file = WireParser.parse("test.wire", source, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return file;
    }
}
