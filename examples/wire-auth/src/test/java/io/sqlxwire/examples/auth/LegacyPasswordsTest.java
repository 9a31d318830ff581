package io.sqlxwire.examples.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed independently with Python's hashlib (not with this code), except
 * the MySQL stored hash of "password", which is the well-known PASSWORD('password') value.
 */
class LegacyPasswordsTest {
    private static final byte[] SEED = new byte[20];

    static {
        for (int i = 0; i < 20; i++) {
            SEED[i] = (byte) (i + 1);
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void postgresMd5() {
        byte[] salt = {1, 2, 3, 4};
        assertEquals("md598a0412b9c31436fc53776e863350083", PostgresMd5Password.response("alice", "secret", salt));
        String stored = PostgresMd5Password.stored("alice", "secret");
        assertTrue(PostgresMd5Password.verify(stored, salt, "md598a0412b9c31436fc53776e863350083"));
        assertFalse(PostgresMd5Password.verify(stored, salt, PostgresMd5Password.response("alice", "secreT", salt)));
        assertFalse(PostgresMd5Password.verify(stored, new byte[] {1, 2, 3, 5}, "md598a0412b9c31436fc53776e863350083"));
        assertThrows(IllegalArgumentException.class, () -> PostgresMd5Password.response("alice", "secret", new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> PostgresMd5Password.responseFromStored("plain", salt));
    }

    @Test
    void mysqlNativePassword() {
        assertArrayEquals(hex("2470c0c06dee42fd1618bb99005adca2ec9d1e19"), MysqlNativePassword.storedHash("password"));
        byte[] scramble = MysqlNativePassword.scramble("secret", SEED);
        assertArrayEquals(hex("b32bb3a583e1340c0a1108d58b1be49781ad8c2f"), scramble);
        byte[] stored = MysqlNativePassword.storedHash("secret");
        assertTrue(MysqlNativePassword.verify(stored, SEED, scramble));
        assertFalse(MysqlNativePassword.verify(stored, SEED, MysqlNativePassword.scramble("Secret", SEED)));
        assertFalse(MysqlNativePassword.verify(stored, new byte[20], scramble));
        assertFalse(MysqlNativePassword.verify(stored, SEED, new byte[5]));
        assertEquals(0, MysqlNativePassword.scramble("", SEED).length);
    }

    @Test
    void cachingSha2FastAuth() {
        byte[] scramble = CachingSha2Password.scramble("secret", SEED);
        assertArrayEquals(hex("746ebe205d56a0707acb3e796e834e0dd7b1d61743b26bd5202c7a623230c7c9"), scramble);
        byte[] cached = CachingSha2Password.cachedHash("secret");
        assertTrue(CachingSha2Password.verify(cached, SEED, scramble));
        assertFalse(CachingSha2Password.verify(cached, SEED, CachingSha2Password.scramble("secreT", SEED)));
        assertFalse(CachingSha2Password.verify(cached, SEED, new byte[31]));
        assertEquals(0, CachingSha2Password.scramble("", SEED).length);
    }
}
