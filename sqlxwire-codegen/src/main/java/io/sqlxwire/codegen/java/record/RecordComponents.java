package io.sqlxwire.codegen.java.record;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;

/**
 * The components of a value record: user-supplied fields and joined lets, in wire order (CODEGEN.md).
 * Constants, padding, checksums and derived lengths, counts, offsets and parts are computed, so
 * they are not components.
 */
public final class RecordComponents {

    /**
     * @param member the field or joined let it comes from
     * @param type   its Java type (boxed when the value may be absent or NULL)
     */
    public record Component(String name, TypeName type, Member member) {
        public boolean isField() {
            return member instanceof Field;
        }
    }

    private RecordComponents() {}

    /**
     * A component's name: the member name, or with a trailing underscore when the record's own
     * {@code encode()} has it (the other record methods take arguments or are static).
     */
    public static String name(String idlName) {
        String name = Naming.member(idlName);
        return name.equals("encode") ? name + "_" : name;
    }

    public static List<Component> of(GenerationContext context, String ownerIdlName, Layout layout) {
        List<Component> components = new ArrayList<>();
        for (Member member : layout.members()) {
            if (member instanceof Field field) {
                if (!field.isUserSupplied() || field.isAnonymous() || field.type() instanceof WireType.Empty
                        || field.type() instanceof WireType.Padding) {
                    continue;
                }
                TypeName type = fieldType(context, ownerIdlName, field);
                components.add(new Component(name(field.name()), type, field));
            } else if (member instanceof Let let && let.isJoin()) {
                TypeName type = let.type().kind() == ExprType.Kind.FLAGS || let.type().kind() == ExprType.Kind.ENUM
                        ? JavaValueTypes.enumClass(context, let.type().name()) : TypeName.LONG;
                components.add(new Component(name(let.name()), type, let));
            }
        }
        return components;
    }

    private static TypeName fieldType(GenerationContext context, String ownerIdlName, Field field) {
        TypeName type = field.type() instanceof WireType.Union
                ? JavaValueTypes.unionInterface(context, ownerIdlName, field.name())
                : JavaValueTypes.recordType(context, field.type());
        if (type == null) {
            throw new IllegalStateException("no record type for " + field.type());
        }
        if (field.isOptional() || JavaValueTypes.isNullable(field.type())) {
            type = type.box();
        }
        return type;
    }

    /** Whether equality must compare array contents: a {@code byte[]} or a list of them. */
    public static boolean holdsBytes(TypeName type) {
        return type.equals(TypeName.get(byte[].class)) || isListOfBytes(type);
    }

    public static boolean isListOfBytes(TypeName type) {
        return type instanceof ParameterizedTypeName p && p.rawType().equals(ClassName.get(List.class))
                && p.typeArguments().get(0).equals(TypeName.get(byte[].class));
    }
}
