package io.sqlxwire.protocols.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cursors re-read elements that {@code wrap} validated without judging their text again; the trust
 * must never outlive that re-read: a decoder handed out by a cursor and then wrapped over new bytes
 * validates them, and so does the message decoder.
 */
class TrustedRereadTest {

    private static final PgFieldDescription ID = new PgFieldDescription("id", 16384, 1, 23, 4, -1, PgFormatCode.TEXT);
    private static final PgFieldDescription NAME = new PgFieldDescription("name", 16384, 2, 25, -1, -1, PgFormatCode.TEXT);

    @Test
    void cursorReadsTheValidatedElements() {
        PgRowDescriptionDecoder decoder = new PgRowDescriptionDecoder()
                .wrap(WireBuffer.of(new PgRowDescription(List.of(ID, NAME)).encode()));
        PgRowDescriptionDecoder.FieldsCursor fields = decoder.fields();
        assertEquals("id", fields.next().nameAsString());
        assertEquals("name", fields.next().nameAsString());
        assertEquals("id", fields.get(0).nameAsString());
    }

    @Test
    void anElementDecoderWrappedAfterACursorValidatesAgain() {
        PgRowDescriptionDecoder decoder = new PgRowDescriptionDecoder()
                .wrap(WireBuffer.of(new PgRowDescription(List.of(ID, NAME)).encode()));
        PgFieldDescriptionDecoder element = decoder.fields().next();
        CodecException e = assertThrows(CodecException.class, () -> element.wrap(WireBuffer.of(badName(ID.encode()))));
        assertEquals("postgresql FieldDescription.name: text is not valid utf8 at offset 0", e.getMessage());
    }

    @Test
    void theMessageStillRejectsBadTextAfterCursorsRan() {
        PgRowDescriptionDecoder decoder = new PgRowDescriptionDecoder();
        decoder.wrap(WireBuffer.of(new PgRowDescription(List.of(ID, NAME)).encode())).fields().next();
        byte[] bad = new PgRowDescription(List.of(ID, ID)).encode();
        bad[2 + ID.encode().length] = (byte) 0xC3; // fields[1].name = 0xC3 'd': a lead byte without its continuation
        CodecException e = assertThrows(CodecException.class, () -> decoder.wrap(WireBuffer.of(bad)));
        assertEquals("postgresql RowDescription.fields[1].name: text is not valid utf8 at offset 23", e.getMessage());
    }

    private static byte[] badName(byte[] field) {
        field[0] = (byte) 0xC3;
        return field;
    }
}
