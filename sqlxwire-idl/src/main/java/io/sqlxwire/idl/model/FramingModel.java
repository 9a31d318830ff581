package io.sqlxwire.idl.model;

/**
 * How a byte stream is cut into frames.
 *
 * @param header       the header fields (empty for delimited framings)
 * @param tagField     the header field that selects the message, or {@code null}
 * @param bodySize     the body size from header fields, or {@code null} for delimited framings
 * @param delimitedBy  the type whose end is the frame's end, or {@code null}
 * @param maxBody      the largest body accepted, in bytes
 * @param continuedIf  when the body continues in the next frame, or {@code null}
 * @param sequenceField the header field counting frames, or {@code null}
 * @param transform    a whole-body transform, or {@code null}
 */
public record FramingModel(String name, String doc, Layout header, String tagField, TypedExpr bodySize,
                           WireType delimitedBy, long maxBody, TypedExpr continuedIf, String sequenceField,
                           String transform) {

    /** The default maximum body when a framing declares none: large, but not attacker-controlled. */
    public static final long DEFAULT_MAX_BODY = 1L << 30;
}
