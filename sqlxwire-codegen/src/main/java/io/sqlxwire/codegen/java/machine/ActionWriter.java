package io.sqlxwire.codegen.java.machine;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.dispatch.DecoderApi;
import io.sqlxwire.codegen.java.session.ExprWriter;
import io.sqlxwire.codegen.java.session.JExpr;
import io.sqlxwire.codegen.java.session.SessionTypes;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;

/**
 * Writes a transition's {@code set} actions as statements on the session: assignments (enums and
 * flags wrapped in their value types), additions, appends to list variables and {@code = []}
 * clears. The values read the arrived message through its decoder {@code m}.
 */
public final class ActionWriter {

    private final GenerationContext context;
    private final SessionTypes types;
    private final DecoderApi decoders;

    public ActionWriter(GenerationContext context) {
        this.context = context;
        this.types = new SessionTypes(context);
        this.decoders = new DecoderApi(context);
    }

    public CodeBlock write(MachineModel.Action action, MessageModel message) {
        SessionVariable variable = context.model().session().stream().filter(v -> v.name().equals(action.variable()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session variable " + action.variable()));
        String target = "session." + Naming.member(variable.name());
        ExprWriter exprs = new ExprWriter(context, decoders.messageNames(message, CodeBlock.of("m")));
        TypedExpr value = action.value();
        switch (action.op()) {
            case ASSIGN:
                if (value instanceof TypedExpr.EmptyList) {
                    return CodeBlock.of("$L.clear();\n", target);
                }
                return CodeBlock.of("$L = $L;\n", target, converted(variable.type(), value, exprs));
            case ADD:
                if (SessionTypes.rawAccessor(variable.type()) != null) {
                    throw new UnsupportedOperationException("'+=' on enum or flags variable " + variable.name());
                }
                return CodeBlock.of("$L += $L;\n", target, exprs.write(value).code());
            default:
                WireType element = ((WireType.ListOf) variable.type()).element();
                TypeName raw = types.listElementRaw(element);
                if (raw != null) {
                    // IntList/LongList: the raw number (an enum's value, a flag set's bits).
                    return CodeBlock.of("$L.add($L);\n", target, exprs.write(value).as(raw));
                }
                if (SessionTypes.rawAccessor(element) == null && !(element instanceof WireType.Bool)) {
                    TypeName boxed = types.javaType(element);
                    // A list of Long takes a long, not an int: box exactly the element type.
                    return CodeBlock.of("$L.add($L);\n", target, exprs.write(value).exactly(boxed.isBoxedPrimitive()
                            ? boxed.unbox() : boxed));
                }
                return CodeBlock.of("$L.add($L);\n", target, converted(element, value, exprs));
        }
    }

    /** The value as the variable's Java type: enums through {@code of}, flags through their constructor. */
    private CodeBlock converted(WireType type, TypedExpr value, ExprWriter exprs) {
        if (type instanceof WireType.EnumRef e) {
            ClassName valueClass = types.valueClass(e.name());
            if (value instanceof TypedExpr.NamedConst n && n.owner().equals(e.name())) {
                return CodeBlock.of("$T.$L", valueClass, Naming.constant(n.constant()));
            }
            return CodeBlock.of("$T.of($L)", valueClass, exprs.write(value).as(types.rawType(e.name())));
        }
        if (type instanceof WireType.FlagsRef f) {
            return CodeBlock.of("new $T($L)", types.valueClass(f.name()), exprs.write(value).as(types.rawType(f.name())));
        }
        if (type instanceof WireType.Bool) {
            return exprs.condition(value);
        }
        JExpr written = exprs.write(value);
        TypeName javaType = types.javaType(type);
        return written.as(javaType.isBoxedPrimitive() ? javaType.unbox() : javaType);
    }
}
