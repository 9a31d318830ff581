package io.sqlxwire.idl.check;

import io.sqlxwire.idl.SourceLoader;
import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.parse.WireParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root file and everything it imports, parsed. Import cycles and missing files are reported at
 * the import that causes them; each file is parsed once however often it is imported.
 */
final class SourceSet {

    private final SourceLoader loader;
    private final Diagnostics diagnostics;
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, WireFile> files = new LinkedHashMap<>();
    private final Deque<String> importing = new ArrayDeque<>();

    private SourceSet(SourceLoader loader, Diagnostics diagnostics) {
        this.loader = loader;
        this.diagnostics = diagnostics;
    }

    /** Loads and parses {@code root} and its imports; empty when the root itself cannot be read. */
    static Optional<SourceSet> load(String root, SourceLoader loader, Diagnostics diagnostics) {
        SourceSet set = new SourceSet(loader, diagnostics);
        Optional<String> text = loader.load(root);
        if (text.isEmpty()) {
            diagnostics.error(new SourceSpan(root, 0, 0, 0, 0), "cannot read file " + root);
            return Optional.empty();
        }
        set.parse(root, text.get());
        return Optional.of(set);
    }

    private void parse(String path, String text) {
        texts.put(path, text);
        importing.push(path);
        WireFile file = WireParser.parse(path, text, diagnostics);
        files.put(path, file);
        for (Decl.Import imp : file.all(Decl.Import.class)) {
            String target = loader.resolve(path, imp.path());
            if (importing.contains(target)) {
                List<String> cycle = new ArrayList<>(importing);
                java.util.Collections.reverse(cycle);
                cycle = cycle.subList(cycle.indexOf(target), cycle.size());
                diagnostics.error(imp.span(), "import cycle: " + String.join(" -> ", cycle) + " -> " + target);
                continue;
            }
            if (files.containsKey(target)) {
                continue;
            }
            Optional<String> imported = loader.load(target);
            if (imported.isEmpty()) {
                diagnostics.error(imp.span(), "cannot find imported file \"" + imp.path() + "\" (looked for " + target + ")");
                continue;
            }
            parse(target, imported.get());
        }
        importing.pop();
    }

    String rootPath() {
        return files.keySet().iterator().next();
    }

    WireFile root() {
        return files.values().iterator().next();
    }

    /** The imported files (not the root), in the order first imported. */
    List<WireFile> imported() {
        List<WireFile> all = new ArrayList<>(files.values());
        return all.subList(1, all.size());
    }

    Map<String, String> texts() {
        return texts;
    }
}
