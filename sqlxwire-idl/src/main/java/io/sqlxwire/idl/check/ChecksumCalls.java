package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;

/** Checks {@code = crc32()}, {@code = crc32c(from)} and {@code = crc24()} field values. */
final class ChecksumCalls {

    private ChecksumCalls() {}

    static boolean isChecksum(String function) {
        return function.equals("crc32") || function.equals("crc32c") || function.equals("crc24");
    }

    static FieldValue check(Expr.Call call, WireType type, Scope scope, CheckContext ctx) {
        String function = call.function().text();
        FieldValue.ChecksumKind kind = switch (function) {
            case "crc32" -> FieldValue.ChecksumKind.CRC32;
            case "crc32c" -> FieldValue.ChecksumKind.CRC32C;
            default -> FieldValue.ChecksumKind.CRC24;
        };
        int bits = kind == FieldValue.ChecksumKind.CRC24 ? 24 : 32;
        if (!(type instanceof WireType.Int i) || i.kind().floating() || i.kind().signed() || i.kind().bits() != bits) {
            ctx.error(call.span(), "type mismatch: " + function + "() is a " + bits + "-bit checksum; the field must be "
                    + (bits == 24 ? IntKind.U24.idlName() : IntKind.U32.idlName()) + " (with le/be as the protocol writes it)");
            return new FieldValue.None();
        }
        if (call.arguments().size() > 1 || call.arguments().size() == 1
                && !(call.arguments().get(0).value() instanceof Expr.NameRef)) {
            ctx.error(call.span(), function + "() takes at most one argument: the field the checksummed bytes start at");
            return new FieldValue.None();
        }
        String from = null;
        if (call.arguments().size() == 1) {
            Expr.NameRef ref = (Expr.NameRef) call.arguments().get(0).value();
            from = ref.name().text();
            Scope.Entry entry = scope.lookup(from);
            if (entry == null || entry.kind() != Scope.NameKind.FIELD) {
                ctx.error(ref.span(), "the checksum must start at a field read before it, and '" + from + "' is not one");
                return new FieldValue.None();
            }
        }
        return new FieldValue.Checksum(kind, from);
    }
}
