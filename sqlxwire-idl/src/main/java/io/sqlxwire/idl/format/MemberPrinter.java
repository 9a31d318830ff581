package io.sqlxwire.idl.format;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Member;
import java.util.List;

/** Prints the members of structs, messages and framing headers, and parameter lists. */
final class MemberPrinter {

    private final SourceWriter out;
    private final TypePrinter types;

    MemberPrinter(SourceWriter out, TypePrinter types) {
        this.out = out;
        this.types = types;
    }

    /** The braced member list that ends a struct, message or header line. */
    void body(List<Member> members) {
        out.block(members.isEmpty(), () -> members.forEach(this::member));
    }

    void member(Member member) {
        out.doc(member.doc());
        if (member instanceof Member.Field field) {
            field(field);
        } else if (member instanceof Member.Let let) {
            let(let);
        } else {
            throw new IllegalArgumentException("unknown member " + member);
        }
    }

    /** {@code (name: Type, ...)}, or nothing for a declaration without parameters. */
    void parameters(List<Decl.Parameter> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        out.text("(");
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                out.text(", ");
            }
            out.text(parameters.get(i).name().text() + ": ");
            types.print(parameters.get(i).type());
        }
        out.text(")");
    }

    private void field(Member.Field field) {
        out.text(field.name().text() + ": ");
        types.print(field.type());
        if (field.value() != null) {
            out.text(" = " + ExprPrinter.print(field.value()));
        }
        // The tree keeps one of each suffix, so a fixed order is the canonical one.
        if (field.condition() != null) {
            out.text(" if " + ExprPrinter.print(field.condition()));
        }
        if (field.size() != null) {
            out.text(" size(" + ExprPrinter.print(field.size()) + ")");
        }
        if (field.at() != null) {
            out.text(" at(" + ExprPrinter.print(field.at()) + ")");
        }
        if (field.transform() != null) {
            out.text(" transform(" + field.transform().text() + ")");
        }
        out.text(";").endLine();
    }

    private void let(Member.Let let) {
        out.text("let " + let.name().text());
        if (let.type() != null) {
            out.text(": ");
            types.print(let.type());
        }
        out.text(" = " + ExprPrinter.print(let.value()) + ";").endLine();
    }
}
