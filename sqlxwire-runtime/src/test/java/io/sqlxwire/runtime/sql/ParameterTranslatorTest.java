package io.sqlxwire.runtime.sql;

import static io.sqlxwire.runtime.sql.ParamStyle.DOLLAR;
import static io.sqlxwire.runtime.sql.ParamStyle.FORMAT;
import static io.sqlxwire.runtime.sql.ParamStyle.NAMED;
import static io.sqlxwire.runtime.sql.ParamStyle.PYFORMAT;
import static io.sqlxwire.runtime.sql.ParamStyle.QMARK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTranslatorTest {

    private static String sql(String sql, ParamStyle from, ParamStyle to) {
        return ParameterTranslator.translate(sql, from, to).sql();
    }

    @Test
    void dollarToQuestionMarkRepeatsAndReordersThroughTheBindings() {
        Translation t = ParameterTranslator.translate("SELECT $2, $1, $2", DOLLAR, QMARK);
        assertEquals("SELECT ?, ?, ?", t.sql());
        assertEquals(List.of("b", "a", "b"), t.arrangePositional(List.of("a", "b")));
    }

    @Test
    void questionMarksBecomeNumbersAndNames() {
        assertEquals("a = $1 AND b = $2", sql("a = ? AND b = ?", QMARK, DOLLAR));
        assertEquals("a = :p1 AND b = :p2", sql("a = ? AND b = ?", QMARK, NAMED));
        assertEquals("a = %(p1)s AND b = %%s", sql("a = ? AND b = %s", QMARK, PYFORMAT));
    }

    @Test
    void namesRepeatedKeepOneNumber() {
        Translation t = ParameterTranslator.translate("x = :id OR y = :id OR z = :other", NAMED, DOLLAR);
        assertEquals("x = $1 OR y = $1 OR z = $2", t.sql());
        assertEquals(List.of(new Translation.Binding("1", "id"), new Translation.Binding("2", "other")), t.bindings());
        assertEquals("x = %(id)s OR y = %(id)s", sql("x = :id OR y = :id", NAMED, PYFORMAT));
        assertEquals("x = :id OR y = :id", sql("x = %(id)s OR y = %(id)s", PYFORMAT, NAMED));
    }

    @Test
    void castsSlicesAndAssignmentsAreNotNames() {
        assertEquals("SELECT a::int, b[1:2], f(c := 1), $1", sql("SELECT a::int, b[1:2], f(c := 1), :v", NAMED, DOLLAR));
        assertEquals("SELECT x:y, ::z", sql("SELECT x:y, ::z", NAMED, DOLLAR));
    }

    @Test
    void literalsIdentifiersCommentsAndDollarQuotesAreUntouched() {
        String protectedParts = "'?' 'it''s ?' E'\\' ?' \"col ?\" `t ?` -- ? $1\n/* ? /* ? */ ? */ $$ ? $$ $fn$ ? ' $fn$";
        assertEquals(protectedParts + " $1", sql(protectedParts + " ?", QMARK, DOLLAR));
        String named = "':a' \"x:y\" -- :c\n$q$ :d $q$ :e";
        assertEquals("':a' \"x:y\" -- :c\n$q$ :d $q$ ?", sql(named, NAMED, QMARK));
    }

    @Test
    void dollarsInsideIdentifiersAreNotParameters() {
        assertEquals("SELECT a$1, ?", sql("SELECT a$1, $1", DOLLAR, QMARK));
    }

    @Test
    void percentSignsAreEscapedForPercentStylesOnlyInCode() {
        assertEquals("SELECT 10 %% 3, '%', %s", sql("SELECT 10 % 3, '%', ?", QMARK, FORMAT));
        assertEquals("SELECT 10 % 3, '%', ?", sql("SELECT 10 %% 3, '%', %s", FORMAT, QMARK));
    }

    @Test
    void aPlaceholderNeverMergesWithTheWordsAroundIt() {
        assertEquals("x=$1 1", sql("x=?1", QMARK, DOLLAR));
        assertEquals("a :p1 b", sql("a?b", QMARK, NAMED));
        assertEquals("a ? b", sql("a :p1 b", NAMED, QMARK));
        assertEquals("a $1", sql("a?", QMARK, DOLLAR));
    }

    @Test
    void mysqlStringsHaveBackslashEscapesAndHashComments() {
        String mysql = "SELECT 'a\\' ?', \"b ?\", `c ?` # ?\n, ?";
        assertEquals("SELECT 'a\\' ?', \"b ?\", `c ?` # ?\n, :p1",
                ParameterTranslator.translate(mysql, QMARK, NAMED, SqlSyntax.MYSQL).sql());
        // The same text under PostgreSQL rules: 'a\' ends at the quote after the backslash, and the
        // quote after the parameter opens a string that is never closed.
        assertEquals("SELECT 'a\\' $1', \"b ?\", `c ?` # ?\n, ?", sql(mysql, QMARK, DOLLAR));
    }

    @Test
    void mysqlCommentsDoNotNest() {
        assertEquals("/* /* ? */ $1 */", ParameterTranslator.translate("/* /* ? */ ? */", QMARK, DOLLAR, SqlSyntax.MYSQL).sql());
        assertEquals("/* /* ? */ ? */", sql("/* /* ? */ ? */", QMARK, DOLLAR));
    }

    @Test
    void unterminatedRegionsRunToTheEnd() {
        assertEquals("'?", sql("'?", QMARK, DOLLAR));
        assertEquals("$1 /* ?", sql("? /* ?", QMARK, DOLLAR));
        assertEquals("$1 $$ ?", sql("? $$ ?", QMARK, DOLLAR));
        assertEquals("$1 $a $2", sql("? $a ?", QMARK, DOLLAR));
    }

    @Test
    void pyformatNeedsAClosedNameFollowedByS() {
        assertEquals("%(a)d %(b ?", sql("%(a)d %(b ?", PYFORMAT, QMARK));
        assertEquals("%(a)d ?", sql("%(a)d %(b)s", PYFORMAT, QMARK));
    }
}
