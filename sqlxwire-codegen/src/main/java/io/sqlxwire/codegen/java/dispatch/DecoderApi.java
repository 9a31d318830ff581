package io.sqlxwire.codegen.java.dispatch;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.decoder.DecoderNames;
import io.sqlxwire.codegen.java.decoder.DecoderTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.session.ExprWriter;
import io.sqlxwire.codegen.java.session.JExpr;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.WireType;
import java.util.List;

/**
 * The flyweight decoders as the conversation code uses them (CODEGEN.md "Flyweight decoders"), in
 * one place: the class of a message's decoder, whether its {@code wrap} takes the session, and how
 * an expression reads a decoded field or let through the accessors.
 */
public final class DecoderApi {

    private final GenerationContext context;

    public DecoderApi(GenerationContext context) {
        this.context = context;
    }

    public ClassName decoderClass(String typeName) {
        return JavaValueTypes.decoderClass(context, typeName);
    }

    /** Whether the message's decoder takes the session in {@code wrap}: the decoder generator decides. */
    public boolean wrapTakesSession(MessageModel message) {
        return DecoderTypes.needsSession(context, message.layout());
    }

    /** Names for expressions over a decoded message: its fields and lets through accessors of {@code decoder}. */
    public ExprWriter.Names messageNames(MessageModel message, CodeBlock decoder) {
        return new ExprWriter.Names() {
            @Override
            public JExpr field(List<String> path, ExprType type) {
                CodeBlock.Builder code = CodeBlock.builder().add("$L", decoder);
                Layout layout = message.layout();
                Member member = null;
                for (int i = 0; i < path.size(); i++) {
                    String name = path.get(i);
                    member = layout.member(name).orElseThrow(() -> new IllegalStateException("no member " + name));
                    code.add(".$L()", DecoderNames.accessor(name));
                    if (i + 1 < path.size()) {
                        layout = nestedLayout(member);
                    }
                }
                return new JExpr(code.build(), accessorType(member));
            }

            @Override
            public JExpr let(String name, ExprType type) {
                Member member = message.layout().member(name).orElseThrow();
                return new JExpr(CodeBlock.of("$L.$L()", decoder, DecoderNames.accessor(name)), accessorType(member));
            }
        };
    }

    private Layout nestedLayout(Member member) {
        if (member instanceof Field field && field.type() instanceof WireType.StructRef s) {
            StructModel struct = context.model().struct(s.name()).orElseThrow();
            return struct.layout();
        }
        throw ExprWriter.unsupported("a path through " + member.name() + ", which is no struct,");
    }

    /** What a decoder accessor returns for a numeric or boolean member (the type table of CODEGEN.md). */
    private TypeName accessorType(Member member) {
        if (member instanceof Let let) {
            return let.type().kind() == ExprType.Kind.BOOL ? TypeName.BOOLEAN : TypeName.LONG;
        }
        WireType type = ((Field) member).type();
        TypeName raw = JavaValueTypes.rawNumber(type);
        if (raw != null) {
            return raw;
        }
        throw ExprWriter.unsupported("member " + member.name() + " of type " + type.getClass().getSimpleName());
    }
}
