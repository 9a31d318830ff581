package io.sqlxwire.idl.parse;

import java.util.ArrayList;
import java.util.List;

/** Turns raw doc-comment tokens into the plain text that ends up in Javadoc. */
final class DocComments {

    private DocComments() {}

    static String clean(List<String> rawComments) {
        List<String> lines = new ArrayList<>();
        for (String raw : rawComments) {
            if (raw.startsWith("///")) {
                lines.add(stripOneSpace(raw.substring(3)));
            } else if (raw.startsWith("/**")) {
                String body = raw.substring(3, raw.length() - 2);
                for (String line : body.split("\r?\n", -1)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("*")) {
                        trimmed = stripOneSpace(trimmed.substring(1));
                    }
                    lines.add(trimmed);
                }
            }
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int common = lines.stream().filter(l -> !l.isBlank()).mapToInt(DocComments::indentation).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(common)).toList()).stripTrailing();
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String stripOneSpace(String text) {
        return text.startsWith(" ") ? text.substring(1) : text;
    }
}
