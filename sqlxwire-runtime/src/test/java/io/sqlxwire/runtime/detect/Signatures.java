package io.sqlxwire.runtime.detect;

import java.util.HexFormat;
import java.util.List;

/** A small protocol set for the tests, written as a .wire file would declare it. */
final class Signatures {

    static final Signature PG_STARTUP = Signature.client("postgresql", "startup", 8,
            ByteMatch.hex(0, "0000", "ffff"), ByteMatch.hex(4, "0003", "ffff"));
    static final Signature PG_SSL = Signature.client("postgresql", "ssl_request", 8,
            ByteMatch.hex(0, "0000000804d2162f", "ffffffffffffffff"));
    static final Signature PG_TLS = Signature.alpn("postgresql", "direct_tls", "postgresql");
    static final Signature MYSQL = Signature.server("mysql", "handshake", 5, ByteMatch.hex(3, "000a", "ffff"));
    static final Signature REDIS_INLINE = Signature.client("redis", "inline", 4,
            ByteMatch.hex(0, "404040", "c0c0c0"));
    static final Signature HTTP_GET = Signature.client("http", "get", 5, ByteMatch.of(0, bytes("GET /")));
    static final Signature CQL = Signature.client("cql", "request", 9,
            ByteMatch.hex(0, "04", "fe"), ByteMatch.hex(4, "01", "fb"));

    static final List<Signature> ALL = List.of(PG_STARTUP, PG_SSL, PG_TLS, MYSQL, REDIS_INLINE, HTTP_GET, CQL);

    private Signatures() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
