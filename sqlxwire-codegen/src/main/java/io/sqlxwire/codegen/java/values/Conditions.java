package io.sqlxwire.codegen.java.values;

import com.palantir.javapoet.CodeBlock;

/**
 * Conditions as they stand in an {@code if}: the expression writers parenthesise every compound
 * expression so it can be embedded anywhere, which would read {@code if ((count >= 0))} at the top
 * of a statement; here the one redundant outer pair goes.
 */
public final class Conditions {
    private Conditions() {
    }

    /** {@code condition} without an outer pair of parentheses that encloses all of it. */
    public static CodeBlock bare(CodeBlock condition) {
        String text = condition.toString();
        String bare = bare(text);
        return bare.equals(text) ? condition : CodeBlock.of("$L", bare);
    }

    /** {@code condition}'s source without an outer pair of parentheses that encloses all of it. */
    public static String bare(String condition) {
        if (condition.length() >= 2 && condition.charAt(0) == '(' && closingParen(condition) == condition.length() - 1) {
            return condition.substring(1, condition.length() - 1);
        }
        return condition;
    }

    /** Index of the parenthesis closing the one at 0, skipping string and char literals; -1 if none. */
    private static int closingParen(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i, c);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int endOfLiteral(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
