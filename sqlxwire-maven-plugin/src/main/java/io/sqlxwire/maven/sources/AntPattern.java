package io.sqlxwire.maven.sources;

import java.util.regex.Pattern;

/**
 * An include or exclude pattern as Maven users write them ({@code **}{@code /*.wire},
 * {@code legacy/**}, {@code ?.wire}): {@code **} spans any number of directories, {@code *} and
 * {@code ?} stay within one path segment, and a pattern ending in {@code /} means everything below
 * that directory. Paths are matched relative to the source directory, with {@code /} separators.
 */
public final class AntPattern {

    private final String text;
    private final Pattern regex;

    private AntPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    public static AntPattern of(String pattern) {
        String normalized = pattern.trim().replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        if (normalized.endsWith("/")) {
            normalized = normalized + "**";
        }
        return new AntPattern(pattern, Pattern.compile(toRegex(normalized)));
    }

    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                out.append("(?:.*/)?"); // zero or more whole directories
                i += 3;
            } else if (glob.startsWith("**", i)) {
                out.append(".*");
                i += 2;
            } else if (c == '*') {
                out.append("[^/]*");
                i++;
            } else if (c == '?') {
                out.append("[^/]");
                i++;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
