package io.sqlxwire.runtime.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.runtime.codec.AsciiDecimal;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two ways to point a view: {@code wrap} copies the position, {@code wrapInPlace} reads the source in place. */
class ViewPointingTest {

    private static final byte[] FIRST = "hello world".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECOND = "HELLO WORLD".getBytes(StandardCharsets.US_ASCII);

    @Test
    void wrapCopiesThePositionSoMovingTheSourceLeavesTheViewWhereItWas() {
        WireBuffer source = WireBuffer.of(FIRST);
        ByteView bytes = new ByteView().wrap(source, 6, 5);
        TextView text = new TextView().wrap(source, 0, 5);
        source.wrap(SECOND, 0, SECOND.length);
        assertArrayEquals("world".getBytes(StandardCharsets.US_ASCII), bytes.toByteArray());
        assertEquals("hello", text.toString());
        assertEquals('w', bytes.u8(0));
        assertEquals('h', text.u8(0));
    }

    @Test
    void wrapInPlaceFollowsTheSourceAndReadsTheSameBytes() {
        WireBuffer source = WireBuffer.of(FIRST);
        ByteView bytes = new ByteView().wrapInPlace(source, 6, 5);
        TextView text = new TextView().wrapInPlace(source, 0, 5);
        assertSame(source, bytes.source());
        assertEquals(6, bytes.offset());
        assertTrue(text.contentEquals("hello"));
        source.wrap(SECOND, 0, SECOND.length);
        assertEquals("WORLD", new String(bytes.toByteArray(), StandardCharsets.US_ASCII));
        assertEquals("HELLO", text.toString());
    }

    @Test
    void aViewTakenFromAnotherViewsBufferKeepsItsBytesWhenThatViewMovesOn() {
        // The pattern of a row reader keeping one view per column from a decoder's reused view.
        WireBuffer row = WireBuffer.of(FIRST);
        ByteView reused = new ByteView();
        ByteView first = new ByteView().wrap(reused.wrapInPlace(row, 0, 5).buffer(), 0, 5);
        ByteView second = new ByteView().wrap(reused.wrapInPlace(row, 6, 5).buffer(), 0, 5);
        assertEquals("hello", new String(first.toByteArray(), StandardCharsets.US_ASCII));
        assertEquals("world", new String(second.toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void bufferIsTheViewsBytesFromOffsetZeroInBothModes() {
        WireBuffer source = WireBuffer.of(FIRST);
        ByteView view = new ByteView();
        for (int mode = 0; mode < 2; mode++) {
            if (mode == 0) {
                view.wrap(source, 6, 5);
            } else {
                view.wrapInPlace(source, 6, 5);
            }
            WireBuffer buffer = view.buffer();
            assertEquals(5, buffer.length());
            assertEquals('w', buffer.u8(0));
            assertEquals(6, buffer.origin(), "errors are reported in the source's coordinates");
        }
    }

    @Test
    void textOverAByteViewReadsItsBytes() {
        WireBuffer source = WireBuffer.of(FIRST);
        ByteView bytes = new ByteView().wrapInPlace(source, 6, 5);
        TextView text = new TextView().wrap(bytes);
        assertTrue(text.contentEquals("world"));
        assertEquals(5, text.byteLength());
        assertEquals(6, text.offset());
    }

    @Test
    void readsOutsideTheViewAreRefusedWithTheBuffersError() {
        WireBuffer source = WireBuffer.of(FIRST);
        ByteView bytes = new ByteView().wrapInPlace(source, 0, 5);
        TextView text = new TextView().wrapInPlace(source, 0, 5);
        // Byte 5 exists in the source but not in the views.
        CodecException e = assertThrows(CodecException.class, () -> bytes.u8(5));
        assertEquals(5, e.offset());
        assertThrows(CodecException.class, () -> text.u8(5));
        assertThrows(CodecException.class, () -> bytes.u8(-1));
        assertThrows(CodecException.class, () -> new ByteView().wrap(source, 8, 4), "wrap copies, so it checks");
        assertThrows(CodecException.class, () -> new TextView().wrap(source, -1, 2));
    }

    /** wrapInPlace leaves the range to the reads: every read of a view pointed outside its region fails. */
    @Test
    void aViewPointedInPlaceOutsideItsRegionFailsOnEveryRead() {
        WireBuffer source = WireBuffer.of(FIRST); // 11 bytes
        for (int[] range : new int[][] {{8, 4}, {-1, 2}, {0, 12}, {3, -1}}) {
            ByteView bytes = new ByteView().wrapInPlace(source, range[0], range[1]);
            TextView text = new TextView().wrapInPlace(source, range[0], range[1]);
            String what = range[0] + "+" + range[1];
            assertThrows(CodecException.class, bytes::buffer, what);
            assertThrows(CodecException.class, bytes::toByteArray, what);
            assertThrows(CodecException.class, () -> bytes.copyTo(new byte[64], 0), what);
            assertThrows(CodecException.class, () -> bytes.contentEquals(new byte[] {1}), what);
            assertThrows(CodecException.class, () -> AsciiDecimal.parse(bytes), what);
            assertThrows(CodecException.class, text::buffer, what);
            assertThrows(CodecException.class, text::toString, what);
            assertThrows(CodecException.class, () -> text.contentEquals("x"), what);
            assertThrows(CodecException.class, () -> new TextView(StandardCharsets.ISO_8859_1)
                    .wrapInPlace(source, range[0], range[1]).contentEquals("x"), what);
            assertThrows(CodecException.class, () -> new TextView().wrap(bytes).toString(), what);
            if (range[1] > 0) {
                // A single byte is refused where it lies outside the region (bytes inside it still read).
                int outside = range[0] < 0 ? 0 : range[1] - 1;
                assertThrows(CodecException.class, () -> bytes.u8(outside), what);
                assertThrows(CodecException.class, () -> text.u8(outside), what);
            }
        }
    }
}
