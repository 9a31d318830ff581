package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.decoder.DecoderTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;

/**
 * A struct or message as its arbitrary sees it: what the record's {@code decode}/{@code encode}
 * need besides the bytes (parameters, the session) and whether it nests itself (a depth bound).
 */
public record RecordShape(String idlName, String doc, Layout layout, List<Parameter> parameters, boolean needsSession,
                          boolean recursive) {

    public static List<RecordShape> all(GenerationContext context) {
        List<RecordShape> shapes = new ArrayList<>();
        for (StructModel struct : context.model().structs()) {
            shapes.add(new RecordShape(struct.name(), struct.doc(), struct.layout(), struct.parameters(),
                    DecoderTypes.needsSession(context, struct.layout()), struct.recursive()));
        }
        for (MessageModel message : context.model().messages()) {
            shapes.add(new RecordShape(message.name(), message.doc(), message.layout(), message.parameters(),
                    DecoderTypes.needsSession(context, message.layout()), false));
        }
        return shapes;
    }

    public ClassName recordClass(GenerationContext context) {
        return JavaValueTypes.recordClass(context, idlName);
    }

    /** Whether decoding needs anything besides the bytes. */
    public boolean needsContext() {
        return !parameters.isEmpty() || needsSession;
    }

    /** The parameters as the record's {@code decode} takes them (raw numbers and booleans), in order. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (Parameter parameter : parameters) {
            specs.add(ParameterSpec.builder(parameterType(parameter), Naming.member(parameter.name())).build());
        }
        return specs;
    }

    public static TypeName parameterType(Parameter parameter) {
        return parameter.type() instanceof WireType.Bool ? TypeName.BOOLEAN : JavaValueTypes.rawNumber(parameter.type());
    }
}
