package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.AsciiDecimal;
import io.sqlxwire.runtime.codec.Terminators;
import io.sqlxwire.runtime.error.CodecException;

/**
 * The steps of a generated frame scanner: the {@link FrameHeaderReader#frameLength} of a
 * self-delimiting framing (RESP), which walks the value that is the frame as far as the bytes go.
 *
 * <p>A scan position is a {@code long} that is either how far the scan has got or, once the bytes
 * ran out, {@link FrameHeaderReader#needAtLeast} the total the frame needs (a negative number).
 * Every step passes a negative position on unchanged, so a scan is a plain sequence of steps that
 * looks at the position only where it must read a value from the bytes. Errors are
 * {@link CodecException}s at the frame offset of the problem, without framing or protocol: the
 * generated {@code frameLength} adds them.
 */
public final class FrameScan {

    private FrameScan() {
    }

    /** {@code pos}, once {@code count} bytes from it have arrived. */
    public static long ensure(WireBuffer buf, long pos, int count) {
        if (pos < 0) {
            return pos;
        }
        return pos + count > buf.length() ? FrameHeaderReader.needAtLeast(pos + count) : pos;
    }

    /** Past {@code count} bytes from {@code pos} (a size the description fixes). */
    public static long skip(WireBuffer buf, long pos, int count) {
        if (pos < 0) {
            return pos;
        }
        return pos + count > buf.length() ? FrameHeaderReader.needAtLeast(pos + count) : pos + count;
    }

    /** Past {@code length} bytes from {@code pos}, a length read from the input (so possibly negative). */
    public static long skipLength(WireBuffer buf, long pos, long length) {
        if (pos < 0) {
            return pos;
        }
        if (length < 0) {
            throw new CodecException("negative size " + length, buf.origin() + pos);
        }
        return pos + length > buf.length() ? FrameHeaderReader.needAtLeast(pos + length) : pos + length;
    }

    /** Past the CRLF that ends the line at {@code pos}. */
    public static long pastCrlf(WireBuffer buf, long pos) {
        if (pos < 0) {
            return pos;
        }
        int cr = Terminators.findCrlf(buf, (int) pos, buf.length());
        return cr < 0 ? FrameHeaderReader.needAtLeast(buf.length() + 1L) : cr + 2;
    }

    /** Past the first {@code terminator} from {@code pos}. */
    public static long pastByte(WireBuffer buf, long pos, byte terminator) {
        if (pos < 0) {
            return pos;
        }
        int at = buf.indexOf(terminator, (int) pos, buf.length());
        return at < 0 ? FrameHeaderReader.needAtLeast(buf.length() + 1L) : at + 1;
    }

    /** Past the CRLF-ended decimal number at {@code pos} (RESP's {@code :42\r\n}), checked as far as it goes. */
    public static long pastNumberLine(WireBuffer buf, long pos) {
        if (pos < 0) {
            return pos;
        }
        int end = AsciiDecimal.lineEnd(buf, (int) pos, buf.length());
        return end < 0 ? FrameHeaderReader.needAtLeast(buf.length() + 1L) : end;
    }

    /** Whether the bytes at {@code pos}, which must have arrived ({@link #ensure}), are {@code bytes}. */
    public static boolean startsWith(WireBuffer buf, long pos, byte[] bytes) {
        return buf.contentEquals((int) pos, bytes.length, bytes, 0);
    }

    /**
     * The total a scan result stands for: the frame's length when complete, the bytes it needs at
     * least when not, so that one comparison refuses a frame over the maximum either way.
     */
    public static long total(long scanned) {
        return scanned < 0 ? -scanned : scanned;
    }
}
