package io.sqlxwire.runtime.detect;

/**
 * Reads a TLS ClientHello just far enough to find its ALPN extension (RFC 7301), without allocating
 * and without trusting a single length: every length is checked against the record that holds it.
 *
 * <p>Only the first TLS record is read (at most 5 + 16384 bytes are ever needed). A ClientHello split
 * across records is still recognised as TLS, but its ALPN is reported only when it lies in the first
 * record. SSL 2.0-style hellos are not TLS here.
 *
 * <p>{@link #scan} answers with a packed {@code long}: a kind and a value, read with {@link #kind} and
 * {@link #value}, so that the scan has no result object to allocate.
 */
final class TlsClientHello {

    /** The bytes are not a TLS handshake record holding a ClientHello. */
    static final int NOT_TLS = 0;
    /** A ClientHello without an ALPN extension (or with it beyond the first record). */
    static final int NO_ALPN = 1;
    /** Too few bytes: the value is how many more are needed. */
    static final int NEED_MORE = 2;
    /** An ALPN extension: the value is the absolute index of its first name's length byte. */
    static final int ALPN = 3;

    static final int RECORD_HEADER = 5;
    static final int MAX_RECORD = 1 << 14;

    private static final int CONTENT_HANDSHAKE = 0x16;
    private static final int HANDSHAKE_CLIENT_HELLO = 1;
    private static final int EXTENSION_ALPN = 0x0010;

    private TlsClientHello() {}

    static int kind(long scan) {
        return (int) (scan >>> 32);
    }

    static int value(long scan) {
        return (int) scan;
    }

    private static long result(int kind, int value) {
        return ((long) kind << 32) | (value & 0xFFFFFFFFL);
    }

    /** True when the first byte(s) could start a TLS handshake record: worth waiting for. */
    static boolean looksLikeRecordStart(byte[] in, int from, int length) {
        return length > 0 && (in[from] & 0xFF) == CONTENT_HANDSHAKE;
    }

    /** The end (exclusive) of the ALPN name list whose first name is at {@code firstName}. */
    static int alpnListEnd(byte[] in, int firstName) {
        return firstName + u16(in, firstName - 2);
    }

    /** Scans {@code in[from, from + length)}; see the class comment for the answer. */
    static long scan(byte[] in, int from, int length) {
        // Record header: type 0x16, version 3.x (x <= 4), length 1..2^14, then the handshake type.
        if (length < 1) {
            return result(NEED_MORE, RECORD_HEADER);
        }
        if ((in[from] & 0xFF) != CONTENT_HANDSHAKE) {
            return result(NOT_TLS, 0);
        }
        if (length >= 2 && in[from + 1] != 3 || length >= 3 && (in[from + 2] & 0xFF) > 4) {
            return result(NOT_TLS, 0);
        }
        if (length >= 6 && in[from + 5] != HANDSHAKE_CLIENT_HELLO) {
            return result(NOT_TLS, 0);
        }
        if (length < RECORD_HEADER) {
            return result(NEED_MORE, RECORD_HEADER - length);
        }
        int recordLength = u16(in, from + 3);
        if (recordLength < 4 || recordLength > MAX_RECORD) {
            return result(NOT_TLS, 0);
        }
        int recordEnd = from + RECORD_HEADER + recordLength;
        if (length < RECORD_HEADER + recordLength) {
            return result(NEED_MORE, RECORD_HEADER + recordLength - length);
        }
        int p = from + RECORD_HEADER + 1;
        int bodyLength = u24(in, p);
        p += 3;
        boolean fragmented = bodyLength > recordEnd - p;
        int end = fragmented ? recordEnd : p + bodyLength;
        // Past `end`, a complete hello is malformed; a fragmented one just goes on in the next record.
        int cut = fragmented ? NO_ALPN : NOT_TLS;

        p += 2 + 32; // client_version, random
        if (p + 1 > end) {
            return result(cut, 0);
        }
        int sessionId = in[p] & 0xFF;
        if (sessionId > 32) {
            return result(NOT_TLS, 0);
        }
        p += 1 + sessionId;
        if (p + 2 > end) {
            return result(cut, 0);
        }
        int suites = u16(in, p);
        if (suites < 2 || (suites & 1) != 0) {
            return result(NOT_TLS, 0);
        }
        p += 2 + suites;
        if (p + 1 > end) {
            return result(cut, 0);
        }
        int compressions = in[p] & 0xFF;
        if (compressions < 1) {
            return result(NOT_TLS, 0);
        }
        p += 1 + compressions;
        if (p == end && !fragmented) {
            return result(NO_ALPN, 0); // a hello without extensions
        }
        if (p + 2 > end) {
            return result(cut, 0);
        }
        int extensionsEnd = p + 2 + u16(in, p);
        p += 2;
        if (!fragmented && extensionsEnd != end) {
            return result(NOT_TLS, 0);
        }
        int limit = Math.min(extensionsEnd, end);
        while (p + 4 <= limit) {
            int type = u16(in, p);
            int extensionLength = u16(in, p + 2);
            p += 4;
            if (p + extensionLength > limit) {
                return result(extensionsEnd > end ? cut : NOT_TLS, 0);
            }
            if (type == EXTENSION_ALPN) {
                return alpn(in, p, extensionLength);
            }
            p += extensionLength;
        }
        return result(p == extensionsEnd || fragmented ? NO_ALPN : NOT_TLS, 0);
    }

    /** Validates an ALPN extension body: a u16 list length, then names of 1..255 bytes filling it. */
    private static long alpn(byte[] in, int p, int extensionLength) {
        if (extensionLength < 2 + 2 || u16(in, p) != extensionLength - 2) {
            return result(NOT_TLS, 0);
        }
        int first = p + 2;
        int end = p + extensionLength;
        int q = first;
        while (q < end) {
            int nameLength = in[q] & 0xFF;
            if (nameLength == 0 || q + 1 + nameLength > end) {
                return result(NOT_TLS, 0);
            }
            q += 1 + nameLength;
        }
        return result(ALPN, first);
    }

    private static int u16(byte[] in, int p) {
        return (in[p] & 0xFF) << 8 | in[p + 1] & 0xFF;
    }

    private static int u24(byte[] in, int p) {
        return (in[p] & 0xFF) << 16 | (in[p + 1] & 0xFF) << 8 | in[p + 2] & 0xFF;
    }
}
