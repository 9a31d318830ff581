package io.sqlxwire.codegen.interp;

/**
 * One line of decoder output: a message with its fields, or a byte range that could not be
 * decoded (then {@code error} is set, and {@code message} when it is known which one failed).
 *
 * @param direction the label of the direction ({@code C}/{@code S}, or the model's direction name)
 * @param offset    where the frame starts in that direction's stream
 */
public record DecodedMessage(String direction, long offset, String message, Value.Obj fields, String error) {

    public boolean isError() {
        return error != null;
    }

    /** {@code {"dir":"C","offset":0,"message":"StartupMessage","fields":{...}}}, or the error form. */
    public String toJson() {
        StringBuilder out = new StringBuilder();
        out.append("{\"dir\":");
        Json.string(direction, out);
        out.append(",\"offset\":").append(offset);
        if (message != null) {
            out.append(",\"message\":");
            Json.string(message, out);
        }
        if (error != null) {
            out.append(",\"error\":");
            Json.string(error, out);
        } else {
            out.append(",\"fields\":");
            Json.write(fields, out);
        }
        return out.append('}').toString();
    }
}
