package io.sqlxwire.idl.ast;

import java.util.List;

/**
 * The syntax tree of one {@code .wire} file: its declarations in source order.
 *
 * @param unparsed the names of declarations left out because they contain a syntax error; the
 *                 checker stays quiet about uses of them, since the error is already reported
 */
public record WireFile(String path, List<Decl> declarations, java.util.Set<String> unparsed) {
    public WireFile {
        declarations = List.copyOf(declarations);
        unparsed = java.util.Set.copyOf(unparsed);
    }

    public WireFile(String path, List<Decl> declarations) {
        this(path, declarations, java.util.Set.of());
    }

    public <T extends Decl> List<T> all(Class<T> kind) {
        return declarations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
