package io.sqlxwire.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.runtime.buffer.WireBuffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    private static WireBuffer direct(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        buffer.put(bytes).flip();
        return WireBuffer.of(buffer);
    }

    private static WireBuffer bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return WireBuffer.of(result);
    }

    @Test
    void standardCheckValues() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        Checksums sums = new Checksums();
        for (WireBuffer buffer : new WireBuffer[] {WireBuffer.of(check), direct(check)}) {
            assertEquals(0xCBF43926L, sums.crc32(buffer, 0, 9));
            assertEquals(0xE3069283L, sums.crc32c(buffer, 0, 9));
        }
    }

    /**
     * Vectors that the Apache Cassandra Go driver's tests (crc_test.go) took from Cassandra's own
     * Java implementation; parameters from native_protocol_v5.spec section 2.1.
     */
    @Test
    void cqlV5HeaderCrc24() {
        assertEquals(8251255, Checksums.cqlCrc24(bytes(0, 0, 0), 0, 3));
        assertEquals(11185162, Checksums.cqlCrc24(bytes(0, 0, 0, 0, 0), 0, 5));
        assertEquals(5891942, Checksums.cqlCrc24(bytes(64, 0xE2, 1), 0, 3));
        assertEquals(8775784, Checksums.cqlCrc24(bytes(64, 0xE2, 1, 0, 0), 0, 5));
        assertEquals(5891942, Checksums.cqlCrc24(bytes(9, 64, 0xE2, 1, 9), 1, 3), "at an offset");
    }

    /** Same source: CRC32 of a v5 payload, seeded with Cassandra's four extra bytes. */
    @Test
    void cqlV5PayloadCrc32() {
        Checksums sums = new Checksums();
        assertEquals(1148681939L, sums.cqlCrc32(bytes(), 0, 0));
        assertEquals(1178391023L, sums.cqlCrc32(bytes(0, 0, 0, 0, 0), 0, 5));
        assertEquals(3536190002L, sums.cqlCrc32(bytes(1, 2, 3, 4, 5, 6), 0, 6));
    }

    @Property
    void directBuffersLargerThanTheScratchGiveTheSameCrc(@ForAll byte[] data) {
        byte[] big = new byte[data.length * 7 + 300];
        for (int i = 0; i < big.length; i++) {
            big[i] = data.length == 0 ? (byte) i : data[i % data.length];
        }
        CRC32 jdk = new CRC32();
        jdk.update(big, 1, big.length - 1);
        Checksums sums = new Checksums();
        assertEquals(jdk.getValue(), sums.crc32(direct(big), 1, big.length - 1));
        assertEquals(sums.crc32c(WireBuffer.of(big), 0, big.length), sums.crc32c(direct(big), 0, big.length));
    }
}
