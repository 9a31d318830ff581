package io.sqlxwire.runtime.error;

/**
 * The one exception a codec raises for bad input or an impossible encoding.
 *
 * <p>The message names where the problem is, in the form
 * {@code postgresql RowDescription.fields[3].name: no NUL before end of frame at offset 57}.
 * The low-level reader that detects a problem knows only the detail and the byte offset; the
 * generated decoder that catches it on its way out adds the field path ({@link #inField},
 * {@link #inElement}) and finally the protocol and message ({@link #inMessage}). Nothing of this
 * is formatted until {@link #getMessage()} is called, so raising and enriching stays cheap.
 *
 * <p>Stack traces are captured by default because they help while developing a {@code .wire}
 * file; fuzzers and servers facing hostile input can turn them off with the system property
 * {@code sqlxwire.stackTraces=false}.
 */
public class CodecException extends RuntimeException {

    /** Offset value meaning "no byte position applies" (for example a state error). */
    public static final long NO_OFFSET = -1;

    private static final boolean STACK_TRACES =
            Boolean.parseBoolean(System.getProperty("sqlxwire.stackTraces", "true"));

    private final String detail;
    private final long offset;
    private String protocol;
    private String messageName;
    private String path = "";

    /**
     * @param detail what is wrong, in lower case without the position ("no NUL before end of frame")
     * @param offset byte offset of the item that failed, relative to the frame, or {@link #NO_OFFSET}
     */
    public CodecException(String detail, long offset) {
        super(null, null, false, STACK_TRACES);
        this.detail = detail;
        this.offset = offset;
    }

    /** A read or write of {@code needed} bytes at {@code offset} when only {@code available} remain. */
    public static CodecException truncated(long offset, long needed, long available) {
        return new CodecException(
                "needs " + needed + " byte" + (needed == 1 ? "" : "s") + " but only "
                        + Math.max(0, available) + " remain", offset);
    }

    /** Sets the protocol and message name unless an inner decoder already set them. */
    public CodecException inMessage(String protocolName, String message) {
        if (this.protocol == null) {
            this.protocol = protocolName;
        }
        if (this.messageName == null) {
            this.messageName = message;
        }
        return this;
    }

    /** Prepends a field name to the path: {@code name} becomes {@code field.name}. */
    public CodecException inField(String field) {
        if (path.isEmpty() || path.charAt(0) == '[') {
            path = field + path;
        } else {
            path = field + "." + path;
        }
        return this;
    }

    /** Prepends an element index to the path: {@code name} becomes {@code [3].name}. */
    public CodecException inElement(int index) {
        if (path.isEmpty() || path.charAt(0) == '[') {
            path = "[" + index + "]" + path;
        } else {
            path = "[" + index + "]." + path;
        }
        return this;
    }

    public String detail() {
        return detail;
    }

    /** Byte offset of the failing item within its frame, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    /** The protocol name, or {@code null} when no decoder has added it. */
    public String protocol() {
        return protocol;
    }

    /** The message name, or {@code null} when no decoder has added it. */
    public String messageName() {
        return messageName;
    }

    /** The field path inside the message, such as {@code fields[3].name}; empty when unknown. */
    public String fieldPath() {
        return path;
    }

    @Override
    public String getMessage() {
        StringBuilder text = new StringBuilder(96);
        if (protocol != null) {
            text.append(protocol);
        }
        String where = where();
        if (!where.isEmpty()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(where);
        }
        if (text.length() > 0) {
            text.append(": ");
        }
        text.append(detail);
        if (offset != NO_OFFSET) {
            text.append(" at offset ").append(offset);
        }
        return text.toString();
    }

    private String where() {
        if (messageName == null) {
            return path;
        }
        if (path.isEmpty()) {
            return messageName;
        }
        return path.charAt(0) == '[' ? messageName + path : messageName + "." + path;
    }
}
