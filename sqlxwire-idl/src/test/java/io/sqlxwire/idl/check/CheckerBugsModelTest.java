package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Valid descriptions the checker currently gets wrong. Each test states what the language
 * specification (notes/LANGUAGE.md) or the model's own documentation promises.
 */
class CheckerBugsModelTest {

    private static final String CODE = "enum Code: u8 { OK = 0; ERR = 1; }";
    private static final ExprType CODE_TYPE = ExprType.enumOf("Code");

    /**
     * "bare CONST where the other operand ... has that enum or flags type": the other operand may be
     * on either side. Today only a constant on the right resolves; on the left it is "unknown name".
     */
    @Test
    void bareEnumConstantOnTheLeftOfAnEquality() {
        Layout layout = messageLayout(CODE, "code: Code; a: u8 if OK == code;");
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.EQ,
                new TypedExpr.NamedConst("Code", "OK", BigInteger.ZERO, CODE_TYPE),
                new TypedExpr.FieldRef(List.of("code"), CODE_TYPE), ExprType.BOOL), field(layout, "a").condition());
    }

    @Test
    void bareEnumConstantOnTheLeftOfAComparison() {
        Layout layout = messageLayout(CODE, "code: Code; a: u8 if ERR > code;");
        assertEquals(new TypedExpr.Binary(TypedExpr.BinaryOp.GT,
                new TypedExpr.NamedConst("Code", "ERR", BigInteger.ONE, CODE_TYPE),
                new TypedExpr.FieldRef(List.of("code"), CODE_TYPE), ExprType.BOOL), field(layout, "a").condition());
    }

    /**
     * Layout.minSize is "the fewest bytes any value takes". A bitmap of a computed number of bits
     * still takes (0 + offset + 7) / 8 bytes when the count is 0; today it counts as 0 bytes.
     */
    @Test
    void minimumSizeOfABitmapCountsItsOffset() {
        Layout layout = messageLayout("n: u16; nulls: bitmap(n, offset = 9);");
        assertEquals(new WireType.Bitmap(intField("n"), 9), field(layout, "nulls").type());
        assertEquals(2 + 2, layout.minSize());
    }
}
