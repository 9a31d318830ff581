package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates zlib streams (RFC 1950, as {@link Inflater} reads them) into one reusable array, for
 * bodies of compressed framings (the built-in transform {@code zlib}).
 *
 * <p>Untrusted input: the output never grows past {@code maxPlainBytes} nor past the size the
 * header announced, whatever the compressed bytes say (a "zip bomb" stops at the limit), and every
 * failure is a {@link CodecException} at the offset of the compressed bytes where it was noticed.
 * The returned view stays valid until the next {@code inflate}. Not thread-safe.
 */
public final class ZlibInflater {

    private static final byte[] EMPTY = new byte[0];

    private final Inflater inflater = new Inflater();
    private final int maxPlainBytes;
    private final WireBuffer view = new WireBuffer();
    private byte[] input = EMPTY;
    private byte[] output = EMPTY;
    private final byte[] probe = new byte[1];

    /** An inflater whose output never exceeds {@code maxPlainBytes} bytes. */
    public ZlibInflater(int maxPlainBytes) {
        if (maxPlainBytes <= 0) {
            throw new IllegalArgumentException("maxPlainBytes must be positive, was " + maxPlainBytes);
        }
        this.maxPlainBytes = maxPlainBytes;
    }

    /**
     * Inflates the one zlib stream in {@code length} bytes of {@code source} at {@code offset}.
     *
     * @param expectedLength the size the stream must inflate to, or -1 when unknown (then up to
     *                       the limit)
     * @param errorOrigin    the offset reported for the first compressed byte in errors (for
     *                       instance its offset in the whole stream)
     * @return a view of the plain bytes
     * @throws CodecException when the data is no valid zlib stream, inflates to another size than
     *                        expected or above the limit, or has bytes after its end
     */
    public WireBuffer inflate(WireBuffer source, int offset, int length, long expectedLength, long errorOrigin) {
        source.checkRange(offset, length);
        if (expectedLength > maxPlainBytes) {
            throw new CodecException("zlib body announced to inflate to " + expectedLength
                    + " bytes, above the limit of " + maxPlainBytes, errorOrigin);
        }
        if (input.length < length) {
            input = new byte[length];
        }
        source.getBytes(offset, input, 0, length);
        inflater.reset();
        inflater.setInput(input, 0, length);
        int cap = expectedLength >= 0 ? (int) expectedLength : maxPlainBytes;
        int produced = 0;
        try {
            while (!inflater.finished()) {
                if (produced == output.length) {
                    if (produced >= cap) {
                        // Room for exactly the announced size is full: one more byte means a lie.
                        if (probeForMore()) {
                            throw new CodecException(expectedLength >= 0
                                    ? "zlib body inflates to more than the " + expectedLength + " bytes announced"
                                    : "zlib body inflates to more than the limit of " + maxPlainBytes + " bytes",
                                    errorOrigin + inflater.getTotalIn());
                        }
                        break;
                    }
                    output = java.util.Arrays.copyOf(output, (int) Math.min(cap, Math.max(256L, 2L * output.length)));
                }
                int n = inflater.inflate(output, produced, output.length - produced);
                produced += n;
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CodecException(inflater.needsDictionary()
                            ? "zlib body needs a preset dictionary" : "zlib body ends before its stream does",
                            errorOrigin + length);
                }
            }
            if (!inflater.finished()) {
                throw new CodecException("zlib body ends before its stream does", errorOrigin + length);
            }
        } catch (DataFormatException e) {
            throw new CodecException("bad zlib data: " + e.getMessage(), errorOrigin + inflater.getTotalIn());
        }
        if (inflater.getRemaining() > 0) {
            throw new CodecException(inflater.getRemaining() + " bytes after the end of the zlib stream",
                    errorOrigin + (length - inflater.getRemaining()));
        }
        if (expectedLength >= 0 && produced != expectedLength) {
            throw new CodecException("zlib body inflates to " + produced + " bytes, not the " + expectedLength
                    + " announced", errorOrigin);
        }
        return view.wrap(output, 0, produced);
    }

    /** Whether the stream yields another byte once the output is full (the byte itself is dropped). */
    private boolean probeForMore() throws DataFormatException {
        if (inflater.finished()) {
            return false;
        }
        return inflater.inflate(probe) > 0;
    }

    /** Size of the output array (for tests and monitoring). */
    public int capacity() {
        return output.length;
    }

    /** Frees the native inflater; the object must not be used afterwards. */
    public void close() {
        inflater.end();
    }
}
