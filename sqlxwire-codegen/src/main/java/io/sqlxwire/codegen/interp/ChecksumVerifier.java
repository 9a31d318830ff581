package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.codec.Checksums;
import io.sqlxwire.runtime.error.CodecException;
import java.math.BigInteger;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** Recomputes a checksum field's value over the bytes it guards and compares. */
final class ChecksumVerifier {

    private static final byte[] CQL_PREFIX = {(byte) 0xFA, (byte) 0x2D, (byte) 0x55, (byte) 0xCA};

    private final Checksums checksums = new Checksums();
    private final byte[] scratch = new byte[256];

    /**
     * @param fieldStart where the checksum field starts in {@code region}'s buffer: the guarded
     *                   bytes end there
     */
    void verify(FieldValue.Checksum checksum, Value found, Region region, int fieldStart, Scope scope) {
        WireBuffer buffer = region.buffer();
        int from;
        if (checksum.fromFrame()) {
            // The body buffer is a slice of the frame: its origin is where it starts in the frame.
            WireBuffer frame = scope.frame();
            if (frame != null && frame != buffer) {
                buffer = frame;
                fieldStart = (int) (region.buffer().origin() - frame.origin()) + fieldStart;
            }
            from = 0;
        } else if (checksum.fromField() != null) {
            int[] span = scope.span(checksum.fromField());
            from = span == null ? scope.structStart() : span[0];
        } else {
            from = scope.structStart();
        }
        long computed = compute(checksum, buffer, from, fieldStart - from);
        BigInteger actual = ExprEvaluator.integer(found);
        if (!actual.equals(BigInteger.valueOf(computed))) {
            throw new CodecException(String.format("%s checksum mismatch: computed 0x%x, found 0x%x",
                    checksum.kind().name().toLowerCase(java.util.Locale.ROOT), computed, actual),
                    region.offsetOf(fieldStart));
        }
    }

    private long compute(FieldValue.Checksum checksum, WireBuffer buffer, int from, int length) {
        byte[] seed = checksum.seed() == null ? new byte[0] : checksum.seed().toArray();
        switch (checksum.kind()) {
            case CRC24:
                if (seed.length > 0) {
                    throw new CodecException("a seeded crc24 is not supported", buffer.origin() + from);
                }
                return Checksums.cqlCrc24(buffer, from, length);
            case CRC32:
                if (seed.length == 0) {
                    return checksums.crc32(buffer, from, length);
                }
                if (java.util.Arrays.equals(seed, CQL_PREFIX)) {
                    return checksums.cqlCrc32(buffer, from, length);
                }
                return seeded(new CRC32(), seed, buffer, from, length);
            default:
                if (seed.length == 0) {
                    return checksums.crc32c(buffer, from, length);
                }
                return seeded(new CRC32C(), seed, buffer, from, length);
        }
    }

    private long seeded(Checksum sum, byte[] seed, WireBuffer buffer, int from, int length) {
        sum.update(seed, 0, seed.length);
        buffer.updateChecksum(sum, from, length, scratch);
        return sum.getValue();
    }
}
