package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the members of a struct, message or framing header in wire order: each field's type,
 * value, condition, region and position may use only what was read before it; the size of every
 * field must be knowable when it is reached; and integer fields that give a later field's length
 * or count are marked as derived, so encoders fill them in.
 */
final class LayoutChecker {

    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final TypeResolver types;
    private final Sizes sizes;

    LayoutChecker(CheckContext ctx, ExprChecker exprs, TypeResolver types, Sizes sizes) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.types = types;
        this.sizes = sizes;
    }

    List<Parameter> parameters(List<Decl.Parameter> params) {
        List<Parameter> checked = new ArrayList<>();
        Map<String, Decl.Parameter> seen = new HashMap<>();
        for (Decl.Parameter p : params) {
            Decl.Parameter earlier = seen.putIfAbsent(p.name().text(), p);
            if (earlier != null) {
                ctx.error(p.name().span(), "duplicate name '" + p.name().text() + "': a parameter of that name is declared at "
                        + CheckContext.where(p.span(), earlier.span()));
                continue;
            }
            WireType type = types.resolve(p.type(), Scope.constants(), TypeResolver.Use.PARAMETER, p.name().text());
            if (type != null) {
                checked.add(new Parameter(p.name().text(), type, ExprTypes.of(type)));
            }
        }
        return checked;
    }

    Layout check(List<io.sqlxwire.idl.ast.Member> members, Scope scope, String owner) {
        Map<String, io.sqlxwire.idl.ast.Member> seen = new HashMap<>();
        for (io.sqlxwire.idl.ast.Member m : members) {
            if (m.name().text().equals("_")) {
                continue;
            }
            io.sqlxwire.idl.ast.Member earlier = seen.putIfAbsent(m.name().text(), m);
            if (earlier != null) {
                ctx.error(m.name().span(), "duplicate name '" + m.name().text() + "': " + owner + " already has a member of "
                        + "that name at " + CheckContext.where(m.span(), earlier.span()));
            } else if (scope.lookup(m.name().text()) != null) {
                ctx.error(m.name().span(), "duplicate name '" + m.name().text() + "': it is a parameter of " + owner);
            } else {
                scope.declareLater(m.name().text(), m.name().span());
            }
        }
        List<Member> checked = new ArrayList<>();
        Map<String, FieldRole.PartOf> parts = new HashMap<>();
        String restTakenBy = null;
        for (io.sqlxwire.idl.ast.Member member : members) {
            if (member instanceof io.sqlxwire.idl.ast.Member.Let let) {
                Let model = let(let, scope, checked, parts);
                if (model != null) {
                    checked.add(model);
                    scope.define(let.name().text(), Scope.NameKind.LET, model.type(), null);
                }
                continue;
            }
            io.sqlxwire.idl.ast.Member.Field field = (io.sqlxwire.idl.ast.Member.Field) member;
            if (restTakenBy != null && field.at() == null) {
                ctx.error(field.name().span(), "field '" + field.name().text() + "' can never be read: '" + restTakenBy
                        + "' before it takes the rest of the region");
            }
            Field model = field(field, scope);
            if (model == null) {
                // Its type was wrong (reported): later uses of the name must not add "used before it is read".
                scope.define(field.name().text(), Scope.NameKind.FIELD, ExprType.ERROR, null);
                continue;
            }
            checked.add(model);
            if (!model.isAnonymous()) {
                scope.define(model.name(), Scope.NameKind.FIELD, ExprTypes.of(model.type()), model.type());
            }
            if (model.position() == null && model.regionSize() == null && Sizes.takesRest(model.type())) {
                restTakenBy = model.name();
            }
        }
        List<Member> withRoles = assignRoles(checked, parts);
        return withSizes(withRoles);
    }

    // ------------------------------------------------------------------ fields

    private Field field(io.sqlxwire.idl.ast.Member.Field f, Scope scope) {
        String name = f.name().text();
        // The region and position are known before the field's type is read.
        TypedExpr region = f.size() == null ? null : exprs.expectInt(f.size(), scope, "a region size");
        TypedExpr position = f.at() == null ? null : exprs.expectInt(f.at(), scope, "a position");
        TypedExpr condition = f.condition() == null ? null : exprs.expectBool(f.condition(), scope);
        WireType type = types.resolve(f.type(), scope, TypeResolver.Use.FIELD, name);
        if (type == null) {
            return null;
        }
        FieldValue value = f.value() == null ? new FieldValue.None() : value(f, type, scope);
        String transform = null;
        if (f.transform() != null) {
            transform = f.transform().text();
            if (!ctx.symbols.transforms.containsKey(transform)) {
                ctx.error(f.transform().span(), "unknown transform '" + transform + "'"
                        + Suggestions.hint(transform, ctx.symbols.transforms.keySet())
                        + " (declare it with: transform " + transform + ";)");
            }
        }
        FieldRole role = new FieldRole.Data();
        if (f.isAnonymous()) {
            role = new FieldRole.Padding();
            if (!(type instanceof WireType.Padding) && value instanceof FieldValue.None) {
                ctx.error(f.name().span(), "an anonymous field '_' must be padding (pad[n]) or have a constant value, "
                        + "since nothing could read or write it otherwise");
            }
        }
        return new Field(name, f.doc(), type, value, condition, region, position, transform, role, OptionalLong.empty(),
                f.span());
    }

    private FieldValue value(io.sqlxwire.idl.ast.Member.Field f, WireType type, Scope scope) {
        Expr value = f.value();
        if (value instanceof Expr.Call call && ChecksumCalls.isChecksum(call.function().text())) {
            return ChecksumCalls.check(call, type, scope, ctx);
        }
        ExprType expected = ExprTypes.of(type);
        TypedExpr typed = exprs.check(value, scope, expected);
        if (typed.type().kind() == ExprType.Kind.ERROR) {
            return new FieldValue.None();
        }
        if (!Constants.isConstant(typed)) {
            ctx.error(value.span(), "the value of field '" + f.name().text() + "' must be a constant (or a checksum such as crc32()); "
                    + "a value computed from other fields is a 'let'");
            return new FieldValue.None();
        }
        TypedExpr folded = Constants.fold(typed);
        ConstantFit.check(folded, type, value.span(), ctx);
        return new FieldValue.Constant(folded);
    }

    // ------------------------------------------------------------------ lets and joins

    private Let let(io.sqlxwire.idl.ast.Member.Let let, Scope scope, List<Member> before, Map<String, FieldRole.PartOf> parts) {
        ExprType declared = null;
        if (let.type() != null) {
            WireType type = types.resolve(let.type(), Scope.constants(), TypeResolver.Use.PARAMETER, let.name().text());
            if (type == null) {
                return null;
            }
            declared = ExprTypes.of(type);
        }
        if (let.value() instanceof Expr.Call call && call.function().text().equals("join")) {
            TypedExpr.Join join = join(let, call, scope, before, declared, parts);
            return join == null ? null : new Let(let.name().text(), let.doc(), join.type(), join, let.span());
        }
        TypedExpr value = exprs.check(let.value(), scope, declared);
        if (declared != null && !ExprTypes.assignable(declared, value.type())) {
            ctx.error(let.value().span(), "type mismatch: let '" + let.name().text() + "' is declared " + declared.describe()
                    + " but its value is " + value.type().describe());
        }
        return new Let(let.name().text(), let.doc(), declared != null ? declared : value.type(), value, let.span());
    }

    private TypedExpr.Join join(io.sqlxwire.idl.ast.Member.Let let, Expr.Call call, Scope scope, List<Member> before,
                                ExprType declared, Map<String, FieldRole.PartOf> parts) {
        if (call.arguments().size() < 2) {
            ctx.error(call.span(), "join() needs at least two fields, lowest bits first: join(low, high)");
            return null;
        }
        List<TypedExpr.FieldRef> refs = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        int offset = 0;
        for (Argument arg : call.arguments()) {
            TypedExpr typed = exprs.check(arg.value(), scope, null);
            if (typed.type().kind() == ExprType.Kind.ERROR) {
                return null;
            }
            Optional<Field> field = typed instanceof TypedExpr.FieldRef ref && ref.path().size() == 1
                    ? before.stream().filter(Field.class::isInstance).map(Field.class::cast)
                            .filter(x -> x.name().equals(ref.path().get(0))).findFirst()
                    : Optional.empty();
            if (field.isEmpty() || !(field.get().type() instanceof WireType.Int i) || i.kind().floating()
                    || field.get().value() instanceof FieldValue.Constant) {
                ctx.error(arg.span(), "join() combines integer fields of this " + "struct read earlier; "
                        + ExprChecker.describe(arg.value()) + " is not one");
                return null;
            }
            int bits = i.kind().bits();
            parts.put(field.get().name(), new FieldRole.PartOf(let.name().text(), offset, bits));
            refs.add((TypedExpr.FieldRef) typed);
            widths.add(bits);
            offset += bits;
        }
        if (offset > 64) {
            ctx.error(call.span(), "join() combines " + offset + " bits, more than the 64 a value can hold");
            return null;
        }
        ExprType type = declared != null ? declared : ExprType.INT;
        if (!type.isIntegral()) {
            ctx.error(let.type().span(), "type mismatch: join() makes an integer, enum or flags value, not " + type.describe());
            return null;
        }
        return new TypedExpr.Join(refs, widths, type);
    }

    // ------------------------------------------------------------------ derived fields

    /**
     * Marks integer fields whose only job is to give a later field's length or count. The first use
     * decides; a field with a constant value, a condition or a role already keeps it.
     */
    private List<Member> assignRoles(List<Member> members, Map<String, FieldRole.PartOf> parts) {
        Map<String, FieldRole> roles = new HashMap<>(parts);
        for (Member m : members) {
            if (!(m instanceof Field target)) {
                continue;
            }
            if (target.position() != null) {
                derive(target, target.position(), members, roles, d -> new FieldRole.OffsetOf(target.name(), d.adjustment()), false);
            }
            TypedExpr lengthExpr = null;
            boolean count = false;
            if (target.regionSize() != null) {
                lengthExpr = target.regionSize();
            } else {
                Extent extent = extentOf(target.type());
                if (extent instanceof Extent.Computed c) {
                    lengthExpr = c.value();
                    count = target.type() instanceof WireType.Array;
                }
            }
            if (lengthExpr != null) {
                boolean isCount = count;
                derive(target, lengthExpr, members, roles, d -> isCount
                        ? new FieldRole.CountOf(target.name(), d.adjustment(), d.unit())
                        : new FieldRole.LengthOf(target.name(), d.adjustment(), d.unit()), true);
            }
        }
        List<Member> result = new ArrayList<>();
        for (Member m : members) {
            if (m instanceof Field f && roles.containsKey(f.name()) && f.role() instanceof FieldRole.Data) {
                result.add(new Field(f.name(), f.doc(), f.type(), f.value(), f.condition(), f.regionSize(), f.position(),
                        f.transform(), roles.get(f.name()), f.fixedOffset(), f.span()));
            } else {
                result.add(m);
            }
        }
        return result;
    }

    /**
     * Gives the field an expression names the role {@code role} makes, unless it has one or cannot be
     * derived. A conditional field can be derived when its target has the very same condition (MySQL's
     * {@code attributes_length} and {@code attributes}, both present only with CLIENT_CONNECT_ATTRS).
     */
    private static void derive(Field target, TypedExpr expr, List<Member> members, Map<String, FieldRole> roles,
                               java.util.function.Function<Derivation, FieldRole> role, boolean scaled) {
        Optional<Derivation> derivation = derivation(expr);
        if (derivation.isEmpty() || roles.containsKey(derivation.get().field())
                || !scaled && derivation.get().unit() != 1) {
            return;
        }
        Optional<Field> source = members.stream().filter(Field.class::isInstance).map(Field.class::cast)
                .filter(f -> f.name().equals(derivation.get().field())).findFirst();
        if (source.isEmpty() || !source.get().isUserSupplied()
                || source.get().condition() != null && !source.get().condition().equals(target.condition())
                || !Sizes.isIntegerOnWire(source.get().type()) || source.get().position() != null) {
            return;
        }
        roles.put(source.get().name(), role.apply(derivation.get()));
    }

    private static Extent extentOf(WireType type) {
        if (type instanceof WireType.Bytes b) {
            return b.extent();
        } else if (type instanceof WireType.Text t) {
            return t.extent();
        } else if (type instanceof WireType.Padding p) {
            return p.extent();
        } else if (type instanceof WireType.Array a) {
            return a.count();
        }
        return null;
    }

    /**
     * {@code field}, {@code field ± k} or {@code field * k}: the field's value is
     * {@code size / unit + adjustment}.
     */
    private record Derivation(String field, long adjustment, long unit) {}

    private static Optional<Derivation> derivation(TypedExpr expr) {
        if (expr instanceof TypedExpr.FieldRef ref && ref.path().size() == 1) {
            return Optional.of(new Derivation(ref.path().get(0), 0, 1));
        }
        if (!(expr instanceof TypedExpr.Binary b)) {
            return Optional.empty();
        }
        TypedExpr.FieldRef ref = b.left() instanceof TypedExpr.FieldRef l ? l
                : b.op() == TypedExpr.BinaryOp.MUL && b.right() instanceof TypedExpr.FieldRef r ? r : null;
        TypedExpr other = ref == b.left() ? b.right() : b.left();
        Optional<BigInteger> constant = Constants.integer(other);
        if (ref == null || ref.path().size() != 1 || constant.isEmpty() || constant.get().bitLength() >= 32) {
            return Optional.empty();
        }
        long k = constant.get().longValue();
        String field = ref.path().get(0);
        return switch (b.op()) {
            // size = field - k  =>  field = size + k ;  size = field + k  =>  field = size - k
            case SUB -> Optional.of(new Derivation(field, k, 1));
            case ADD -> Optional.of(new Derivation(field, -k, 1));
            case MUL -> k > 0 ? Optional.of(new Derivation(field, 0, k)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    // ------------------------------------------------------------------ sizes and offsets

    private Layout withSizes(List<Member> members) {
        List<Member> result = new ArrayList<>();
        OptionalLong offset = OptionalLong.of(0);
        long min = 0;
        for (Member m : members) {
            if (!(m instanceof Field f)) {
                result.add(m);
                continue;
            }
            OptionalLong fieldOffset = f.position() != null ? positionOf(f) : offset;
            result.add(new Field(f.name(), f.doc(), f.type(), f.value(), f.condition(), f.regionSize(), f.position(),
                    f.transform(), f.role(), fieldOffset, f.span()));
            min = saturatingAdd(min, sizes.minOfField(f));
            OptionalLong size = Sizes.fixedOfField(f);
            offset = offset.isPresent() && size.isPresent()
                    ? OptionalLong.of(offset.getAsLong() + size.getAsLong()) : OptionalLong.empty();
        }
        return new Layout(result, offset, min);
    }

    private static OptionalLong positionOf(Field f) {
        Optional<BigInteger> at = Constants.integer(f.position());
        return at.isPresent() ? OptionalLong.of(at.get().longValue()) : OptionalLong.empty();
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

}
