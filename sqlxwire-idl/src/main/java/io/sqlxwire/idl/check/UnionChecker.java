package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.SwitchArm;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a union: its subject is an integer (or enum) value known before the union is read, every
 * pattern is a constant that fits the subject, and every arm can be reached — an arm whose values
 * an earlier unguarded arm already takes, or any arm after the fallback, is an error.
 */
final class UnionChecker {

    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final TypeResolver types;

    UnionChecker(CheckContext ctx, ExprChecker exprs, TypeResolver types) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.types = types;
    }

    private record Placed(UnionArm.Range range, SwitchArm arm, boolean guarded) {}

    WireType check(TypeRef.Switch union, Scope scope, String fieldName) {
        if (union.arms().isEmpty()) {
            ctx.error(union.span(), "a union needs at least one arm: switch (subject) { VALUE => TYPE; _ => bytes rest; }");
            return null;
        }
        TypedExpr subject = exprs.check(union.subject(), scope, null);
        if (!subject.type().isIntegral()) {
            ctx.error(union.subject().span(), "type mismatch: a union's subject must be an integer or enum value, but "
                    + ExprChecker.describe(union.subject()) + " is " + subject.type().describe());
            subject = null;
        }
        IntKind subjectKind = subject == null ? null : subjectKind(subject, scope);
        List<UnionArm> arms = new ArrayList<>();
        UnionArm fallback = null;
        SwitchArm fallbackArm = null;
        List<Placed> placed = new ArrayList<>();
        for (SwitchArm arm : union.arms()) {
            if (fallbackArm != null) {
                ctx.error(arm.span(), "unreachable union arm: it follows the fallback arm '_' at "
                        + CheckContext.where(arm.span(), fallbackArm.span()));
                continue;
            }
            TypedExpr guard = arm.guard() == null ? null : exprs.expectBool(arm.guard(), scope);
            List<UnionArm.Range> ranges = new ArrayList<>();
            for (SwitchArm.Pattern pattern : arm.patterns()) {
                Optional<UnionArm.Range> range = range(pattern, scope, subject, subjectKind);
                if (range.isEmpty()) {
                    continue;
                }
                reportOverlaps(range.get(), pattern, arm, placed);
                placed.add(new Placed(range.get(), arm, guard != null));
                ranges.add(range.get());
            }
            WireType type = types.resolve(arm.type(), scope, TypeResolver.Use.FIELD, fieldName);
            if (type == null) {
                continue;
            }
            UnionArm checked = new UnionArm(ranges, guard, type, arm.doc());
            if (arm.isFallback()) {
                if (guard != null) {
                    arms.add(checked); // a guarded '_' is an ordinary arm that matches any value
                } else {
                    fallback = checked;
                    fallbackArm = arm;
                }
            } else {
                arms.add(checked);
            }
        }
        if (subject == null) {
            return null;
        }
        return new WireType.Union(subject, arms, fallback);
    }

    private void reportOverlaps(UnionArm.Range range, SwitchArm.Pattern pattern, SwitchArm arm, List<Placed> placed) {
        for (Placed earlier : placed) {
            if (earlier.guarded() || !earlier.range().overlaps(range)) {
                continue;
            }
            String other = earlier.arm() == arm ? "earlier in the same arm"
                    : "by the arm at " + CheckContext.where(pattern.span(), earlier.arm().span());
            if (earlier.range().contains(range)) {
                ctx.error(pattern.span(), "unreachable union arm: " + describe(range) + " is already matched " + other);
            } else {
                ctx.error(pattern.span(), "overlapping union arm: " + describe(range) + " overlaps "
                        + describe(earlier.range()) + " matched " + other);
            }
            return;
        }
    }

    private Optional<UnionArm.Range> range(SwitchArm.Pattern pattern, Scope scope, TypedExpr subject, IntKind kind) {
        ExprType expected = subject == null ? null : subject.type();
        Optional<BigInteger> low = exprs.constantInt(pattern.low(), scope, expected, "a union pattern");
        Optional<BigInteger> high = pattern.isRange()
                ? exprs.constantInt(pattern.high(), scope, expected, "a union pattern") : low;
        if (low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        if (low.get().compareTo(high.get()) > 0) {
            ctx.error(pattern.span(), "empty range: " + low.get() + " .. " + high.get() + " (the low end must come first)");
            return Optional.empty();
        }
        if (kind != null && (!kind.fits(low.get()) || !kind.fits(high.get()))) {
            ctx.error(pattern.span(), "constant " + (kind.fits(low.get()) ? high.get() : low.get())
                    + " does not fit the union's subject type " + kind.idlName() + " (" + kind.min() + " to " + kind.max() + ")");
            return Optional.empty();
        }
        return Optional.of(new UnionArm.Range(low.get(), high.get()));
    }

    /** The wire width of the subject when it is known, for range checks of the patterns. */
    private IntKind subjectKind(TypedExpr subject, Scope scope) {
        if (subject instanceof TypedExpr.Peek peek) {
            return peek.read().kind();
        }
        if (subject instanceof TypedExpr.FieldRef ref && ref.path().size() == 1) {
            Scope.Entry entry = scope.lookup(ref.path().get(0));
            if (entry != null && entry.wireType() instanceof WireType.Int i) {
                return i.kind();
            }
        }
        if (subject.type().name() != null && ctx.enums.containsKey(subject.type().name())) {
            return ctx.enums.get(subject.type().name()).base().kind();
        }
        return null;
    }

    private static String describe(UnionArm.Range range) {
        return range.low().equals(range.high()) ? "value " + range.low() : "range " + range.low() + " .. " + range.high();
    }
}
