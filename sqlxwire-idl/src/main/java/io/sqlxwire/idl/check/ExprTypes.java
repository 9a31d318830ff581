package io.sqlxwire.idl.check;

import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.WireType;

/** The expression type a value of a wire type has when a later expression names it. */
final class ExprTypes {

    private ExprTypes() {}

    static ExprType of(WireType type) {
        if (type instanceof WireType.Int i) {
            return i.kind().floating() ? ExprType.FLOAT : ExprType.INT;
        } else if (type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt) {
            return ExprType.INT;
        } else if (type instanceof WireType.Text) {
            return ExprType.TEXT;
        } else if (type instanceof WireType.Bytes || type instanceof WireType.Padding || type instanceof WireType.Empty) {
            return ExprType.BYTES;
        } else if (type instanceof WireType.Bitmap) {
            return ExprType.BITMAP;
        } else if (type instanceof WireType.EnumRef e) {
            return ExprType.enumOf(e.name());
        } else if (type instanceof WireType.FlagsRef f) {
            return ExprType.flagsOf(f.name());
        } else if (type instanceof WireType.StructRef s) {
            return ExprType.structOf(s.name());
        } else if (type instanceof WireType.Array a) {
            return ExprType.listOf(of(a.element()));
        } else if (type instanceof WireType.ListOf l) {
            return ExprType.listOf(of(l.element()));
        } else if (type instanceof WireType.Bool) {
            return ExprType.BOOL;
        } else if (type instanceof WireType.Union) {
            return ExprType.UNION;
        }
        return ExprType.ERROR;
    }

    /** Whether a value of type {@code actual} may stand where {@code expected} is wanted. */
    static boolean assignable(ExprType expected, ExprType actual) {
        if (expected.kind() == ExprType.Kind.ERROR || actual.kind() == ExprType.Kind.ERROR) {
            return true;
        }
        if (actual.kind() == ExprType.Kind.NULL) {
            return true; // nullable values are checked at run time
        }
        if (expected.isIntegral() && actual.isIntegral()) {
            // Enums and flags are open: any integer may stand for one, but two different named types may not mix.
            return expected.name() == null || actual.name() == null || expected.name().equals(actual.name());
        }
        if (expected.kind() == ExprType.Kind.FLOAT) {
            return actual.isNumeric();
        }
        if (expected.kind() == ExprType.Kind.LIST && actual.kind() == ExprType.Kind.LIST) {
            return assignable(expected.element(), actual.element());
        }
        return expected.kind() == actual.kind() && java.util.Objects.equals(expected.name(), actual.name());
    }
}
