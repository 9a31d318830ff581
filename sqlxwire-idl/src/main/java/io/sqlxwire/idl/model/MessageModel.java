package io.sqlxwire.idl.model;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/**
 * A message of one direction's catalogue.
 *
 * @param tag  the framing tag value that selects it, or {@code null}
 * @param when the session condition that selects it among messages sharing a tag, or {@code null}
 */
public record MessageModel(String name, String doc, String direction, TypedExpr tag, TypedExpr when,
                           List<Parameter> parameters, Layout layout, SourceSpan span) {
    public MessageModel {
        parameters = List.copyOf(parameters);
    }
}
