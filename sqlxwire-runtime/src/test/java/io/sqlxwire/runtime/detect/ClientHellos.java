package io.sqlxwire.runtime.detect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds TLS ClientHello records byte by byte (RFC 8446 section 4.1.2, RFC 7301) for the tests. */
final class ClientHellos {

    private ClientHellos() {}

    /** A TLS 1.3-style ClientHello offering {@code alpn} (no ALPN extension when empty). */
    static byte[] withAlpn(String... alpn) {
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        // server_name "db.example" first, so ALPN is not the first extension.
        byte[] host = "db.example".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream sni = new ByteArrayOutputStream();
        u16(sni, host.length + 3);
        sni.write(0);
        u16(sni, host.length);
        sni.writeBytes(host);
        extension(extensions, 0x0000, sni.toByteArray());
        extension(extensions, 0x002b, new byte[] {2, 3, 4}); // supported_versions: TLS 1.3
        if (alpn.length > 0) {
            ByteArrayOutputStream list = new ByteArrayOutputStream();
            for (String name : alpn) {
                byte[] b = name.getBytes(StandardCharsets.US_ASCII);
                list.write(b.length);
                list.writeBytes(b);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            u16(body, list.size());
            body.writeBytes(list.toByteArray());
            extension(extensions, 0x0010, body.toByteArray());
        }
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        u16(hello, 0x0303);
        hello.writeBytes(new byte[32]);                 // random
        hello.write(32);
        hello.writeBytes(new byte[32]);                 // legacy session id
        u16(hello, 4);
        hello.writeBytes(new byte[] {0x13, 0x01, 0x13, 0x02}); // cipher suites
        hello.write(1);
        hello.write(0);                                 // null compression
        u16(hello, extensions.size());
        hello.writeBytes(extensions.toByteArray());
        return record(hello.toByteArray());
    }

    static byte[] record(byte[] helloBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x16);
        u16(out, 0x0301);
        u16(out, helloBody.length + 4);
        out.write(1);
        out.write(helloBody.length >>> 16);
        u16(out, helloBody.length & 0xFFFF);
        out.writeBytes(helloBody);
        return out.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] body) {
        u16(out, type);
        u16(out, body.length);
        out.writeBytes(body);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }
}
