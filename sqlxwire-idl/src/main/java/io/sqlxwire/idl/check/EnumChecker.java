package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks enums and flag sets: an integer base type, unique names, and values that fit the base. */
final class EnumChecker {

    private final CheckContext ctx;
    private final ExprChecker exprs;

    EnumChecker(CheckContext ctx, ExprChecker exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
    }

    void checkAll() {
        for (Decl decl : ctx.symbols.types.values()) {
            if (decl instanceof Decl.Enum e) {
                check(e.name().text(), e.doc(), e.base(), e.constants(), false);
            } else if (decl instanceof Decl.Flags f) {
                check(f.name().text(), f.doc(), f.base(), f.constants(), true);
            }
        }
    }

    private void check(String name, String doc, TypeRef baseRef, List<Decl.Constant> constants, boolean flags) {
        String kind = flags ? "flags" : "enum";
        WireType.Int base = null;
        if (baseRef instanceof TypeRef.Named named && named.suffixes().isEmpty() && !named.hasArguments()) {
            base = BuiltinTypes.integer(named.name().text(), ctx.byteOrder()).filter(i -> !i.kind().floating()).orElse(null);
        }
        if (base == null) {
            ctx.error(baseRef.span(), "the base of " + kind + " " + name + " must be an integer type such as u8 or i32le");
            return;
        }
        List<EnumModel.Constant> checked = new ArrayList<>();
        Map<String, Decl.Constant> names = new HashMap<>();
        Map<BigInteger, Decl.Constant> values = new HashMap<>();
        for (Decl.Constant constant : constants) {
            Decl.Constant earlier = names.putIfAbsent(constant.name().text(), constant);
            if (earlier != null) {
                ctx.error(constant.name().span(), "duplicate name '" + constant.name().text() + "': " + kind + " " + name
                        + " already has it at " + CheckContext.where(constant.span(), earlier.span()));
                continue;
            }
            Optional<BigInteger> value = exprs.constantInt(constant.value(), Scope.constants(), null, CheckContext.withArticle(kind) + " value");
            if (value.isEmpty()) {
                continue;
            }
            if (!base.kind().fits(value.get())) {
                ctx.error(constant.value().span(), "constant " + value.get() + " does not fit its type " + base.kind().idlName()
                        + " (" + base.kind().min() + " to " + base.kind().max() + ")");
                continue;
            }
            if (flags && value.get().signum() == 0) {
                ctx.error(constant.value().span(), "flag " + constant.name().text() + " has no bits set; a flag is a bit mask "
                        + "such as 0x0200");
                continue;
            }
            Decl.Constant sameValue = values.putIfAbsent(value.get(), constant);
            if (sameValue != null && !flags) {
                ctx.warning(constant.value().span(), "enum " + name + " gives value " + value.get() + " to both "
                        + sameValue.name().text() + " and " + constant.name().text() + "; decoding yields the first");
            }
            checked.add(new EnumModel.Constant(constant.name().text(), constant.doc(), value.get()));
        }
        ctx.enums.put(name, new EnumModel(name, doc, base, flags, checked));
    }
}
