package io.sqlxwire.runtime.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodecExceptionTest {

    @Test
    void messageNamesProtocolMessagePathAndOffset() {
        CodecException e = new CodecException("no NUL before end of frame", 57)
                .inField("name").inElement(3).inField("fields").inMessage("postgresql", "RowDescription");
        assertEquals("postgresql RowDescription.fields[3].name: no NUL before end of frame at offset 57",
                e.getMessage());
        assertEquals("fields[3].name", e.fieldPath());
        assertEquals(57, e.offset());
    }

    @Test
    void innermostMessageContextWins() {
        CodecException e = new CodecException("bad", 1)
                .inMessage("mysql", "ColumnDefinition").inMessage("mysql", "ResultSet");
        assertEquals("mysql ColumnDefinition: bad at offset 1", e.getMessage());
    }

    @Test
    void nestedElementsAndBareDetail() {
        assertEquals("bad at offset 0", new CodecException("bad", 0).getMessage());
        assertEquals("[1][2]: bad", new CodecException("bad", CodecException.NO_OFFSET)
                .inElement(2).inElement(1).getMessage());
        assertEquals("p M[0]: bad", new CodecException("bad", CodecException.NO_OFFSET)
                .inElement(0).inMessage("p", "M").getMessage());
    }

    @Test
    void truncationDetail() {
        assertEquals("needs 4 bytes but only 1 remain at offset 9", CodecException.truncated(9, 4, 1).getMessage());
        assertEquals("needs 1 byte but only 0 remain at offset 9", CodecException.truncated(9, 1, 0).getMessage());
    }
}
