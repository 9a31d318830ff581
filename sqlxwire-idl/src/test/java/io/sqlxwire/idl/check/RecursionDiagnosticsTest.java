package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertClean;
import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Recursive structs must read a byte before containing themselves again, and must be able to stop. */
class RecursionDiagnosticsTest {

    @Test
    void recursionWithoutASizeBound() {
        CheckResult result = check("""
                struct Node { child: Node; }
                """);
        assertError(result, 1, 15, "recursive type Node without a size bound: it can contain itself without reading a byte "
                + "(Node -> Node)");
        assertUnderlines(result, "child: Node;");
    }

    @Test
    void recursionThroughARestArrayWithoutASizeBound() {
        CheckResult result = check("""
                struct Node { kids: Node[] rest; }
                """);
        assertError(result, 1, 15, "recursive type Node without a size bound: it can contain itself without reading a byte "
                + "(Node -> Node)");
    }

    @Test
    void mutualRecursionWithoutASizeBoundIsReportedOnce() {
        CheckResult result = check("""
                struct A { b: B if true; }
                struct B { a: A; }
                """);
        assertError(result, 1, 12, "recursive type A without a size bound: it can contain itself without reading a byte "
                + "(A -> B -> A)");
    }

    @Test
    void recursionWithNoBaseCase() {
        CheckResult result = check("""
                struct Node {
                    n: u8;
                    child: Node;
                }
                """);
        assertError(result, 3, 5, "recursive type Node has no base case: it always contains itself (Node -> Node); "
                + "make the inner use optional (if, a union arm, or an array that may be empty)");
    }

    @Test
    void recursionThroughACountedArrayIsSound() {
        CheckResult result = check("""
                struct Node { n: u8; kids: Node[n]; }
                """);
        assertClean(result);
    }
}
