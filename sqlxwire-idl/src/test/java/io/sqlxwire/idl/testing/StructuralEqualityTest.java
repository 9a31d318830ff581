package io.sqlxwire.idl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.diag.SourceSpan;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructuralEqualityTest {

    private static final SourceSpan HERE = new SourceSpan("a.wire", 1, 1, 0, 3);
    private static final SourceSpan THERE = new SourceSpan("b.wire", 7, 9, 40, 52);

    @Test
    void treesThatDifferOnlyInSpansAreEqual() {
        Expr left = new Expr.Binary("+", name("a", HERE), new Expr.IntLit(BigInteger.ONE, "1", HERE), HERE);
        Expr right = new Expr.Binary("+", name("a", THERE), new Expr.IntLit(BigInteger.ONE, "1", THERE), THERE);

        assertEquals(Optional.empty(), StructuralEquality.difference(left, right));
    }

    @Test
    void reportsThePathToTheFirstDifference() {
        Expr left = new Expr.Binary("+", name("a", HERE), name("b", HERE), HERE);
        Expr right = new Expr.Binary("+", name("a", HERE), name("c", HERE), HERE);

        String difference = StructuralEquality.difference(left, right).orElseThrow();

        assertTrue(difference.startsWith("Binary.right.name.text: expected b but was c"), difference);
    }

    @Test
    void reportsADifferentKindOfNode() {
        Expr left = new Expr.Unary("-", name("a", HERE), HERE);
        Expr right = new Expr.Unary("-", new Expr.NullLit(HERE), HERE);

        String difference = StructuralEquality.difference(left, right).orElseThrow();

        assertTrue(difference.startsWith("Unary.operand: expected a io.sqlxwire.idl.ast.Expr$NameRef"), difference);
    }

    @Test
    void comparesListsElementByElementAndThenBySize() {
        assertEquals("list[1]: expected 2 but was 3",
                StructuralEquality.difference(List.of(1, 2), List.of(1, 3)).orElseThrow());
        assertTrue(StructuralEquality.difference(List.of(1, 2), List.of(1, 2, 3)).orElseThrow()
                .startsWith("list: expected 2 elements but was 3"));
    }

    @Test
    void comparesMapsAndOptionalsDeeply() {
        record Holder(Map<String, Expr> byName, Optional<Expr> maybe) {}
        Holder left = new Holder(Map.of("x", name("a", HERE)), Optional.of(name("b", HERE)));
        Holder same = new Holder(Map.of("x", name("a", THERE)), Optional.of(name("b", THERE)));
        Holder otherOptional = new Holder(Map.of("x", name("a", THERE)), Optional.empty());

        assertEquals(Optional.empty(), StructuralEquality.difference(left, same));
        assertTrue(StructuralEquality.difference(left, otherOptional).orElseThrow().startsWith("Holder.maybe:"));
    }

    @Test
    void assertionFailsWithThePath() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> StructuralEquality.assertStructurallyEqual(name("a", HERE), name("b", HERE)));

        assertTrue(error.getMessage().contains("NameRef.name.text"), error.getMessage());
    }

    private static Expr name(String text, SourceSpan span) {
        return new Expr.NameRef(new Name(text, span), span);
    }
}
