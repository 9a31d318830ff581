package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.WireType;

/** Checks {@code = crc32()}, {@code = crc32c(from)} and {@code = crc24()} field values. */
final class ChecksumCalls {

    /** The argument that starts a checksum at the first byte of the frame, header included. */
    static final String FRAME = "frame";

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
        String from = null;
        boolean fromFrame = false;
        ByteString seed = ByteString.of();
        for (Argument arg : call.arguments()) {
            if (arg.isNamed() && arg.name().text().equals("seed")) {
                if (arg.value() instanceof Expr.BytesLit b && b.hex().length() % 2 == 0 && !b.hex().isEmpty()) {
                    seed = ByteString.ofHex(b.hex());
                } else {
                    ctx.error(arg.value().span(), "a checksum seed is bytes fed to it first, written x\"fa2d55ca\"");
                    return new FieldValue.None();
                }
            } else if (!arg.isNamed() && arg.value() instanceof Expr.NameRef ref && from == null && !fromFrame) {
                String name = ref.name().text();
                Scope.Entry entry = scope.lookup(name);
                if (entry != null && entry.kind() == Scope.NameKind.FIELD) {
                    from = name;
                } else if (name.equals(FRAME)) {
                    fromFrame = true;
                } else {
                    ctx.error(ref.span(), "the checksum must start at a field read before it (or at 'frame', its first "
                            + "header byte), and '" + name + "' is neither");
                    return new FieldValue.None();
                }
            } else {
                ctx.error(arg.span(), function + "() takes where the checksummed bytes start (a field read before it, or "
                        + "'frame') and an optional seed = x\"...\"");
                return new FieldValue.None();
            }
        }
        return new FieldValue.Checksum(kind, from, fromFrame, seed);
    }
}
