package io.sqlxwire.idl.model;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/**
 * A reusable struct.
 *
 * @param recursive whether it contains itself (directly or through other structs): decoders then
 *                  enforce the protocol's maximum nesting depth
 */
public record StructModel(String name, String doc, List<Parameter> parameters, Layout layout, boolean recursive,
                          SourceSpan span) {
    public StructModel {
        parameters = List.copyOf(parameters);
    }
}
