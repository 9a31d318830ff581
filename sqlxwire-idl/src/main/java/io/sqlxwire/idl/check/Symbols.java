package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every declared name, by namespace: types (enums, flags, structs and messages become Java classes,
 * so they share one namespace), directions, framings, transforms and session variables. Duplicates
 * and clashes with built-in type names are reported here, once, at the second declaration.
 */
final class Symbols {

    final Map<String, Decl> types = new LinkedHashMap<>();
    final Map<String, Decl.Direction> directions = new LinkedHashMap<>();
    final Map<String, Decl.Framing> framings = new LinkedHashMap<>();
    final Map<String, Decl.Transform> transforms = new LinkedHashMap<>();
    final Map<String, Decl.SessionVar> sessionVariables = new LinkedHashMap<>();
    /** Names of declarations that did not parse: uses of them are not reported again. */
    final java.util.Set<String> unparsed = new java.util.HashSet<>();
    private final Diagnostics diagnostics;

    Symbols(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Declarations an imported library contributes: shared types and transforms only. */
    void addImported(WireFile file) {
        unparsed.addAll(file.unparsed());
        for (Decl decl : file.declarations()) {
            if (!addShareable(decl) && !(decl instanceof Decl.Import) && !(decl instanceof Decl.Option)) {
                diagnostics.error(decl.span(), "an imported file may only declare enums, flags, structs and transforms; "
                        + "this " + kindOf(decl) + " belongs in the protocol's own file");
            }
        }
    }

    void addRoot(WireFile file) {
        unparsed.addAll(file.unparsed());
        for (Decl decl : file.declarations()) {
            if (addShareable(decl)) {
                continue;
            }
            if (decl instanceof Decl.Message m) {
                addType(m.name(), m);
            } else if (decl instanceof Decl.Direction d) {
                add(directions, d.name(), d, "direction");
            } else if (decl instanceof Decl.Framing f) {
                add(framings, f.name(), f, "framing");
            } else if (decl instanceof Decl.Session s) {
                for (Decl.SessionVar v : s.variables()) {
                    add(sessionVariables, v.name(), v, "session variable");
                }
            }
        }
    }

    /** Registers what a library may share (enums, flags, structs, transforms); false for anything else. */
    private boolean addShareable(Decl decl) {
        if (decl instanceof Decl.Enum e) {
            addType(e.name(), e);
        } else if (decl instanceof Decl.Flags f) {
            addType(f.name(), f);
        } else if (decl instanceof Decl.Struct s) {
            addType(s.name(), s);
        } else if (decl instanceof Decl.Transform t) {
            add(transforms, t.name(), t, "transform");
        } else {
            return false;
        }
        return true;
    }

    private void addType(Name name, Decl decl) {
        if (BuiltinTypes.isBuiltin(name.text())) {
            diagnostics.error(name.span(), "'" + name.text() + "' is a built-in type and cannot be declared again");
            return;
        }
        add(types, name, decl, kindOf(decl));
    }

    private <T> void add(Map<String, T> table, Name name, T decl, String kind) {
        T existing = table.get(name.text());
        if (existing != null) {
            diagnostics.error(name.span(), "duplicate name '" + name.text() + "': " + CheckContext.withArticle(kindOf(existing))
                    + " of that name is declared at " + CheckContext.where(name.span(), spanOf(existing)));
            return;
        }
        table.put(name.text(), decl);
    }

    static String kindOf(Object decl) {
        if (decl instanceof Decl.Enum) {
            return "enum";
        } else if (decl instanceof Decl.Flags) {
            return "flags";
        } else if (decl instanceof Decl.Struct) {
            return "struct";
        } else if (decl instanceof Decl.Message) {
            return "message";
        } else if (decl instanceof Decl.Direction) {
            return "direction";
        } else if (decl instanceof Decl.Framing) {
            return "framing";
        } else if (decl instanceof Decl.Transform) {
            return "transform";
        } else if (decl instanceof Decl.SessionVar) {
            return "session variable";
        } else if (decl instanceof Decl.Machine) {
            return "machine";
        } else if (decl instanceof Decl.Signature) {
            return "signature";
        } else if (decl instanceof Decl.Session) {
            return "session";
        } else if (decl instanceof Decl.Protocol) {
            return "protocol";
        }
        return "declaration";
    }

    private static io.sqlxwire.idl.diag.SourceSpan spanOf(Object decl) {
        if (decl instanceof Decl.SessionVar v) {
            return v.span();
        }
        return ((Decl) decl).span();
    }
}
