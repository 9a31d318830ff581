package io.sqlxwire.codegen.interp;

/**
 * The last line of decoder output: the state the conversation stopped in and whether the machine
 * declares it {@code final}. A conversation whose input ended in a non-final state was cut short
 * or is still open.
 *
 * @param state the current state, or {@code null} when the protocol has no machine
 */
public record ConversationEnd(String state, boolean isFinal) {

    /** {@code {"end":true,"state":"Closed","final":true}}, or {@code {"end":true}} without a machine. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"end\":true");
        if (state != null) {
            out.append(",\"state\":");
            Json.string(state, out);
            out.append(",\"final\":").append(isFinal);
        }
        return out.append('}').toString();
    }
}
