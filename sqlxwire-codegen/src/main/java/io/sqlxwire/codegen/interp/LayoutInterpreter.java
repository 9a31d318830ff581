package io.sqlxwire.codegen.interp;

import io.sqlxwire.codegen.java.dispatch.Candidates;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.WireType;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.util.Map;

/**
 * Decodes a {@link Layout} (struct, message body or framing header) by interpreting the checked
 * model: members in order, conditions, {@code size(...)} regions, {@code at(...)} positions,
 * constants and checksums verified, lets evaluated. Types are read by {@link TypeInterpreter}.
 * Every failure is a {@link CodecException} carrying the field path and the byte offset.
 */
public final class LayoutInterpreter {

    private final ProtocolModel model;
    private final ExprEvaluator evaluator = new ExprEvaluator();
    private final TypeInterpreter types;
    private final ChecksumVerifier checksums = new ChecksumVerifier();

    /** {@code limits.maxDepth()} is lowered to the protocol's {@code max_depth} when that is smaller. */
    public LayoutInterpreter(ProtocolModel model, Limits limits) {
        this.model = model;
        Limits effective = limits.withMaxDepth(Math.min(limits.maxDepth(), Math.max(1, model.maxDepth())));
        this.types = new TypeInterpreter(model, effective, this, evaluator);
    }

    public ProtocolModel model() {
        return model;
    }

    ExprEvaluator evaluator() {
        return evaluator;
    }

    /** Decodes the whole of {@code bytes} as struct {@code name} with the given parameter values. */
    public Value.Obj decodeStruct(String name, WireBuffer bytes, Map<String, Value> parameters, Session session) {
        StructModel struct = model.struct(name)
                .orElseThrow(() -> new IllegalArgumentException("no struct " + name));
        Region region = Region.of(bytes);
        Scope scope = new Scope(parameters, session, 1, bytes);
        Value.Obj value = decode(struct.layout(), region, scope);
        requireConsumed(region);
        return value;
    }

    /** Reads one value of {@code type} at the region's cursor (a self-delimited frame's type). */
    Value decodeType(WireType type, Region region, Scope scope) {
        return types.decode(type, region, scope);
    }

    /** Reads a framing header; its fields are then visible to the framing's expressions in {@code scope}. */
    Value.Obj decodeHeader(Layout header, Region region, Scope scope) {
        return decode(header, region, scope);
    }

    /** Fails when a complete message or struct left bytes unread: the description misses something. */
    static void requireConsumed(Region region) {
        if (region.position() != region.end()) {
            throw new CodecException((region.end() - region.position()) + " bytes left after the last field",
                    region.offset());
        }
    }

    Value.Obj decode(Layout layout, Region region, Scope scope) {
        scope.structStart(region.position());
        for (Member member : layout.members()) {
            if (member instanceof Let let) {
                try {
                    scope.putLet(let.name(), evaluator.eval(let.value(), scope, region));
                } catch (CodecException e) {
                    throw e.inField(let.name());
                }
            } else {
                Field field = (Field) member;
                try {
                    decodeField(field, region, scope);
                } catch (CodecException e) {
                    throw e.inField(field.name());
                }
            }
        }
        // Data reached through at(...) belongs to the struct too: it ends after the furthest byte read.
        if (scope.furthest() > region.position()) {
            region.position(scope.furthest());
        }
        return scope.toObj();
    }

    /**
     * Whether the leading constant fields of {@code layout} (those before the first field that is
     * not a plain constant) hold their values in {@code region}; the region's cursor is restored.
     */
    boolean leadingConstantsMatch(Layout layout, Region region, Scope scope) {
        int start = region.position();
        try {
            // The same constants the generated dispatcher compares (Candidates.isLeadingConstant).
            for (Member member : layout.members()) {
                if (!(member instanceof Field field) || !Candidates.isLeadingConstant(field)) {
                    return true;
                }
                decodeField(field, region, scope);
            }
            return true;
        } catch (CodecException e) {
            return false;
        } finally {
            region.position(start);
        }
    }

    private void decodeField(Field field, Region region, Scope scope) {
        if (field.condition() != null && !evaluator.bool(field.condition(), scope, region)) {
            scope.absent(field.name());
            return;
        }
        Region target = region;
        if (field.position() != null) {
            target = region.positioned(evaluator.size(field.position(), scope, region, "position"));
        }
        WireType type = field.transform() == null ? field.type() : TypeInterpreter.untransformed(field.type());
        int start = target.position();
        Value value;
        if (field.regionSize() != null) {
            int size = evaluator.size(field.regionSize(), scope, target, "region size");
            Region sized = target.sub(size);
            value = types.decode(type, sized, scope);
            target.take(size);
        } else {
            value = types.decode(type, target, scope);
        }
        int length = target.position() - start;
        if (target != region) {
            scope.reached(target.position());
        }
        if (field.value() instanceof FieldValue.Constant constant) {
            Value expected = evaluator.eval(constant.value(), scope, region);
            if (!ExprEvaluator.same(value, expected)) {
                throw new CodecException("expected " + expected.toJson() + " but found " + value.toJson(),
                        target.offsetOf(start));
            }
        } else if (field.value() instanceof FieldValue.Checksum checksum) {
            checksums.verify(checksum, value, target, start, scope);
        }
        boolean visible = !field.isAnonymous() && !(type instanceof WireType.Padding);
        scope.put(field.name(), value, start, length, visible);
    }
}
