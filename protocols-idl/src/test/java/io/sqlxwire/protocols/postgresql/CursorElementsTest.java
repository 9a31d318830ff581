package io.sqlxwire.protocols.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.buffer.WireBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cursors hand out elements two fast ways: the first 256 elements of a flat struct keep a decoder
 * each (RowDescription fields), and byte-like elements are recorded by position for up to 4,096 of
 * them (DataRow columns); past those limits they fall back to reading the elements again. Both
 * sides of each limit must give the same elements, by {@code next()} and by {@code get(i)}.
 */
class CursorElementsTest {

    @Test
    void fieldsPastTheKeptDecodersAreReadAgainWithTheSameValues() {
        List<PgFieldDescription> fields = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fields.add(new PgFieldDescription("c" + i, 16384, i + 1, 23, 4, -1, PgFormatCode.TEXT));
        }
        PgRowDescriptionDecoder decoder = new PgRowDescriptionDecoder()
                .wrap(WireBuffer.of(new PgRowDescription(fields).encode()));
        PgRowDescriptionDecoder.FieldsCursor cursor = decoder.fields();
        for (int i = 0; cursor.hasNext(); i++) {
            PgFieldDescriptionDecoder field = cursor.next();
            assertEquals("c" + i, field.nameAsString());
            assertEquals(i + 1, field.columnAttribute());
        }
        for (int i : new int[] {299, 0, 255, 256, 257, 3, 298}) {
            assertEquals("c" + i, cursor.get(i).nameAsString(), "get(" + i + ")");
        }
        assertSame(cursor.get(10), cursor.get(10), "a kept element's own decoder");
        assertNotSame(cursor.get(10), cursor.get(11));
        assertSame(cursor.get(280), cursor.get(290), "past the kept ones: one shared decoder, re-pointed");
        assertEquals("c290", cursor.get(280 + 10).nameAsString());
    }

    @Test
    void keptDecodersAreWrappedAgainForTheNextMessage() {
        PgRowDescriptionDecoder decoder = new PgRowDescriptionDecoder();
        PgFieldDescription a = new PgFieldDescription("a", 0, 0, 25, -1, -1, PgFormatCode.TEXT);
        PgFieldDescription b = new PgFieldDescription("bb", 0, 0, 23, 4, -1, PgFormatCode.BINARY);
        PgFieldDescriptionDecoder first = decoder.wrap(WireBuffer.of(new PgRowDescription(List.of(a, b)).encode()))
                .fields().next();
        assertEquals("a", first.nameAsString());
        decoder.wrap(WireBuffer.of(new PgRowDescription(List.of(b)).encode()));
        assertEquals("bb", first.nameAsString());
        assertEquals(1, decoder.fields().count());
    }

    @Test
    void columnsPastTheRecordedOnesAreReadAgainWithTheSameValues() {
        int columns = 5000;
        PgDataRowDecoder decoder = new PgDataRowDecoder().wrap(WireBuffer.of(dataRow(columns)));
        PgDataRowDecoder.ColumnsCursor cursor = decoder.columns();
        assertEquals(columns, cursor.count());
        for (int i = 0; cursor.hasNext(); i++) {
            cursor.next();
            assertColumn(cursor, i);
        }
        for (int i : new int[] {4999, 0, 4095, 4096, 4097, 7, 4998}) {
            assertColumn(cursor.get(i), i);
        }
    }

    @Test
    void recordedColumnsGiveValuesNullsAndDirectAccess() {
        PgDataRowDecoder decoder = new PgDataRowDecoder().wrap(WireBuffer.of(dataRow(9)));
        PgDataRowDecoder.ColumnsCursor cursor = decoder.columns();
        for (int i = 8; i >= 0; i--) {
            assertColumn(cursor.get(i), i);
        }
        cursor.reset();
        for (int i = 0; i < 9; i++) {
            assertColumn(cursor.next(), i);
        }
        assertFalse(cursor.hasNext());
        // A shorter row after a longer one: the records of the first do not leak into the second.
        decoder.wrap(WireBuffer.of(dataRow(2)));
        assertEquals(2, decoder.columns().count());
        assertColumn(decoder.columns().get(1), 1);
    }

    /** Column i is NULL when i % 3 == 2, else the text "v<i>". */
    private static void assertColumn(PgDataRowDecoder.ColumnsCursor cursor, int i) {
        if (i % 3 == 2) {
            assertTrue(cursor.isValueNull(), "column " + i + " is NULL");
            assertEquals(0, cursor.length());
        } else {
            assertFalse(cursor.isValueNull(), "column " + i);
            assertEquals("v" + i, new String(cursor.value().toByteArray(), StandardCharsets.US_ASCII));
        }
    }

    private static byte[] dataRow(int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(columns >>> 8);
        out.write(columns);
        for (int i = 0; i < columns; i++) {
            if (i % 3 == 2) {
                out.writeBytes(new byte[] {-1, -1, -1, -1});
                continue;
            }
            byte[] value = ("v" + i).getBytes(StandardCharsets.US_ASCII);
            out.writeBytes(new byte[] {0, 0, (byte) (value.length >>> 8), (byte) value.length});
            out.writeBytes(value);
        }
        return out.toByteArray();
    }
}
