package io.sqlxwire.examples.myserver;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MariaDB Connector/J sends byte arrays of client-side prepared statements as {@code _binary'...'}
 * literals holding the raw bytes (backslash-escaped), so such a COM_QUERY is no valid UTF-8 text
 * ({@code mysql.wire} keeps the query as bytes for that reason), and H2 does not know the
 * introducer. This turns the statement's bytes into SQL text, each such literal rewritten to H2's
 * {@code X'hex'}.
 */
final class BinaryLiterals {
    private static final byte[] INTRODUCER = "_binary".getBytes(StandardCharsets.US_ASCII);

    private BinaryLiterals() {
    }

    /** The statement as text: UTF-8 as sent, or with its binary literals rewritten; empty when neither works. */
    static Optional<String> sql(byte[] statement) {
        Optional<String> text = utf8(statement);
        if (text.isPresent()) {
            return text;
        }
        byte[] rewritten = rewrite(statement);
        return rewritten == null ? Optional.empty() : utf8(rewritten);
    }

    /** The SQL with every {@code _binary'...'} outside other literals as {@code X'...'}; null if none. */
    static byte[] rewrite(byte[] sql) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sql.length * 2);
        boolean changed = false;
        byte quote = 0;
        for (int i = 0; i < sql.length; i++) {
            byte b = sql[i];
            if (quote != 0) {
                out.write(b);
                if (b == '\\' && i + 1 < sql.length) {
                    out.write(sql[++i]);
                } else if (b == quote) {
                    quote = 0;
                }
            } else if (startsWith(sql, i, INTRODUCER)) {
                int at = i + INTRODUCER.length;
                while (at < sql.length && sql[at] == ' ') {
                    at++;
                }
                if (at >= sql.length || sql[at] != '\'') {
                    out.write(b);
                    continue;
                }
                StringBuilder hex = new StringBuilder("X'");
                at++;
                for (; at < sql.length && sql[at] != '\''; at++) {
                    int v = sql[at] & 0xFF;
                    if (v == '\\' && at + 1 < sql.length) {
                        v = unescape(sql[++at]);
                    }
                    hex.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xF, 16));
                }
                out.writeBytes(hex.append('\'').toString().getBytes(StandardCharsets.US_ASCII));
                i = at;
                changed = true;
            } else {
                if (b == '\'' || b == '"' || b == '`') {
                    quote = b;
                }
                out.write(b);
            }
        }
        return changed ? out.toByteArray() : null;
    }

    private static int unescape(byte escaped) {
        switch (escaped) {
            case '0':
                return 0;
            case 'b':
                return 8;
            case 'n':
                return 10;
            case 'r':
                return 13;
            case 't':
                return 9;
            case 'Z':
                return 26;
            default:
                return escaped & 0xFF;   // \\ \' \" and anything else: the byte itself
        }
    }

    private static boolean startsWith(byte[] sql, int at, byte[] prefix) {
        if (at + prefix.length > sql.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(sql[at + i]) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
