package io.sqlxwire.idl.parse;

import io.sqlxwire.idl.grammar.WireLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Says what the parser expected in words a user understands. Soft keywords are names in most
 * places, so where a name is expected they are not listed one by one (a list of forty keywords
 * would hide the {@code '}'} that is really missing).
 */
final class ExpectedTokens {

    /** More alternatives than this are not listed: the message would say nothing useful. */
    private static final int MAX_LISTED = 6;

    private ExpectedTokens() {}

    static String describe(IntervalSet expected, Vocabulary vocabulary) {
        if (expected == null || expected.isNil()) {
            return "";
        }
        boolean nameExpected = expected.contains(WireLexer.ID);
        Set<String> words = new LinkedHashSet<>();
        for (int type : expected.toList()) {
            String literal = vocabulary.getLiteralName(type);
            boolean keyword = literal != null && Character.isLetter(literal.charAt(1));
            if (nameExpected && keyword && !literal.equals("'if'") && !literal.equals("'switch'")) {
                continue; // a soft keyword, covered by "a name"
            }
            words.add(word(type, literal));
        }
        if (words.isEmpty() || words.size() > MAX_LISTED) {
            return "";
        }
        List<String> list = new ArrayList<>(words);
        String last = list.remove(list.size() - 1);
        return ", expected " + (list.isEmpty() ? last : String.join(", ", list) + " or " + last);
    }

    private static String word(int type, String literal) {
        if (type == WireLexer.ID) {
            return "a name";
        } else if (type == WireLexer.INT) {
            return "a number";
        } else if (type == WireLexer.STRING) {
            return "a string";
        } else if (type == WireLexer.CHAR) {
            return "a character";
        } else if (type == WireLexer.HEXBYTES) {
            return "bytes (x\"..\")";
        } else if (type == org.antlr.v4.runtime.Token.EOF) {
            return "end of file";
        }
        return literal == null ? "?" : literal;
    }
}
