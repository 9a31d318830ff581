package io.sqlxwire.idl.format;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Doc comments as the syntax tree keeps them: cleaned text, the empty string for none. A cleaned
 * doc never starts or ends with a blank line and has no trailing blanks; inner lines may be empty
 * or indented.
 */
final class DocArbitraries {

    private DocArbitraries() {}

    static Arbitrary<String> docs() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('!', '~').withChars('\u00e9', '\u65e5')
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> content = word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
        Arbitrary<String> inner = Arbitraries.frequencyOf(
                Tuple.of(4, content),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, content.map(text -> "    " + text)));
        Arbitrary<String> text = Combinators.combine(content, inner.list().ofMaxSize(2), content.injectNull(0.5))
                .as((first, middle, last) -> {
                    StringBuilder doc = new StringBuilder(first);
                    middle.forEach(line -> doc.append('\n').append(line));
                    if (last != null) {
                        doc.append('\n').append(last);
                    } else if (!middle.isEmpty() && middle.get(middle.size() - 1).isBlank()) {
                        return first; // a blank last line is not part of a cleaned doc
                    }
                    return doc.toString();
                });
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(1, text));
    }
}
