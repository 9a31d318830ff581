package io.sqlxwire.codegen.java.encoder;

import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * How a frame encoder writes the body size back into header fields: the framing's {@code body}
 * expression solved for the fields it reads. Forms it solves (with {@code + c}/{@code - c} on top):
 * {@code f}, {@code f & mask} (the other bits stay the caller's), {@code (hi << k) | lo} (the size
 * split across two fields), a header {@code let} naming one of these, and {@code cond ? a : b}
 * (TNS: a 16-bit length plus a checksum, or one 32-bit length, chosen by the checksum's value).
 */
sealed interface BodySizeInversion {

    /** The size plus {@code add} is written into {@code field}, inside {@code mask} ({@code -1}: all of it). */
    record Direct(String field, long add, long mask) implements BodySizeInversion {}

    /** The size plus {@code add} is {@code (high << shift) | low}. */
    record Split(String high, String low, int shift, long add) implements BodySizeInversion {}

    /** {@code condition} (over header fields the caller set) chooses which form is written. */
    record Choice(TypedExpr condition, BodySizeInversion yes, BodySizeInversion no) implements BodySizeInversion {}

    /** The inversion of {@code size}, or {@code null} when it has none of the forms above. */
    static BodySizeInversion of(TypedExpr size, Layout header) {
        return invert(size, 0, header);
    }

    private static BodySizeInversion invert(TypedExpr size, long add, Layout header) {
        if (size instanceof TypedExpr.Binary b && b.right() instanceof TypedExpr.IntConst c
                && (b.op() == TypedExpr.BinaryOp.SUB || b.op() == TypedExpr.BinaryOp.ADD)) {
            long constant = c.value().longValue();
            return invert(b.left(), add + (b.op() == TypedExpr.BinaryOp.SUB ? constant : -constant), header);
        }
        if (size instanceof TypedExpr.LetRef l) {
            return header.member(l.name()).filter(Let.class::isInstance)
                    .map(let -> invert(((Let) let).value(), add, header)).orElse(null);
        }
        if (size instanceof TypedExpr.Conditional c) {
            BodySizeInversion yes = invert(c.whenTrue(), add, header);
            BodySizeInversion no = invert(c.whenFalse(), add, header);
            return yes == null || no == null ? null : new Choice(c.condition(), yes, no);
        }
        if (size instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.OR) {
            Split split = split(b.left(), b.right(), add);
            return split != null ? split : split(b.right(), b.left(), add);
        }
        TypedExpr core = size;
        long mask = -1;
        if (core instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.AND && b.right() instanceof TypedExpr.IntConst m) {
            mask = m.value().longValue();
            core = b.left();
        }
        String field = fieldName(core);
        return field == null ? null : new Direct(field, add, mask);
    }

    private static Split split(TypedExpr shifted, TypedExpr low, long add) {
        if (shifted instanceof TypedExpr.Binary s && s.op() == TypedExpr.BinaryOp.SHL
                && s.right() instanceof TypedExpr.IntConst k && fieldName(s.left()) != null && fieldName(low) != null) {
            return new Split(fieldName(s.left()), fieldName(low), k.value().intValueExact(), add);
        }
        return null;
    }

    private static String fieldName(TypedExpr expr) {
        return expr instanceof TypedExpr.FieldRef f && f.path().size() == 1 ? f.path().get(0) : null;
    }

    /** The header fields some form writes the size into. */
    static List<String> targets(BodySizeInversion inversion) {
        List<String> out = new ArrayList<>();
        collect(inversion, out, false);
        return out;
    }

    /**
     * The fields every form writes in full: the encoder owns them, so they have no setter.
     * A field only some forms write (or writes within a mask) stays the caller's.
     */
    static List<String> owned(BodySizeInversion inversion) {
        if (inversion instanceof Choice c) {
            List<String> yes = owned(c.yes());
            return owned(c.no()).stream().filter(yes::contains).toList();
        }
        List<String> out = new ArrayList<>();
        collect(inversion, out, true);
        return out;
    }

    private static void collect(BodySizeInversion inversion, List<String> out, boolean wholeOnly) {
        if (inversion instanceof Direct d) {
            if (!wholeOnly || d.mask() == -1) {
                addOnce(out, d.field());
            }
        } else if (inversion instanceof Split s) {
            addOnce(out, s.high());
            addOnce(out, s.low());
        } else {
            Choice c = (Choice) inversion;
            collect(c.yes(), out, wholeOnly);
            collect(c.no(), out, wholeOnly);
        }
    }

    private static void addOnce(List<String> out, String name) {
        if (!out.contains(name)) {
            out.add(name);
        }
    }
}
