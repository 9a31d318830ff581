package io.sqlxwire.runtime.frame;

import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.ByteOrder;

/**
 * The common framing "fixed header with a length field", usable without generated code.
 *
 * <p>Examples: PostgreSQL tagged messages are {@code of(5, 1, 4, BIG_ENDIAN, FROM_FIELD)}, its
 * untagged startup frames {@code of(4, 0, 4, BIG_ENDIAN, FROM_FIELD)}; MySQL packets
 * {@code of(4, 0, 3, LITTLE_ENDIAN, BODY)} with {@code continuesWhen(frameLengthIs(4 + 0xFFFFFF))};
 * TDS {@code of(8, 2, 2, BIG_ENDIAN, FRAME)} with {@code continuesWhen(headerBits(1, 0x01, 0))};
 * CQL v5 uncompressed frames {@code of(6, 0, 3, LITTLE_ENDIAN, BODY).withLengthBits(0, 0x1FFFF).withTrailer(4)}.
 *
 * <p>Immutable; the {@code with..} methods return modified copies.
 */
public final class LengthFieldFraming implements FrameHeaderReader {

    private final int headerLength;
    private final int fieldOffset;
    private final int fieldWidth;
    private final boolean bigEndian;
    private final LengthCounts counts;
    private final int shift;
    private final long mask;
    private final int trailerLength;
    private final FrameCondition continuation;

    private LengthFieldFraming(int headerLength, int fieldOffset, int fieldWidth, boolean bigEndian,
            LengthCounts counts, int shift, long mask, int trailerLength, FrameCondition continuation) {
        if (fieldWidth < 1 || fieldWidth > 4) {
            throw new IllegalArgumentException("length field width must be 1..4 bytes, not " + fieldWidth);
        }
        if (fieldOffset < 0 || fieldOffset + fieldWidth > headerLength) {
            throw new IllegalArgumentException("length field lies outside the " + headerLength + "-byte header");
        }
        if (shift < 0 || shift > 31 || mask <= 0 || trailerLength < 0) {
            throw new IllegalArgumentException("bad shift, mask or trailer");
        }
        this.headerLength = headerLength;
        this.fieldOffset = fieldOffset;
        this.fieldWidth = fieldWidth;
        this.bigEndian = bigEndian;
        this.counts = counts;
        this.shift = shift;
        this.mask = mask;
        this.trailerLength = trailerLength;
        this.continuation = continuation;
    }

    /**
     * A framing whose {@code headerLength}-byte header holds an unsigned length of
     * {@code fieldWidth} bytes (1 to 4) at {@code fieldOffset}, counting what {@code counts} says.
     */
    public static LengthFieldFraming of(int headerLength, int fieldOffset, int fieldWidth, ByteOrder order,
            LengthCounts counts) {
        return new LengthFieldFraming(headerLength, fieldOffset, fieldWidth, order == ByteOrder.BIG_ENDIAN,
                counts, 0, 0xFFFF_FFFFL, 0, FrameCondition.NEVER);
    }

    /** The length is {@code (field >>> shift) & mask}, for headers that pack flags next to it. */
    public LengthFieldFraming withLengthBits(int bitShift, long bitMask) {
        return new LengthFieldFraming(headerLength, fieldOffset, fieldWidth, bigEndian, counts, bitShift, bitMask,
                trailerLength, continuation);
    }

    /** A trailer (a checksum) of {@code bytes} follows the body and is not counted by a BODY length. */
    public LengthFieldFraming withTrailer(int bytes) {
        return new LengthFieldFraming(headerLength, fieldOffset, fieldWidth, bigEndian, counts, shift, mask,
                bytes, continuation);
    }

    /** When {@code condition} holds for a frame, its message continues in the next frame. */
    public LengthFieldFraming continuesWhen(FrameCondition condition) {
        return new LengthFieldFraming(headerLength, fieldOffset, fieldWidth, bigEndian, counts, shift, mask,
                trailerLength, condition);
    }

    @Override
    public int headerLength() {
        return headerLength;
    }

    @Override
    public long frameLength(WireBuffer available) {
        long value = (readField(available) >>> shift) & mask;
        long total;
        switch (counts) {
            case BODY:
                total = value + headerLength + trailerLength;
                break;
            case FROM_FIELD:
                total = value + fieldOffset;
                break;
            default:
                total = value;
        }
        if (total < headerLength + (long) trailerLength) {
            throw new CodecException("length " + value + " is shorter than the frame's "
                    + (headerLength + trailerLength) + "-byte header and trailer", available.origin() + fieldOffset);
        }
        return total;
    }

    private long readField(WireBuffer header) {
        switch (fieldWidth) {
            case 1:
                return header.u8(fieldOffset);
            case 2:
                return bigEndian ? header.u16be(fieldOffset) : header.u16le(fieldOffset);
            case 3:
                return bigEndian ? header.u24be(fieldOffset) : header.u24le(fieldOffset);
            default:
                return bigEndian ? header.u32be(fieldOffset) : header.u32le(fieldOffset);
        }
    }

    @Override
    public boolean continues(WireBuffer frame) {
        return continuation.test(frame);
    }
}
