package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.binary;
import static io.sqlxwire.idl.check.Models.constant;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.let;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.TypedExpr.BinaryOp;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed expressions: names resolved to what they denote, operators typed, built-in functions. */
class ExpressionModelTest {

    private static final String DECLARATIONS = """
            enum Code: u8 { OK = 0; ERR = 1; }
            flags Caps: u16 { A = 1; B = 2; C = 4; }
            struct Header { kind: u8; length: u32; }
            """;

    private static final String FIELDS = """
            a: u16;
            b: u8;
            c: u32;
            x: u8;
            f: f32;
            code: Code;
            caps: Caps;
            header: Header;
            items: u16[a];
            """;

    /** The value of {@code let v = EXPR;} after a fixed set of fields. */
    private static TypedExpr typed(String expr) {
        Layout layout = messageLayout(DECLARATIONS, FIELDS + "let v = " + expr + ";");
        return let(layout, "v").value();
    }

    private static final TypedExpr A = intField("a");
    private static final TypedExpr B = intField("b");
    private static final TypedExpr C = intField("c");
    private static final TypedExpr X = intField("x");
    private static final ExprType CODE = ExprType.enumOf("Code");
    private static final ExprType CAPS = ExprType.flagsOf("Caps");

    private static TypedExpr code(String name, long value) {
        return new TypedExpr.NamedConst("Code", name, BigInteger.valueOf(value), CODE);
    }

    private static TypedExpr cap(String name, long value) {
        return new TypedExpr.NamedConst("Caps", name, BigInteger.valueOf(value), CAPS);
    }

    @Test
    void precedenceSurvivesChecking() {
        assertEquals(binary(BinaryOp.ADD, A, binary(BinaryOp.MUL, B, C, ExprType.INT), ExprType.INT), typed("a + b * c"));
        assertEquals(binary(BinaryOp.EQ, binary(BinaryOp.AND, X, constant(1), ExprType.INT), constant(0), ExprType.BOOL),
                typed("x & 1 == 0"));
        assertEquals(binary(BinaryOp.SHL, constant(1), binary(BinaryOp.ADD, A, constant(2), ExprType.INT), ExprType.INT),
                typed("1 << a + 2"));
        assertEquals(binary(BinaryOp.OR_ELSE, binary(BinaryOp.LT, A, B, ExprType.BOOL),
                binary(BinaryOp.AND_ALSO, binary(BinaryOp.GE, B, C, ExprType.BOOL), binary(BinaryOp.NE, X, constant(3), ExprType.BOOL),
                        ExprType.BOOL), ExprType.BOOL), typed("a < b || b >= c && x != 3"));
    }

    @Test
    void conditionalIsRightAssociativeAndTakesTheTypeOfItsBranches() {
        TypedExpr aGt = binary(BinaryOp.GT, A, constant(1), ExprType.BOOL);
        TypedExpr bGt = binary(BinaryOp.GT, B, constant(2), ExprType.BOOL);
        assertEquals(new TypedExpr.Conditional(aGt, A, new TypedExpr.Conditional(bGt, B, C, ExprType.INT), ExprType.INT),
                typed("a > 1 ? a : b > 2 ? b : c"));
    }

    @Test
    void unaryOperators() {
        assertEquals(new TypedExpr.Unary(TypedExpr.UnaryOp.NEGATE, A, ExprType.INT), typed("-a"));
        assertEquals(new TypedExpr.Unary(TypedExpr.UnaryOp.COMPLEMENT, X, ExprType.INT), typed("~x"));
        assertEquals(new TypedExpr.Unary(TypedExpr.UnaryOp.NOT, binary(BinaryOp.EQ, A, constant(0), ExprType.BOOL), ExprType.BOOL),
                typed("!(a == 0)"));
        assertEquals(new TypedExpr.Unary(TypedExpr.UnaryOp.NEGATE, new TypedExpr.FieldRef(List.of("f"), ExprType.FLOAT),
                ExprType.FLOAT), typed("-f"));
    }

    @Test
    void floatArithmeticIsFloat() {
        assertEquals(binary(BinaryOp.MUL, new TypedExpr.FieldRef(List.of("f"), ExprType.FLOAT), constant(2), ExprType.FLOAT),
                typed("f * 2"));
    }

    @Test
    void bareEnumAndFlagConstantsResolveAgainstTheOtherOperand() {
        TypedExpr codeField = new TypedExpr.FieldRef(List.of("code"), CODE);
        assertEquals(binary(BinaryOp.EQ, codeField, code("ERR", 1), ExprType.BOOL), typed("code == ERR"));
        assertEquals(binary(BinaryOp.LT, codeField, code("ERR", 1), ExprType.BOOL), typed("code < ERR"));
        assertEquals(binary(BinaryOp.EQ, codeField, code("OK", 0), ExprType.BOOL), typed("code == Code.OK"));
        TypedExpr capsField = new TypedExpr.FieldRef(List.of("caps"), CAPS);
        assertEquals(binary(BinaryOp.HAS, capsField, binary(BinaryOp.OR, cap("A", 1), cap("C", 4), CAPS), ExprType.BOOL),
                typed("caps has A | C"));
        // combining flags keeps the flags type
        assertEquals(binary(BinaryOp.AND, capsField, cap("B", 2), CAPS), typed("caps & B"));
    }

    @Test
    void nestedStructFieldsAreFieldPaths() {
        assertEquals(binary(BinaryOp.SUB, intField("header", "length"), constant(8), ExprType.INT), typed("header.length - 8"));
        assertEquals(intField("header", "kind"), typed("header.kind"));
    }

    @Test
    void builtInFunctions() {
        assertEquals(new TypedExpr.MinMax(false, List.of(A, B, constant(3))), typed("min(a, b, 3)"));
        assertEquals(new TypedExpr.MinMax(true, List.of(binary(BinaryOp.SUB, C, constant(4), ExprType.INT), constant(0))),
                typed("max(c - 4, 0)"));
        assertEquals(new TypedExpr.Peek(be(IntKind.U8), constant(0)), typed("peek(u8)"));
        assertEquals(new TypedExpr.Peek(new WireType.Int(IntKind.U32, Endian.LITTLE), constant(4)), typed("peek(u32le, 4)"));
        assertEquals(new TypedExpr.SizeOf(List.of("header")), typed("sizeof(header)"));
        TypedExpr items = new TypedExpr.FieldRef(List.of("items"), ExprType.listOf(ExprType.INT));
        assertEquals(new TypedExpr.CountOf(items), typed("count(items)"));
        assertEquals(new TypedExpr.Index(items, binary(BinaryOp.SUB, A, constant(1), ExprType.INT), ExprType.INT),
                typed("items[a - 1]"));
    }

    @Test
    void sessionVariablesInLayouts() {
        Layout layout = messageLayout("session { n: u32 = 7; types: Code[]; }\n" + DECLARATIONS,
                "let v = session.n + count(session.types); let t = session.types[0] == OK;");
        TypedExpr types = new TypedExpr.SessionRef("types", ExprType.listOf(CODE));
        assertEquals(binary(BinaryOp.ADD, new TypedExpr.SessionRef("n", ExprType.INT), new TypedExpr.CountOf(types), ExprType.INT),
                let(layout, "v").value());
        assertEquals(binary(BinaryOp.EQ, new TypedExpr.Index(types, constant(0), CODE), code("OK", 0), ExprType.BOOL),
                let(layout, "t").value());
    }

    @Test
    void literalsOfEveryKind() {
        Layout layout = messageLayout("let i = 0x1_0; let ch = '\\n'; let t = true; let s = \"ab\";");
        assertEquals(constant(16), let(layout, "i").value());
        assertEquals(constant(10), let(layout, "ch").value());
        assertEquals(new TypedExpr.BoolConst(true), let(layout, "t").value());
        assertEquals(ExprType.BOOL, let(layout, "t").type());
        assertEquals(new TypedExpr.TextConst("ab"), let(layout, "s").value());
        assertEquals(ExprType.TEXT, let(layout, "s").type());
    }
}
