package io.sqlxwire.codegen.java.encoder;

import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.TypedExpr;

/**
 * How a frame encoder splits a long body into continuation frames, when the framing's
 * {@code continued if} says "a frame whose body size field equals K continues" (MySQL:
 * {@code payload_length == 0xFFFFFF}) and that field holds the whole body size: then a body of K
 * bytes or more is written as frames of K bytes and a last, shorter one (possibly empty).
 * Continuations signalled otherwise (TDS's status bit) are the caller's to write frame by frame.
 *
 * @param lengthField   the header field holding the body size
 * @param chunk         K, the body size of a continued frame
 * @param sequenceField the header field counting frames, or {@code null}
 */
record ContinuationSplit(String lengthField, long chunk, String sequenceField) {

    /** The split a framing allows, or {@code null}. */
    static ContinuationSplit of(FramingModel framing, BodySizeInversion inversion) {
        if (framing.continuedIf() == null || !(inversion instanceof BodySizeInversion.Direct direct)
                || direct.add() != 0 || direct.mask() != -1) {
            return null;
        }
        for (Field f : framing.header().fields()) {
            if (f.value() instanceof FieldValue.Checksum) {
                return null; // each copied header would need its own checksum
            }
        }
        if (!(framing.continuedIf() instanceof TypedExpr.Binary b) || b.op() != TypedExpr.BinaryOp.EQ) {
            return null;
        }
        TypedExpr field = b.left() instanceof TypedExpr.IntConst ? b.right() : b.left();
        TypedExpr constant = b.left() instanceof TypedExpr.IntConst ? b.left() : b.right();
        if (!(field instanceof TypedExpr.FieldRef ref) || ref.path().size() != 1
                || !ref.path().get(0).equals(direct.field()) || !(constant instanceof TypedExpr.IntConst k)) {
            return null;
        }
        long chunk = k.value().longValue();
        if (chunk <= 0 || chunk > framing.maxBody() || chunk > Integer.MAX_VALUE) {
            return null;
        }
        return new ContinuationSplit(direct.field(), chunk, framing.sequenceField());
    }
}
