package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;
import java.math.BigInteger;
import java.util.List;

/** An expression as written: sizes, counts, conditions, constants, switch subjects and patterns. */
public sealed interface Expr {

    SourceSpan span();

    /** An integer literal in decimal, hexadecimal or binary; kept exact so range checks are exact. */
    record IntLit(BigInteger value, String text, SourceSpan span) implements Expr {}

    /** A character literal such as {@code 'Q'}: the byte value of one ASCII character. */
    record CharLit(int value, String text, SourceSpan span) implements Expr {}

    /** A string literal with its escapes resolved. */
    record StringLit(String value, SourceSpan span) implements Expr {}

    /** A byte-string literal {@code x"00 03 00 00"}, kept as lower-case hex without spaces. */
    record BytesLit(String hex, SourceSpan span) implements Expr {}

    record BoolLit(boolean value, SourceSpan span) implements Expr {}

    record NullLit(SourceSpan span) implements Expr {}

    /** {@code []}: an empty list, to clear a list session variable. */
    record EmptyList(SourceSpan span) implements Expr {}

    /** A bare name: a field, parameter, let, session variable, enum or flag constant, or a built-in. */
    record NameRef(Name name, SourceSpan span) implements Expr {}

    /** {@code target.member}: a field of a struct value, a session variable, or an enum constant. */
    record Member(Expr target, Name member, SourceSpan span) implements Expr {}

    record Index(Expr target, Expr index, SourceSpan span) implements Expr {}

    record Unary(String op, Expr operand, SourceSpan span) implements Expr {}

    record Binary(String op, Expr left, Expr right, SourceSpan span) implements Expr {}

    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, SourceSpan span) implements Expr {}

    /** A call of a built-in function: {@code min}, {@code max}, {@code peek}, {@code crc32}, ... */
    record Call(Name function, List<Argument> arguments, SourceSpan span) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
