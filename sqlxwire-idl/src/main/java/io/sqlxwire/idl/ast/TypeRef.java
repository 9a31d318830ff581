package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/** A type as written at a field, parameter, session variable or enum base. */
public sealed interface TypeRef {

    SourceSpan span();

    /**
     * A named type with optional arguments and suffixes, e.g. {@code u32le}, {@code text(latin1) until 0},
     * {@code bytes prefix(i32, null = -1)}, {@code ErrorField[] until 0}, {@code ColumnValue(kind)[count]}.
     *
     * @param arguments {@code null} when written without parentheses, otherwise the arguments given
     */
    record Named(Name name, List<Argument> arguments, List<Suffix> suffixes, SourceSpan span) implements TypeRef {
        public Named {
            arguments = arguments == null ? null : List.copyOf(arguments);
            suffixes = List.copyOf(suffixes);
        }

        public boolean hasArguments() {
            return arguments != null;
        }
    }

    /** A union: {@code switch (subject) { pattern [if guard] => Type; ... _ => bytes rest; }}. */
    record Switch(Expr subject, List<SwitchArm> arms, SourceSpan span) implements TypeRef {
        public Switch {
            arms = List.copyOf(arms);
        }
    }

    /** What may follow a named type: a size or count in brackets, a terminator, "rest", or a prefix. */
    sealed interface Suffix {
        SourceSpan span();
    }

    /** {@code [expr]} or {@code []}: a byte size for byte-like types, otherwise an element count. */
    record Brackets(Expr expr, SourceSpan span) implements Suffix {}

    /** {@code until 0x00} / {@code until "\r\n"}: ends at (and consumes) a terminator. */
    record Until(Expr terminator, SourceSpan span) implements Suffix {}

    /** {@code rest}: takes everything up to the end of the enclosing size. */
    record Rest(SourceSpan span) implements Suffix {}

    /** {@code prefix(i32, null = -1)}: a length (or count) prefix, optionally with a NULL marker. */
    record Prefix(TypeRef lengthType, Expr nullValue, SourceSpan span) implements Suffix {}
}
