package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.FramingItem;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks framings: a framing has either a header with a body size or a delimiting type; tag,
 * sequence and continuation refer to header fields; the maximum body is a positive constant.
 */
final class FramingChecker {

    private final CheckContext ctx;
    private final ExprChecker exprs;
    private final TypeResolver types;
    private final LayoutChecker layouts;

    FramingChecker(CheckContext ctx, ExprChecker exprs, TypeResolver types, LayoutChecker layouts) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.types = types;
        this.layouts = layouts;
    }

    List<FramingModel> checkAll() {
        return ctx.symbols.framings.values().stream().map(this::check).filter(java.util.Objects::nonNull).toList();
    }

    /** The type of the framings' tag fields when they all agree, for resolving bare constants in message tags. */
    static io.sqlxwire.idl.model.ExprType commonTagType(List<FramingModel> framings) {
        java.util.Set<io.sqlxwire.idl.model.ExprType> types = new java.util.HashSet<>();
        for (FramingModel f : framings) {
            if (f.tagField() != null) {
                f.header().field(f.tagField()).ifPresent(field -> types.add(ExprTypes.of(field.type())));
            }
        }
        return types.size() == 1 ? types.iterator().next() : null;
    }

    private FramingModel check(Decl.Framing decl) {
        String name = decl.name().text();
        Map<Class<?>, FramingItem> seen = new HashMap<>();
        for (FramingItem item : decl.items()) {
            FramingItem earlier = seen.putIfAbsent(item.getClass(), item);
            if (earlier != null) {
                ctx.error(item.span(), "framing " + name + " has two '" + keyword(item) + "' lines (the first at "
                        + CheckContext.where(item.span(), earlier.span()) + ")");
            }
        }
        Scope scope = Scope.layout();
        FramingItem.Header headerItem = (FramingItem.Header) seen.get(FramingItem.Header.class);
        Layout header = headerItem == null ? new Layout(List.of(), java.util.OptionalLong.of(0), 0)
                : layouts.check(headerItem.members(), scope, "framing " + name);
        String tag = headerField(seen.get(FramingItem.Tag.class), scope, header, name, "tag");
        String sequence = headerField(seen.get(FramingItem.Sequence.class), scope, header, name, "sequence");
        TypedExpr body = null;
        if (seen.get(FramingItem.Body.class) instanceof FramingItem.Body b) {
            body = exprs.expectInt(b.size(), scope, "a body size");
        }
        WireType delimitedBy = null;
        if (seen.get(FramingItem.Delimited.class) instanceof FramingItem.Delimited d) {
            delimitedBy = types.resolve(d.type(), Scope.layout(), TypeResolver.Use.FIELD, null);
            if (headerItem != null) {
                ctx.error(d.span(), "framing " + name + " is delimited by its content and cannot also have a header");
            }
        }
        boolean hasBody = seen.containsKey(FramingItem.Body.class);
        boolean hasDelimiter = seen.containsKey(FramingItem.Delimited.class);
        if (!hasBody && !hasDelimiter) {
            ctx.error(decl.name().span(), "the frame size of framing " + name + " can never be known: give 'body EXPR;' "
                    + "(the body size from header fields) or 'delimited TYPE;'");
        } else if (hasBody && hasDelimiter) {
            ctx.error(seen.get(FramingItem.Delimited.class).span(), "framing " + name + " has both 'body' and 'delimited'; "
                    + "a frame's end is found one way");
        }
        long max = FramingModel.DEFAULT_MAX_BODY;
        if (seen.get(FramingItem.Max.class) instanceof FramingItem.Max m) {
            Optional<BigInteger> value = exprs.constantInt(m.bytes(), Scope.constants(), null, "the maximum body size");
            if (value.isPresent()) {
                if (value.get().signum() <= 0 || value.get().bitLength() > 62) {
                    ctx.error(m.bytes().span(), "the maximum body size must be from 1 to 2^62 bytes, not " + value.get());
                } else {
                    max = value.get().longValue();
                }
            }
        }
        TypedExpr continued = null;
        if (seen.get(FramingItem.Continued.class) instanceof FramingItem.Continued c) {
            continued = exprs.expectBool(c.condition(), scope);
        }
        String transform = null;
        if (seen.get(FramingItem.Transform.class) instanceof FramingItem.Transform t) {
            transform = t.transform().text();
            if (!ctx.symbols.transforms.containsKey(transform)) {
                ctx.error(t.transform().span(), "unknown transform '" + transform + "'"
                        + Suggestions.hint(transform, ctx.symbols.transforms.keySet()) + " (declare it with: transform " + transform + ";)");
            }
        }
        return new FramingModel(name, decl.doc(), header, tag, body, delimitedBy, max, continued, sequence, transform);
    }

    private static String keyword(FramingItem item) {
        if (item instanceof FramingItem.Header) {
            return "header";
        } else if (item instanceof FramingItem.Tag) {
            return "tag";
        } else if (item instanceof FramingItem.Body) {
            return "body";
        } else if (item instanceof FramingItem.Delimited) {
            return "delimited";
        } else if (item instanceof FramingItem.Max) {
            return "max";
        } else if (item instanceof FramingItem.Continued) {
            return "continued";
        } else if (item instanceof FramingItem.Sequence) {
            return "sequence";
        }
        return "transform";
    }

    private String headerField(FramingItem item, Scope scope, Layout header, String framing, String what) {
        if (item == null) {
            return null;
        }
        Name field = item instanceof FramingItem.Tag t ? t.field() : ((FramingItem.Sequence) item).field();
        Optional<io.sqlxwire.idl.model.Field> found = header.field(field.text());
        if (found.isEmpty()) {
            SourceSpan span = field.span();
            ctx.error(span, "framing " + framing + " has no header field '" + field.text() + "' to use as its " + what
                    + Suggestions.hint(field.text(), scope.visibleNames()));
            return null;
        }
        if (!Sizes.isIntegralOnWire(found.get().type())) {
            ctx.error(field.span(), "type mismatch: the " + what + " of framing " + framing + " must be an integer header field");
            return null;
        }
        return field.text();
    }
}
