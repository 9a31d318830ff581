package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks structs on first use, so a struct's fixed size is known wherever it is used. A struct met
 * again while it is being checked is recursive; such references get no fixed size, and
 * {@link RecursionChecker} later decides whether the recursion is sound.
 */
final class StructResolver {

    private final CheckContext ctx;
    private final Map<String, StructModel> done = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Map<String, List<Parameter>> parameters = new LinkedHashMap<>();
    private LayoutChecker layouts;

    StructResolver(CheckContext ctx) {
        this.ctx = ctx;
    }

    void useLayouts(LayoutChecker layouts) {
        this.layouts = layouts;
    }

    Optional<StructModel> resolved(String name) {
        return Optional.ofNullable(done.get(name));
    }

    Optional<StructModel> resolve(String name, SourceSpan usedAt) {
        StructModel model = done.get(name);
        if (model != null || inProgress.contains(name)) {
            return Optional.ofNullable(model);
        }
        if (!(ctx.symbols.types.get(name) instanceof Decl.Struct decl)) {
            return Optional.empty();
        }
        inProgress.add(name);
        try {
            List<Parameter> params = parameters(name);
            Scope scope = Scope.layout();
            for (Parameter p : params) {
                scope.define(p.name(), Scope.NameKind.PARAMETER, p.exprType(), p.type());
            }
            Layout layout = layouts.check(decl.members(), scope, "struct " + name);
            model = new StructModel(name, decl.doc(), params, layout, false, decl.span());
            done.put(name, model);
            return Optional.of(model);
        } finally {
            inProgress.remove(name);
        }
    }

    /** The checked parameters of a struct, available before its body is checked (for recursive uses). */
    List<Parameter> parameters(String name) {
        List<Parameter> cached = parameters.get(name);
        if (cached != null) {
            return cached;
        }
        if (!(ctx.symbols.types.get(name) instanceof Decl.Struct decl)) {
            return null;
        }
        List<Parameter> params = layouts.parameters(decl.parameters());
        parameters.put(name, params);
        return params;
    }

    long minSize(String name) {
        StructModel model = done.get(name);
        return model == null ? 0 : model.layout().minSize();
    }

    void resolveAll() {
        for (String name : new ArrayList<>(ctx.symbols.types.keySet())) {
            if (ctx.symbols.types.get(name) instanceof Decl.Struct s) {
                resolve(name, s.span());
            }
        }
    }

    /** All checked structs in declaration order. */
    List<StructModel> all() {
        List<StructModel> ordered = new ArrayList<>();
        for (String name : ctx.symbols.types.keySet()) {
            StructModel model = done.get(name);
            if (model != null) {
                ordered.add(model);
            }
        }
        return ordered;
    }
}
