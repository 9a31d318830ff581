package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/**
 * One arm of a union. An arm whose only pattern is {@code _} is the fallback; it has no patterns here.
 *
 * @param guard an extra condition ({@code 0xFE if remaining < 9 => EofPacket}), or {@code null}
 */
public record SwitchArm(List<Pattern> patterns, Expr guard, TypeRef type, String doc, SourceSpan span) {

    public SwitchArm {
        patterns = List.copyOf(patterns);
    }

    public boolean isFallback() {
        return patterns.isEmpty();
    }

    /** A single value, or an inclusive range {@code low .. high}. */
    public record Pattern(Expr low, Expr high, SourceSpan span) {
        public boolean isRange() {
            return high != null;
        }
    }
}
