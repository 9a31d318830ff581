package io.sqlxwire.idl.format;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.ast.WireFile;
import java.util.List;

/**
 * Prints a file's declarations in source order with a blank line between them. Runs of one-line
 * declarations of the same kind (imports, options, directions, transforms) stay together, the way
 * the shipped descriptions group them.
 */
final class DeclPrinter {

    private final SourceWriter out;
    private final TypePrinter types;
    private final MemberPrinter members;
    private final ConversationPrinter conversation;

    DeclPrinter(SourceWriter out) {
        this.out = out;
        this.types = new TypePrinter(out);
        this.members = new MemberPrinter(out, types);
        this.conversation = new ConversationPrinter(out, types, members);
    }

    void file(WireFile file) {
        Decl previous = null;
        for (Decl decl : file.declarations()) {
            if (previous != null && !(isOneLiner(decl) && decl.getClass() == previous.getClass())) {
                out.blankLine();
            }
            declaration(decl);
            previous = decl;
        }
    }

    private static boolean isOneLiner(Decl decl) {
        return decl instanceof Decl.Import || decl instanceof Decl.Option
                || decl instanceof Decl.Direction || decl instanceof Decl.Transform;
    }

    private void declaration(Decl decl) {
        if (decl instanceof Decl.Protocol d) {
            out.doc(d.doc());
            out.line("protocol " + d.name().text() + ";");
        } else if (decl instanceof Decl.Import d) {
            out.line("import " + Literals.string(d.path()) + ";");
        } else if (decl instanceof Decl.Option d) {
            out.line("option " + d.name().text() + " = " + ExprPrinter.print(d.value()) + ";");
        } else if (decl instanceof Decl.Direction d) {
            out.doc(d.doc());
            out.line("direction " + d.name().text() + " from " + d.sender().text() + ";");
        } else if (decl instanceof Decl.Transform d) {
            out.doc(d.doc());
            out.line("transform " + d.name().text() + ";");
        } else if (decl instanceof Decl.Enum d) {
            out.doc(d.doc());
            constants("enum", d.name().text(), d.base(), d.constants());
        } else if (decl instanceof Decl.Flags d) {
            out.doc(d.doc());
            constants("flags", d.name().text(), d.base(), d.constants());
        } else if (decl instanceof Decl.Struct d) {
            out.doc(d.doc());
            out.text("struct " + d.name().text());
            members.parameters(d.parameters());
            members.body(d.members());
        } else if (decl instanceof Decl.Message d) {
            out.doc(d.doc());
            message(d);
        } else if (decl instanceof Decl.Session d) {
            session(d);
        } else if (decl instanceof Decl.Framing d) {
            out.doc(d.doc());
            conversation.framing(d);
        } else if (decl instanceof Decl.Machine d) {
            out.doc(d.doc());
            conversation.machine(d);
        } else if (decl instanceof Decl.Signature d) {
            out.doc(d.doc());
            conversation.signature(d);
        } else {
            throw new IllegalArgumentException("unknown declaration " + decl);
        }
    }

    private void constants(String keyword, String name, TypeRef base, List<Decl.Constant> constants) {
        out.text(keyword + " " + name + ": ");
        types.print(base);
        out.block(constants.isEmpty(), () -> constants.forEach(constant -> {
            out.doc(constant.doc());
            out.line(constant.name().text() + " = " + ExprPrinter.print(constant.value()) + ";");
        }));
    }

    private void message(Decl.Message message) {
        out.text("message " + message.name().text());
        members.parameters(message.parameters());
        out.text(": " + message.direction().text());
        if (message.via() != null) {
            out.text(" via " + message.via().text());
        }
        if (message.tag() != null) {
            out.text(" tag " + ExprPrinter.print(message.tag()));
        }
        if (message.when() != null) {
            out.text(" when " + ExprPrinter.print(message.when()));
        }
        members.body(message.members());
    }

    private void session(Decl.Session session) {
        out.text("session");
        out.block(session.variables().isEmpty(), () -> session.variables().forEach(variable -> {
            out.doc(variable.doc());
            out.text(variable.name().text() + ": ");
            types.print(variable.type());
            if (variable.initial() != null) {
                out.text(" = " + ExprPrinter.print(variable.initial()));
            }
            out.text(";").endLine();
        }));
    }
}
