package io.sqlxwire.runtime.codec;

import io.sqlxwire.runtime.buffer.WireBuffer;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The checksums wire protocols carry: CRC32 (CQL v5 frame trailers, with a twist), CRC32C (MongoDB
 * OP_MSG) and the CRC24 that guards CQL v5 frame headers.
 *
 * <p>One instance per decoder or encoder: it reuses its JDK checksum objects and a small scratch
 * array, so computing a checksum allocates nothing. Not thread-safe.
 */
public final class Checksums {

    /** CQL v5 CRC24 initial value (native protocol v5, section 2.1). */
    public static final int CQL_CRC24_INIT = 0x875060;
    /** CQL v5 CRC24 polynomial, with its x^24 bit (native protocol v5, section 2.1). */
    public static final int CQL_CRC24_POLY = 0x1974F0B;

    /**
     * Cassandra feeds these four bytes to CRC32 before every v5 payload; the spec does not say so,
     * but every implementation that talks to Cassandra does it.
     */
    private static final byte[] CQL_CRC32_PREFIX = {(byte) 0xFA, (byte) 0x2D, (byte) 0x55, (byte) 0xCA};

    private final CRC32 crc32 = new CRC32();
    private final CRC32C crc32c = new CRC32C();
    private final byte[] scratch = new byte[256];

    /** Standard CRC-32 (IEEE 802.3, as in zip) of {@code length} bytes at {@code offset}. */
    public long crc32(WireBuffer buffer, int offset, int length) {
        crc32.reset();
        buffer.updateChecksum(crc32, offset, length, scratch);
        return crc32.getValue();
    }

    /** CRC-32C (Castagnoli) of {@code length} bytes at {@code offset}. */
    public long crc32c(WireBuffer buffer, int offset, int length) {
        crc32c.reset();
        buffer.updateChecksum(crc32c, offset, length, scratch);
        return crc32c.getValue();
    }

    /** The CRC32 of a CQL v5 frame trailer: CRC-32 over Cassandra's 4-byte prefix, then the payload. */
    public long cqlCrc32(WireBuffer buffer, int offset, int length) {
        crc32.reset();
        crc32.update(CQL_CRC32_PREFIX, 0, CQL_CRC32_PREFIX.length);
        buffer.updateChecksum(crc32, offset, length, scratch);
        return crc32.getValue();
    }

    /**
     * The CRC24 of a CQL v5 frame header: not reflected, most significant bit first, no final
     * XOR, over the header bytes in wire order (the little-endian header integer).
     */
    public static int cqlCrc24(WireBuffer buffer, int offset, int length) {
        buffer.checkRange(offset, length);
        int crc = CQL_CRC24_INIT;
        for (int i = 0; i < length; i++) {
            crc ^= buffer.u8(offset + i) << 16;
            for (int bit = 0; bit < 8; bit++) {
                crc <<= 1;
                if ((crc & 0x100_0000) != 0) {
                    crc ^= CQL_CRC24_POLY;
                }
            }
        }
        return crc & 0xFF_FFFF;
    }
}
