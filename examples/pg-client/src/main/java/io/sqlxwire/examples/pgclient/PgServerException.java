package io.sqlxwire.examples.pgclient;

import io.sqlxwire.protocols.postgresql.PgErrorResponseDecoder;
import io.sqlxwire.protocols.postgresql.PgNoticeFieldDecoder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ErrorResponse from the server. The connection stays usable: the client has read on to the
 * ReadyForQuery that follows every error before throwing this.
 */
public final class PgServerException extends RuntimeException {

    private final Map<Character, String> fields;

    PgServerException(Map<Character, String> fields) {
        super(summary(fields));
        this.fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** Copies the fields out of the message (the decoder is reused for the next one). */
    static PgServerException from(PgErrorResponseDecoder error) {
        Map<Character, String> fields = new TreeMap<>();
        PgErrorResponseDecoder.FieldsCursor cursor = error.fields();
        while (cursor.hasNext()) {
            PgNoticeFieldDecoder field = cursor.next();
            fields.put((char) field.code(), field.valueAsString());
        }
        return new PgServerException(fields);
    }

    private static String summary(Map<Character, String> fields) {
        return fields.getOrDefault('S', "ERROR") + " " + fields.getOrDefault('C', "?????") + ": "
                + fields.getOrDefault('M', "(no message)");
    }

    /** Every field by its code ('S' severity, 'C' SQLSTATE, 'M' message, 'P' position, ...). */
    public Map<Character, String> fields() {
        return fields;
    }

    /** ERROR, FATAL or PANIC; never localized when the server sends 'V' (9.6 and later). */
    public String severity() {
        return fields.getOrDefault('V', fields.get('S'));
    }

    public String sqlState() {
        return fields.get('C');
    }

    public String serverMessage() {
        return fields.get('M');
    }

    public String detail() {
        return fields.get('D');
    }

    public String hint() {
        return fields.get('H');
    }

    /** 1-based character position of the error in the query text, or 0 when the server sent none. */
    public int position() {
        String position = fields.get('P');
        return position == null ? 0 : Integer.parseInt(position);
    }
}
