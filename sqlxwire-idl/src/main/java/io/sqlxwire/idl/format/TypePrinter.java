package io.sqlxwire.idl.format;

import io.sqlxwire.idl.ast.SwitchArm;
import io.sqlxwire.idl.ast.TypeRef;
import java.util.stream.Collectors;

/** Prints type references; a union spans several lines, one arm per line, and ends on an open line. */
final class TypePrinter {

    private final SourceWriter out;

    TypePrinter(SourceWriter out) {
        this.out = out;
    }

    void print(TypeRef type) {
        if (type instanceof TypeRef.Named named) {
            named(named);
        } else if (type instanceof TypeRef.Switch union) {
            union(union);
        } else {
            throw new IllegalArgumentException("unknown type reference " + type);
        }
    }

    private void named(TypeRef.Named type) {
        out.text(type.name().text());
        if (type.hasArguments()) {
            out.text("(" + ExprPrinter.arguments(type.arguments()) + ")");
        }
        for (TypeRef.Suffix suffix : type.suffixes()) {
            suffix(suffix);
        }
    }

    private void suffix(TypeRef.Suffix suffix) {
        if (suffix instanceof TypeRef.Brackets s) {
            out.text("[" + (s.expr() == null ? "" : ExprPrinter.print(s.expr())) + "]");
        } else if (suffix instanceof TypeRef.Until s) {
            out.text(" until " + ExprPrinter.print(s.terminator()));
        } else if (suffix instanceof TypeRef.Rest) {
            out.text(" rest");
        } else if (suffix instanceof TypeRef.Prefix s) {
            out.text(" prefix(");
            print(s.lengthType());
            if (s.nullValue() != null) {
                out.text(", null = " + ExprPrinter.print(s.nullValue()));
            }
            out.text(")");
        } else {
            throw new IllegalArgumentException("unknown type suffix " + suffix);
        }
    }

    private void union(TypeRef.Switch union) {
        out.text("switch (" + ExprPrinter.print(union.subject()) + ") {");
        if (union.arms().isEmpty()) {
            out.text("}");
            return;
        }
        out.endLine();
        out.indent();
        for (SwitchArm arm : union.arms()) {
            arm(arm);
        }
        out.dedent();
        out.text("}");
    }

    private void arm(SwitchArm arm) {
        out.doc(arm.doc());
        out.text(arm.isFallback() ? "_" : arm.patterns().stream().map(TypePrinter::pattern).collect(Collectors.joining(", ")));
        if (arm.guard() != null) {
            out.text(" if " + ExprPrinter.print(arm.guard()));
        }
        out.text(" => ");
        print(arm.type());
        out.text(";").endLine();
    }

    private static String pattern(SwitchArm.Pattern pattern) {
        String low = ExprPrinter.print(pattern.low());
        return pattern.isRange() ? low + " .. " + ExprPrinter.print(pattern.high()) : low;
    }
}
