package io.sqlxwire.idl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import java.util.Map;

/** Checks small descriptions and digs into the checked model, failing with the diagnostics when there are any. */
final class Models {

    /** What most snippets need: a protocol name and one direction per side. */
    static final String PRELUDE = """
            protocol demo;
            direction client from client;
            direction server from server;
            """;

    private Models() {}

    /** The model of a complete file; fails on any error or warning. */
    static ProtocolModel check(String source) {
        return check(source, Map.of());
    }

    static ProtocolModel check(String source, Map<String, String> others) {
        return checkAt("t.wire", source, others);
    }

    static ProtocolModel checkAt(String path, String source, Map<String, String> others) {
        CheckResult result = WireCompiler.checkSource(path, source, others);
        assertEquals("", result.render(), "diagnostics for:\n" + source);
        assertFalse(result.hasErrors());
        return result.modelOrThrow();
    }

    /** {@link #PRELUDE} followed by {@code declarations}. */
    static ProtocolModel checkWithPrelude(String declarations) {
        return check(PRELUDE + declarations);
    }

    /** The layout of {@code message M: server { MEMBERS }} after {@code declarations}. */
    static Layout messageLayout(String declarations, String members) {
        return message(checkWithPrelude(declarations + "\nmessage M: server {\n" + members + "\n}\n"), "M").layout();
    }

    static Layout messageLayout(String members) {
        return messageLayout("", members);
    }

    static MessageModel message(ProtocolModel model, String name) {
        return model.message(name).orElseThrow(() -> new AssertionError("no message " + name));
    }

    static StructModel struct(ProtocolModel model, String name) {
        return model.struct(name).orElseThrow(() -> new AssertionError("no struct " + name));
    }

    static Field field(Layout layout, String name) {
        return layout.field(name).orElseThrow(() -> new AssertionError("no field " + name + " in " + names(layout)));
    }

    static Let let(Layout layout, String name) {
        return layout.member(name).filter(Let.class::isInstance).map(Let.class::cast)
                .orElseThrow(() -> new AssertionError("no let " + name + " in " + names(layout)));
    }

    static List<String> names(Layout layout) {
        return layout.members().stream().map(io.sqlxwire.idl.model.Member::name).toList();
    }

    static WireType.Int integer(IntKind kind, Endian order) {
        return new WireType.Int(kind, order);
    }

    static WireType.Int be(IntKind kind) {
        return new WireType.Int(kind, Endian.BIG);
    }

    /** A reference to an integer field read earlier: {@code path} is the field and nested names. */
    static TypedExpr.FieldRef intField(String... path) {
        return new TypedExpr.FieldRef(List.of(path), ExprType.INT);
    }

    static TypedExpr.IntConst constant(long value) {
        return TypedExpr.IntConst.of(value);
    }

    static TypedExpr.Binary binary(TypedExpr.BinaryOp op, TypedExpr left, TypedExpr right, ExprType type) {
        return new TypedExpr.Binary(op, left, right, type);
    }
}
