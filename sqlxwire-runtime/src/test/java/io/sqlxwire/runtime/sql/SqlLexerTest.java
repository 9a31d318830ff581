package io.sqlxwire.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static String code(String sql, SqlSyntax syntax) {
        StringBuilder code = new StringBuilder();
        SqlLexer.forEachCodeIndex(sql, syntax, i -> code.append(sql.charAt(i)));
        return code.toString();
    }

    @Test
    void postgresqlLiteralsIdentifiersCommentsAndDollarQuotesAreNotCode() {
        assertEquals("select , , , E,  ", code("select 'a;b', \"x;y\", $t$;'$t$, E'\\';', /* ; /* nested */ ; */ -- ;", SqlSyntax.POSTGRESQL));
        // $1 and a lone $ are code; a$1 is an identifier continuing.
        assertEquals("select $1, a$1, $", code("select $1, a$1, $", SqlSyntax.POSTGRESQL));
        // Without the E prefix a backslash is an ordinary character (standard_conforming_strings).
        assertEquals("select ;", code("select 'a\\';", SqlSyntax.POSTGRESQL));
    }

    @Test
    void mysqlHasBackslashEscapesHashCommentsAndNoDollarQuotes() {
        assertEquals("select , , $$, ", code("select 'it\\'s', \"a\\\"b\", $$, `c;d`# comment ;\n", SqlSyntax.MYSQL));
        // MySQL block comments do not nest: the first */ closes.
        assertEquals("select  */", code("select /* /* */ */", SqlSyntax.MYSQL));
    }

    @Test
    void skipNonCodeSaysWhereEachRunEnds() {
        assertEquals(3, SqlLexer.skipNonCode("'a'b", 0, SqlSyntax.POSTGRESQL));
        assertEquals(6, SqlLexer.skipNonCode("'it''s", 0, SqlSyntax.POSTGRESQL));
        assertEquals(0, SqlLexer.skipNonCode("$1", 0, SqlSyntax.POSTGRESQL));
        assertEquals(4, SqlLexer.skipNonCode("$$$$x", 0, SqlSyntax.POSTGRESQL));
        assertEquals(0, SqlLexer.skipNonCode("select", 0, SqlSyntax.POSTGRESQL));
    }

    @Test
    void unterminatedRunsEndAtTheEnd() {
        for (String sql : List.of("'abc", "\"abc", "/* abc", "$q$ abc", "-- abc", "`abc")) {
            assertEquals(sql.length(), SqlLexer.skipNonCode(sql, 0, SqlSyntax.POSTGRESQL), sql);
        }
    }

    @Test
    void scriptsAreSplitAtSemicolonsInCode() {
        assertEquals(List.of("select 1", "select 'a;b'", "select $t$;$t$", "select \"x;y\"", "select E'\\';'"),
                SqlLexer.splitStatements("select 1; select 'a;b';select $t$;$t$ ;select \"x;y\"; select E'\\';'",
                        SqlSyntax.POSTGRESQL));
        assertEquals(List.of("select 1 /* ; /* nested ; */ */"),
                SqlLexer.splitStatements("select 1 /* ; /* nested ; */ */ ; -- ;", SqlSyntax.POSTGRESQL));
        assertEquals(List.of(), SqlLexer.splitStatements(" ; ;\n -- only a comment\n/* and another */", SqlSyntax.POSTGRESQL));
        // A statement keeps the comments before its code.
        assertEquals(List.of("select 'a\\';b'", "# c;\nselect 2"),
                SqlLexer.splitStatements("select 'a\\';b'; # c;\nselect 2", SqlSyntax.MYSQL));
    }
}
