package io.sqlxwire.benchmarks.postgresql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Real PostgreSQL backend bytes for the benchmarks, loaded from a hex resource whose header names
 * the capture they were copied from. Nothing here is re-encoded: a benchmark over bytes we wrote
 * ourselves would only measure our own encoder's idea of the protocol.
 */
public final class PgCapture {

    /** PostgreSQL 15.18 answering {@code select * from t where id <= 20}: T, 20 x D, C, Z. */
    public static final String SELECT_20_ROWS = "select-t-20-rows.hex";

    private static final int TAGGED_HEADER = 5;

    private PgCapture() {
    }

    /** The bytes of {@code resource} (a file next to this class): hex, {@code #} lines ignored. */
    public static byte[] load(String resource) {
        try (InputStream in = PgCapture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " next to " + PgCapture.class.getName());
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    hex.append(trimmed);
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole first tagged frame (header included) with tag {@code tag} in {@code stream}.
     * Walks the frames by their length fields; for picking benchmark inputs, not a decoder.
     */
    public static byte[] firstFrame(byte[] stream, char tag) {
        int pos = 0;
        while (pos + TAGGED_HEADER <= stream.length) {
            int length = ((stream[pos + 1] & 0xFF) << 24) | ((stream[pos + 2] & 0xFF) << 16)
                    | ((stream[pos + 3] & 0xFF) << 8) | (stream[pos + 4] & 0xFF);
            int frameLength = 1 + length;
            if (stream[pos] == tag) {
                byte[] frame = new byte[frameLength];
                System.arraycopy(stream, pos, frame, 0, frameLength);
                return frame;
            }
            pos += frameLength;
        }
        throw new IllegalArgumentException("no '" + tag + "' frame in the stream");
    }
}
