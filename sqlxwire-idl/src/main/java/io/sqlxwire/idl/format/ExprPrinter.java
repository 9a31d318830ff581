package io.sqlxwire.idl.format;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Expr;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints expressions on one line with the fewest parentheses that make the parser build the same
 * tree again. The precedence table mirrors the {@code expr} rule of Wire.g4, where bitwise operators
 * bind tighter than comparisons (unlike C) and the conditional operator is right-associative.
 */
final class ExprPrinter {

    // Binding strength, loosest first; one level per alternative group of the grammar's expr rule.
    private static final int CONDITIONAL = 1;
    private static final int OR = 2;
    private static final int AND = 3;
    private static final int EQUALITY = 4;
    private static final int RELATIONAL = 5;
    private static final int BIT_OR = 6;
    private static final int BIT_XOR = 7;
    private static final int BIT_AND = 8;
    private static final int SHIFT = 9;
    private static final int ADDITIVE = 10;
    private static final int MULTIPLICATIVE = 11;
    private static final int UNARY = 12;
    private static final int POSTFIX = 13;
    private static final int PRIMARY = 14;

    private ExprPrinter() {}

    static String print(Expr expr) {
        if (expr instanceof Expr.IntLit e) {
            return e.text();
        }
        if (expr instanceof Expr.CharLit e) {
            return Literals.character(e.value());
        }
        if (expr instanceof Expr.StringLit e) {
            return Literals.string(e.value());
        }
        if (expr instanceof Expr.BytesLit e) {
            return Literals.bytes(e.hex());
        }
        if (expr instanceof Expr.BoolLit e) {
            return e.value() ? "true" : "false";
        }
        if (expr instanceof Expr.NullLit) {
            return "null";
        }
        if (expr instanceof Expr.EmptyList) {
            return "[]";
        }
        if (expr instanceof Expr.NameRef e) {
            return e.name().text();
        }
        if (expr instanceof Expr.Member e) {
            return operand(e.target(), POSTFIX) + "." + e.member().text();
        }
        if (expr instanceof Expr.Index e) {
            return operand(e.target(), POSTFIX) + "[" + print(e.index()) + "]";
        }
        if (expr instanceof Expr.Unary e) {
            return e.op() + operand(e.operand(), UNARY);
        }
        if (expr instanceof Expr.Binary e) {
            int level = binaryLevel(e.op());
            // Binary operators are left-associative: an equal-level operand on the right needs parentheses.
            return operand(e.left(), level) + " " + e.op() + " " + operand(e.right(), level + 1);
        }
        if (expr instanceof Expr.Conditional e) {
            // Right-associative: only a conditional in condition position needs parentheses; the
            // middle operand is delimited by '?' and ':' and may be anything.
            return operand(e.condition(), CONDITIONAL + 1) + " ? " + print(e.whenTrue()) + " : "
                    + operand(e.whenFalse(), CONDITIONAL);
        }
        if (expr instanceof Expr.Call e) {
            return e.function().text() + "(" + arguments(e.arguments()) + ")";
        }
        throw new IllegalArgumentException("unknown expression " + expr);
    }

    /** {@code a, name = b}: arguments of a call or of a parameterised type. */
    static String arguments(List<Argument> arguments) {
        return arguments.stream()
                .map(a -> a.isNamed() ? a.name().text() + " = " + print(a.value()) : print(a.value()))
                .collect(Collectors.joining(", "));
    }

    /** Prints {@code expr} where the grammar requires at least {@code minimum} binding strength. */
    private static String operand(Expr expr, int minimum) {
        String text = print(expr);
        return level(expr) < minimum ? "(" + text + ")" : text;
    }

    private static int level(Expr expr) {
        if (expr instanceof Expr.Binary e) {
            return binaryLevel(e.op());
        }
        if (expr instanceof Expr.Conditional) {
            return CONDITIONAL;
        }
        if (expr instanceof Expr.Unary) {
            return UNARY;
        }
        if (expr instanceof Expr.Member || expr instanceof Expr.Index) {
            return POSTFIX;
        }
        return PRIMARY;
    }

    private static int binaryLevel(String op) {
        return switch (op) {
            case "||" -> OR;
            case "&&" -> AND;
            case "==", "!=" -> EQUALITY;
            case "<", "<=", ">", ">=", "has" -> RELATIONAL;
            case "|" -> BIT_OR;
            case "^" -> BIT_XOR;
            case "&" -> BIT_AND;
            case "<<", ">>" -> SHIFT;
            case "+", "-" -> ADDITIVE;
            case "*", "/", "%" -> MULTIPLICATIVE;
            default -> throw new IllegalArgumentException("unknown binary operator " + op);
        };
    }
}
