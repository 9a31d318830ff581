package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.util.zip.Deflater;

/**
 * Compresses what an encoder has just written into a zlib stream (RFC 1950), in place in the
 * {@link WireWriter}: the encoder side of the built-in transform {@code zlib}. Scratch arrays are
 * reused between calls. Not thread-safe.
 */
public final class ZlibDeflater {

    private static final byte[] EMPTY = new byte[0];

    private final Deflater deflater;
    private final WireBuffer view = new WireBuffer();
    private byte[] plain = EMPTY;
    private byte[] packed = EMPTY;

    /** A deflater at the default compression level. */
    public ZlibDeflater() {
        this(Deflater.DEFAULT_COMPRESSION);
    }

    /** A deflater at {@code level} (0..9, or -1 for the default). */
    public ZlibDeflater(int level) {
        this.deflater = new Deflater(level);
    }

    /**
     * Replaces the bytes of {@code out} from {@code start} to its position by their zlib stream,
     * if that is shorter; otherwise leaves them as they are.
     *
     * @return true when the bytes were compressed
     */
    public boolean compressInPlace(WireWriter out, int start) {
        return compressInPlace(out, start, false);
    }

    /**
     * Replaces the bytes of {@code out} from {@code start} to its position by their zlib stream;
     * unless {@code evenIfLonger}, only when that is shorter.
     *
     * @return true when the bytes were compressed
     */
    public boolean compressInPlace(WireWriter out, int start, boolean evenIfLonger) {
        int length = out.position() - start;
        if (length < 0) {
            throw new IllegalArgumentException("start " + start + " after the position " + out.position());
        }
        if (plain.length < length) {
            plain = new byte[length];
        }
        out.written(view).getBytes(start, plain, 0, length);
        // A stream no shorter than its input is useless; stop deflating as soon as that is certain.
        int room = evenIfLonger ? length + length / 1000 + 64 : length;
        if (packed.length < room) {
            packed = new byte[room];
        }
        deflater.reset();
        deflater.setInput(plain, 0, length);
        deflater.finish();
        int size = 0;
        while (!deflater.finished() && size < room) {
            size += deflater.deflate(packed, size, room - size);
        }
        if (!deflater.finished() || (!evenIfLonger && size >= length)) {
            if (evenIfLonger) {
                throw new IllegalStateException("deflate needed more than " + room + " bytes for " + length);
            }
            return false;
        }
        out.truncate(start);
        out.putBytes(packed, 0, size);
        return true;
    }

    /** Compresses {@code length} bytes of {@code data} into a new array (for tests and cold paths). */
    public static byte[] compress(byte[] data, int offset, int length) {
        Deflater d = new Deflater();
        try {
            d.setInput(data, offset, length);
            d.finish();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(length / 2 + 16);
            byte[] chunk = new byte[8192];
            while (!d.finished()) {
                int n = d.deflate(chunk);
                bytes.write(chunk, 0, n);
            }
            return bytes.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Frees the native deflater; the object must not be used afterwards. */
    public void close() {
        deflater.end();
    }
}
