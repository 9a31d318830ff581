package io.sqlxwire.idl.ast;

import java.util.List;

/** The syntax tree of one {@code .wire} file: its declarations in source order. */
public record WireFile(String path, List<Decl> declarations) {
    public WireFile {
        declarations = List.copyOf(declarations);
    }

    public <T extends Decl> List<T> all(Class<T> kind) {
        return declarations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
