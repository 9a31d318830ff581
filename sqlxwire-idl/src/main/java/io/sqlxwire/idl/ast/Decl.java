package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/** A top-level declaration of a {@code .wire} file, in source order. */
public sealed interface Decl {

    SourceSpan span();

    /** {@code protocol postgresql;} names the dialect; a file without it only declares shared types. */
    record Protocol(Name name, String doc, SourceSpan span) implements Decl {}

    /** {@code import "common.wire";}: the path is relative to the importing file. */
    record Import(String path, SourceSpan span) implements Decl {}

    /** {@code option byte_order = big;}, {@code option java_package = "...";}. */
    record Option(Name name, Expr value, SourceSpan span) implements Decl {}

    /** {@code direction frontend from client;}: a message catalogue and who sends it. */
    record Direction(Name name, Name sender, String doc, SourceSpan span) implements Decl {}

    /** {@code transform tds_password;}: a named hand-written transform (the documented escape hatch). */
    record Transform(Name name, String doc, SourceSpan span) implements Decl {}

    /** An open enumeration: unknown values decode and re-encode unchanged. */
    record Enum(Name name, String doc, TypeRef base, List<Constant> constants, SourceSpan span) implements Decl {
        public Enum {
            constants = List.copyOf(constants);
        }
    }

    /** A set of named bit masks over an integer. */
    record Flags(Name name, String doc, TypeRef base, List<Constant> constants, SourceSpan span) implements Decl {
        public Flags {
            constants = List.copyOf(constants);
        }
    }

    record Constant(Name name, String doc, Expr value, SourceSpan span) {}

    record Struct(Name name, String doc, List<Parameter> parameters, List<Member> members, SourceSpan span)
            implements Decl {
        public Struct {
            parameters = List.copyOf(parameters);
            members = List.copyOf(members);
        }
    }

    /**
     * A message of a direction's catalogue.
     *
     * @param via  the framing it travels in ({@code via single_byte}), or {@code null} for any of its direction's
     * @param tag  the value of the framing's tag field that identifies it ({@code tag 'Q'}), or {@code null}
     * @param when an extra condition that selects it among messages with the same tag
     */
    record Message(Name name, String doc, List<Parameter> parameters, Name direction, Name via, Expr tag, Expr when,
                   List<Member> members, SourceSpan span) implements Decl {
        public Message {
            parameters = List.copyOf(parameters);
            members = List.copyOf(members);
        }
    }

    record Parameter(Name name, TypeRef type, SourceSpan span) {}

    /** The per-connection variables that messages and transitions read and record. */
    record Session(List<SessionVar> variables, SourceSpan span) implements Decl {
        public Session {
            variables = List.copyOf(variables);
        }
    }

    record SessionVar(Name name, String doc, TypeRef type, Expr initial, SourceSpan span) {}

    record Framing(Name name, String doc, List<FramingItem> items, SourceSpan span) implements Decl {
        public Framing {
            items = List.copyOf(items);
        }
    }

    record Machine(List<MachineItem> items, String doc, SourceSpan span) implements Decl {
        public Machine {
            items = List.copyOf(items);
        }
    }

    /** A detection signature: how the first bytes of a connection reveal this protocol. */
    record Signature(Name name, String doc, Name sender, List<SignatureItem> items, SourceSpan span)
            implements Decl {
        public Signature {
            items = List.copyOf(items);
        }
    }
}
