package io.sqlxwire.benchmarks.table;

import java.io.InputStream;

/**
 * A socket's input for drivers measured without a socket: delivers {@code prefix} once (what the
 * driver reads while connecting), then {@code answer} over and over, one copy per query. Reads
 * copy out of the arrays as a socket read copies out of the kernel's buffer.
 */
public final class ReplayingInputStream extends InputStream {
    private final byte[] answer;
    private byte[] current;
    private int pos;

    public ReplayingInputStream(byte[] prefix, byte[] answer) {
        if (answer.length == 0) {
            throw new IllegalArgumentException("empty answer");
        }
        this.answer = answer;
        this.current = prefix.length > 0 ? prefix : answer;
    }

    @Override
    public int read() {
        int b = current[pos++] & 0xFF;
        advance();
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        advance();
        return n;
    }

    @Override
    public int available() {
        return current.length - pos;
    }

    /** Whether the next byte is the first of an answer (the previous query read exactly one). */
    public boolean atAnswerStart() {
        return current == answer && pos == 0;
    }

    private void advance() {
        if (pos == current.length) {
            current = answer;
            pos = 0;
        }
    }
}
