package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.decoder.UnionArms;
import io.sqlxwire.codegen.java.record.RecordComponents;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Values that "end open": their last part is a {@code rest} with no {@code size(...)} around it, so
 * on decoding it takes every byte up to the end of the enclosing region (TDS's {@code _ => bytes
 * rest} token case). Such a value only round-trips where nothing follows it in that region: as the
 * last element of a list, or in the last field. This class writes the Java test of whether a
 * generated value ends open, and one {@code <struct>EndsOpen} helper per struct that may.
 */
final class OpenEnds {

    /** The test of a value that always ends open. */
    static final CodeBlock ALWAYS = CodeBlock.of("true");

    private final GenerationContext context;
    private final Map<String, Boolean> structMayEndOpen = new HashMap<>();

    OpenEnds(GenerationContext context) {
        this.context = context;
    }

    /**
     * A Java boolean over {@code value} (of the record type of {@code type}) that holds when the
     * value ends open: {@link #ALWAYS}, or {@code null} when no value of the type does.
     */
    CodeBlock test(WireType type, CodeBlock value) {
        if (type instanceof WireType.Bytes || type instanceof WireType.Text) {
            return JavaValueTypes.extentOf(type) instanceof Extent.Rest ? ALWAYS : null;
        }
        if (type instanceof WireType.Array array) {
            if (array.count() instanceof Extent.Rest) {
                return ALWAYS;
            }
            if (array.count() instanceof Extent.Terminated) {
                return null; // the terminator closes it
            }
            CodeBlock last = test(array.element(), CodeBlock.of("$L.get($L.size() - 1)", value, value));
            return last == null ? null : CodeBlock.of("(!$L.isEmpty() && $L)", value, last);
        }
        if (type instanceof WireType.StructRef ref && mayEndOpen(ref.name())) {
            return CodeBlock.of("$L($L)", method(ref.name()), value);
        }
        return null;
    }

    /** Whether some value of the struct ends open. */
    boolean mayEndOpen(String struct) {
        Boolean known = structMayEndOpen.get(struct);
        if (known != null) {
            return known;
        }
        structMayEndOpen.put(struct, false); // a struct nesting itself ends open only through another path
        StructModel model = context.model().struct(struct).orElseThrow();
        boolean open = false;
        for (Field field : model.layout().fields()) {
            if (endsOpen(model.name(), field, CodeBlock.of("value")) != null) {
                open = true;
            }
        }
        structMayEndOpen.put(struct, open);
        return open;
    }

    /** The {@code <struct>EndsOpen} helpers of every struct that may end open. */
    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        for (StructModel struct : context.model().structs()) {
            if (!mayEndOpen(struct.name())) {
                continue;
            }
            List<CodeBlock> cases = new ArrayList<>();
            for (Field field : struct.layout().fields()) {
                CodeBlock test = endsOpen(struct.name(), field, CodeBlock.of("value"));
                if (test != null) {
                    cases.add(test);
                }
            }
            methods.add(MethodSpec.methodBuilder(method(struct.name())).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addJavadoc("Whether the value ends with a {@code rest} that reads to the end of its region.\n")
                    .returns(TypeName.BOOLEAN)
                    .addParameter(JavaValueTypes.recordClass(context, struct.name()), "value")
                    .addStatement("return $L", CodeBlock.join(cases, "\n|| ")).build());
        }
        return methods;
    }

    /**
     * The test of one field of a record ({@code owner.field()}), or {@code null}: a field read
     * within its own {@code size(...)} or at a position never ends its owner.
     */
    CodeBlock endsOpen(String ownerIdlName, Field field, CodeBlock owner) {
        if (!field.isUserSupplied() || field.regionSize() != null || field.position() != null) {
            return null;
        }
        CodeBlock value = CodeBlock.of("$L.$L()", owner, accessor(ownerIdlName, field));
        CodeBlock test = field.type() instanceof WireType.Union union ? union(ownerIdlName, field, union, value)
                : test(field.type(), value);
        if (test == null || !field.isOptional()) {
            return test;
        }
        return test == ALWAYS ? CodeBlock.of("$L != null", value) : CodeBlock.of("($L != null && $L)", value, test);
    }

    /** The union value is an arm whose value ends open. */
    CodeBlock union(String ownerIdlName, Field field, WireType.Union union, CodeBlock value) {
        ClassName face = JavaValueTypes.unionInterface(context, ownerIdlName, field.name());
        List<String> names = new ArrayList<>(UnionArms.names(context, union));
        List<UnionArm> arms = new ArrayList<>(union.arms());
        if (union.fallback() != null) {
            names.add(UnionArms.FALLBACK);
            arms.add(union.fallback());
        }
        List<CodeBlock> open = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < arms.size(); i++) {
            if (arms.get(i).type() instanceof WireType.Empty || !seen.add(names.get(i))) {
                continue;
            }
            ClassName arm = face.nestedClass(names.get(i));
            CodeBlock armTest = test(arms.get(i).type(), CodeBlock.of("(($T) $L).value()", arm, value));
            if (armTest == ALWAYS) {
                open.add(CodeBlock.of("$L instanceof $T", value, arm));
            } else if (armTest != null) {
                open.add(CodeBlock.of("($L instanceof $T && $L)", value, arm, armTest));
            }
        }
        return open.isEmpty() ? null : CodeBlock.of("($L)", CodeBlock.join(open, " || "));
    }

    private String accessor(String ownerIdlName, Field field) {
        for (RecordComponents.Component component : RecordComponents.of(context, ownerIdlName,
                ownerLayout(ownerIdlName))) {
            if (component.member() == field) {
                return component.name();
            }
        }
        return Naming.member(field.name());
    }

    private io.sqlxwire.idl.model.Layout ownerLayout(String ownerIdlName) {
        return context.model().struct(ownerIdlName).map(StructModel::layout)
                .orElseGet(() -> context.model().messages().stream().filter(m -> m.name().equals(ownerIdlName))
                        .findFirst().orElseThrow().layout());
    }

    static String method(String structIdlName) {
        return Naming.member(structIdlName) + "EndsOpen";
    }
}
