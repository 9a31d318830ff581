package io.sqlxwire.runtime.sql;

import static io.sqlxwire.runtime.sql.SqlLexer.isDigit;
import static io.sqlxwire.runtime.sql.SqlLexer.isTagPart;
import static io.sqlxwire.runtime.sql.SqlLexer.isTagStart;
import static io.sqlxwire.runtime.sql.SqlLexer.isWordChar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rewrites the parameter placeholders of a SQL statement from one {@link ParamStyle} to another, in
 * one pass, leaving everything else byte for byte as it was.
 *
 * <p>Placeholders are recognised only in SQL code: never inside string literals, quoted identifiers,
 * comments or dollar-quoted bodies (see {@link SqlSyntax}). {@code ::} is a cast; {@code :name}
 * preceded by a word character or another colon is not a parameter (array slices {@code a[1:n]} are
 * left alone as long as the bound starts with a digit); {@code $1} inside an identifier
 * ({@code a$1}) is not one either. {@code %%} in the code of a percent-style statement is a literal
 * percent sign: it becomes {@code %} in other styles, and a {@code %} in code becomes {@code %%} in
 * percent styles. Literal contents are never changed, so a {@code %} inside a string stays single:
 * translate to a percent style only SQL that a driver will not itself run through Python's
 * {@code %} operator.
 *
 * <p>Unterminated literals, identifiers or comments run to the end of the statement (copied as they
 * are): any string translates without an exception. When a placeholder of the target style would
 * run into the word before or after it ({@code ?1} to {@code $1 1}, {@code a?} to {@code a :p1}), a
 * space separates them.
 *
 * <p>Parameter mapping: positional sources number their parameters by occurrence ({@code ?},
 * {@code %s}) or by their number ({@code $n}); a named target names them {@code p1}, {@code p2},...;
 * a {@code $n} target numbers distinct source parameters by first appearance; {@code ?}/{@code %s}
 * targets repeat a parameter once per occurrence. {@link Translation#bindings()} records it.
 */
public final class ParameterTranslator {

    private ParameterTranslator() {}

    /** Translates with PostgreSQL's lexical rules. */
    public static Translation translate(String sql, ParamStyle from, ParamStyle to) {
        return translate(sql, from, to, SqlSyntax.POSTGRESQL);
    }

    public static Translation translate(String sql, ParamStyle from, ParamStyle to, SqlSyntax syntax) {
        Objects.requireNonNull(sql, "sql");
        return new Pass(sql, Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
                Objects.requireNonNull(syntax, "syntax")).run();
    }

    /** One translation: the cursor, the output and the parameter mapping built so far. */
    private static final class Pass {
        private final String sql;
        private final ParamStyle from;
        private final ParamStyle to;
        private final SqlSyntax syntax;
        private final StringBuilder out;
        private final List<Translation.Binding> bindings = new ArrayList<>();
        private final Map<String, String> targetOfSource = new HashMap<>();
        private int occurrences;
        private int i;

        Pass(String sql, ParamStyle from, ParamStyle to, SqlSyntax syntax) {
            this.sql = sql;
            this.from = from;
            this.to = to;
            this.syntax = syntax;
            this.out = new StringBuilder(sql.length() + 16);
        }

        Translation run() {
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
                int nonCodeEnd = SqlLexer.skipNonCode(sql, i, syntax);
                if (nonCodeEnd > i) {
                    copyTo(nonCodeEnd); // literals, quoted identifiers, comments, dollar quotes
                } else if (c == '$' && syntax == SqlSyntax.POSTGRESQL && !isWordChar(previous())) {
                    dollarNumber();
                } else if (c == ':') {
                    colon(next);
                } else if (c == '?' && from == ParamStyle.QMARK) {
                    i++;
                    placeholder(String.valueOf(++occurrences));
                } else if (c == '%') {
                    percent(next);
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new Translation(out.toString(), bindings);
        }

        private char previous() {
            return i > 0 ? sql.charAt(i - 1) : '\0';
        }

        /** {@code $n} (a parameter when the source is numbered) or a dollar that is plain code. */
        private void dollarNumber() {
            int n = sql.length();
            int j = i + 1;
            while (j < n && isDigit(sql.charAt(j))) {
                j++;
            }
            if (j > i + 1 && from == ParamStyle.DOLLAR && j - i - 1 <= 9 && Integer.parseInt(sql, i + 1, j, 10) > 0) {
                String key = String.valueOf(Integer.parseInt(sql, i + 1, j, 10));
                i = j;
                placeholder(key);
            } else {
                copyTo(Math.max(j, i + 1));
            }
        }

        private void colon(char next) {
            if (next == ':') {
                copyTo(i + 2); // a cast
                return;
            }
            if (from == ParamStyle.NAMED && isTagStart(next) && previous() != ':' && !isWordChar(previous())) {
                int j = i + 2;
                while (j < sql.length() && isTagPart(sql.charAt(j))) {
                    j++;
                }
                if (j >= sql.length() || sql.charAt(j) != ':') {
                    String name = sql.substring(i + 1, j);
                    i = j;
                    placeholder(name);
                    return;
                }
            }
            copyTo(i + 1);
        }

        private void percent(char next) {
            if (from.isPercent()) {
                if (next == '%') {
                    out.append(to.isPercent() ? "%%" : "%");
                    i += 2;
                    return;
                }
                if (from == ParamStyle.FORMAT && next == 's') {
                    i += 2;
                    placeholder(String.valueOf(++occurrences));
                    return;
                }
                if (from == ParamStyle.PYFORMAT && next == '(') {
                    int close = sql.indexOf(')', i + 2);
                    if (close > i + 2 && close + 1 < sql.length() && sql.charAt(close + 1) == 's'
                            && isName(i + 2, close)) {
                        String name = sql.substring(i + 2, close);
                        i = close + 2;
                        placeholder(name);
                        return;
                    }
                }
                copyTo(i + 1);
                return;
            }
            out.append(to.isPercent() ? "%%" : "%");
            i++;
        }

        /** Emits the target placeholder for source parameter {@code key}; {@code i} is already past it. */
        private void placeholder(String key) {
            // After a word, "$1" or ":p1" would read as part of it ("a$1" is an identifier).
            char last = out.length() == 0 ? '\0' : out.charAt(out.length() - 1);
            if ((to == ParamStyle.DOLLAR || to == ParamStyle.NAMED) && (isWordChar(last) || last == ':')) {
                out.append(' ');
            }
            switch (to) {
                case QMARK, FORMAT -> {
                    String target = String.valueOf(bindings.size() + 1);
                    bindings.add(new Translation.Binding(target, key));
                    out.append(to == ParamStyle.QMARK ? "?" : "%s");
                }
                case DOLLAR -> {
                    String target = targetFor(key, String.valueOf(targetOfSource.size() + 1));
                    out.append('$').append(target);
                    if (i < sql.length() && isDigit(sql.charAt(i))) {
                        out.append(' ');
                    }
                }
                case NAMED, PYFORMAT -> {
                    String target = targetFor(key, from.isNamed() ? key : "p" + key);
                    if (to == ParamStyle.NAMED) {
                        out.append(':').append(target);
                        if (i < sql.length() && (isTagPart(sql.charAt(i)) || sql.charAt(i) == ':')) {
                            out.append(' ');
                        }
                    } else {
                        out.append("%(").append(target).append(")s");
                    }
                }
                default -> throw new AssertionError(to);
            }
        }

        /** The target key of a source parameter, made (and bound) at its first appearance. */
        private String targetFor(String sourceKey, String fresh) {
            String target = targetOfSource.get(sourceKey);
            if (target == null) {
                target = fresh;
                targetOfSource.put(sourceKey, target);
                bindings.add(new Translation.Binding(target, sourceKey));
            }
            return target;
        }

        private boolean isName(int start, int end) {
            if (!isTagStart(sql.charAt(start))) {
                return false;
            }
            for (int k = start + 1; k < end; k++) {
                if (!isTagPart(sql.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        private void copyTo(int end) {
            out.append(sql, i, end);
            i = end;
        }
    }
}
