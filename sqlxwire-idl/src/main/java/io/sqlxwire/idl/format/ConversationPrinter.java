package io.sqlxwire.idl.format;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.FramingItem;
import io.sqlxwire.idl.ast.MachineItem;
import io.sqlxwire.idl.ast.SignatureItem;

/** Prints what describes the conversation rather than the messages: framings, the machine, signatures. */
final class ConversationPrinter {

    private final SourceWriter out;
    private final TypePrinter types;
    private final MemberPrinter members;

    ConversationPrinter(SourceWriter out, TypePrinter types, MemberPrinter members) {
        this.out = out;
        this.types = types;
        this.members = members;
    }

    void framing(Decl.Framing framing) {
        out.text("framing " + framing.name().text());
        out.block(framing.items().isEmpty(), () -> framing.items().forEach(this::framingItem));
    }

    void machine(Decl.Machine machine) {
        out.text("machine");
        out.block(machine.items().isEmpty(), () -> machine.items().forEach(this::machineItem));
    }

    void signature(Decl.Signature signature) {
        out.text("signature " + signature.name().text() + " from " + signature.sender().text());
        out.block(signature.items().isEmpty(), () -> signature.items().forEach(this::signatureItem));
    }

    private void framingItem(FramingItem item) {
        if (item instanceof FramingItem.Header header) {
            out.text("header");
            members.body(header.members());
        } else if (item instanceof FramingItem.Tag tag) {
            out.line("tag " + tag.field().text() + ";");
        } else if (item instanceof FramingItem.Body body) {
            out.line("body " + ExprPrinter.print(body.size()) + ";");
        } else if (item instanceof FramingItem.Delimited delimited) {
            out.text("delimited ");
            types.print(delimited.type());
            out.text(";").endLine();
        } else if (item instanceof FramingItem.Max max) {
            out.line("max " + ExprPrinter.print(max.bytes()) + ";");
        } else if (item instanceof FramingItem.Continued continued) {
            out.line("continued if " + ExprPrinter.print(continued.condition()) + ";");
        } else if (item instanceof FramingItem.Sequence sequence) {
            out.line("sequence " + sequence.field().text() + ";");
        } else if (item instanceof FramingItem.Transform transform) {
            out.line("transform " + transform.transform().text() + ";");
        } else {
            throw new IllegalArgumentException("unknown framing item " + item);
        }
    }

    private void machineItem(MachineItem item) {
        if (item instanceof MachineItem.Initial initial) {
            out.line("initial " + initial.state().text() + ";");
        } else if (item instanceof MachineItem.State state) {
            out.doc(state.doc());
            out.text("state " + state.name().text());
            out.block(state.items().isEmpty(), () -> state.items().forEach(this::stateItem));
        } else {
            throw new IllegalArgumentException("unknown machine item " + item);
        }
    }

    private void stateItem(MachineItem.StateItem item) {
        if (item instanceof MachineItem.UseFraming use) {
            out.line("framing " + use.direction().text() + " " + use.framing().text() + ";");
        } else if (item instanceof MachineItem.Transition transition) {
            transition(transition);
        } else if (item instanceof MachineItem.Final) {
            out.line("final;");
        } else {
            throw new IllegalArgumentException("unknown state item " + item);
        }
    }

    private void transition(MachineItem.Transition transition) {
        out.text("on " + transition.direction().text() + " " + transition.message().text());
        if (transition.guard() != null) {
            out.text(" if " + ExprPrinter.print(transition.guard()));
        }
        if (transition.target() != null) {
            out.text(" -> " + transition.target().text());
        }
        if (transition.actions().isEmpty()) {
            // `{}` and `;` build the same tree; the semicolon is the shorter spelling.
            out.text(";").endLine();
            return;
        }
        out.block(false, () -> transition.actions().forEach(action ->
                out.line("set " + action.variable().text() + " " + action.operator() + " "
                        + ExprPrinter.print(action.value()) + ";")));
    }

    private void signatureItem(SignatureItem item) {
        if (item instanceof SignatureItem.Min min) {
            out.line("min " + ExprPrinter.print(min.bytes()) + ";");
        } else if (item instanceof SignatureItem.Match match) {
            out.text("at " + ExprPrinter.print(match.offset()) + " match " + ExprPrinter.print(match.bytes()));
            if (match.mask() != null) {
                out.text(" mask " + ExprPrinter.print(match.mask()));
            }
            out.text(";").endLine();
        } else if (item instanceof SignatureItem.Alpn alpn) {
            out.line("alpn " + Literals.string(alpn.protocol()) + ";");
        } else {
            throw new IllegalArgumentException("unknown signature item " + item);
        }
    }
}
