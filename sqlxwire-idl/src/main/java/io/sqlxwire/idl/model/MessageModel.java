package io.sqlxwire.idl.model;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/**
 * A message of one direction's catalogue.
 *
 * @param framing    the framing it travels in when it names one ({@code via}), or {@code null}
 * @param tag        the framing tag value that selects it, or {@code null}
 * @param when       the condition (on session variables and a peek at the frame) that selects it among
 *                   messages sharing a tag, or {@code null}
 * @param parameters values taken from the framing header fields of the same names
 */
public record MessageModel(String name, String doc, String direction, String framing, TypedExpr tag, TypedExpr when,
                           List<Parameter> parameters, Layout layout, SourceSpan span) {
    public MessageModel {
        parameters = List.copyOf(parameters);
    }
}
