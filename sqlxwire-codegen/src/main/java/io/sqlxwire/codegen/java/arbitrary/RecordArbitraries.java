package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.record.RecordComponents;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The arbitrary of one record: its components generated in wire order, each from the values
 * before it where the layout says so (a condition decides presence, a field gives a later size or
 * selects a union case), as a {@code flatMap} chain; records whose components are independent are
 * combined directly. Union fields get a helper method that picks the case the subject selects.
 */
final class RecordArbitraries {

    static final ClassName ARBITRARY = ClassName.get("net.jqwik.api", "Arbitrary");
    static final ClassName COMBINATORS = ClassName.get("net.jqwik.api", "Combinators");

    private final GenerationContext context;
    private final RecordShape shape;
    private final List<MethodSpec> helpers = new ArrayList<>();

    RecordArbitraries(GenerationContext context, RecordShape shape) {
        this.context = context;
        this.shape = shape;
    }

    /** A generated component: its local name and the arbitrary of its value. */
    private record Step(String name, CodeBlock arbitrary, boolean dependent) {}

    /** The record's methods: the arbitrary itself, an overload without context when it takes some, union helpers. */
    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(main());
        if (shape.needsContext() || shape.recursive()) {
            methods.add(withoutContext());
        }
        methods.addAll(helpers);
        return methods;
    }

    private List<ParameterSpec> contextParameters() {
        List<ParameterSpec> parameters = new ArrayList<>(shape.parameterSpecs());
        if (shape.needsSession()) {
            parameters.add(ParameterSpec.builder(ArbitraryNames.sessionClass(context), "session").build());
        }
        if (shape.recursive()) {
            parameters.add(ParameterSpec.builder(TypeName.INT, "depth").build());
        }
        return parameters;
    }

    private TypeName arbitraryOf(TypeName type) {
        return ParameterizedTypeName.get(ARBITRARY, type.box());
    }

    private MethodSpec main() {
        ClassName record = shape.recordClass(context);
        MethodSpec.Builder method = MethodSpec.methodBuilder(ArbitraryNames.method(shape.idlName()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(arbitraryOf(record))
                .addParameters(contextParameters());
        method.addJavadoc("Values of {@code $L} that encode$L.\n", shape.idlName(),
                shape.needsContext() ? " with the given context" : "");
        if (shape.recursive()) {
            method.addJavadoc("\n@param depth nesting levels left: at 0 and below only cases that do not nest are chosen\n");
        }
        method.addStatement("return $L", body(record));
        return method.build();
    }

    /** {@code x()} for a record that needs context: the context is generated as well. */
    private MethodSpec withoutContext() {
        ClassName record = shape.recordClass(context);
        List<CodeBlock> contextArbitraries = ContextArbitraries.of(context, shape);
        List<String> names = ContextArbitraries.names(shape);
        List<CodeBlock> arguments = new ArrayList<>();
        names.forEach(n -> arguments.add(CodeBlock.of("$L", n)));
        if (shape.recursive()) {
            arguments.add(CodeBlock.of("$L", ArbitraryNames.MAX_DEPTH));
        }
        CodeBlock call = CodeBlock.of("$L($L)", ArbitraryNames.method(shape.idlName()), CodeBlock.join(arguments, ", "));
        CodeBlock body;
        if (contextArbitraries.isEmpty()) {
            body = call;
        } else if (contextArbitraries.size() == 1) {
            body = CodeBlock.of("$L.flatMap($L -> $L)", contextArbitraries.get(0), names.get(0), call);
        } else {
            body = CodeBlock.of("$T.combine($L)\n$>$>.flatAs(($L) -> $L)$<$<", COMBINATORS,
                    CodeBlock.join(contextArbitraries, ", "), String.join(", ", names), call);
        }
        return MethodSpec.methodBuilder(ArbitraryNames.method(shape.idlName()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(arbitraryOf(record))
                .addJavadoc("Values of {@code $L} that encode, each with a context of its own$L.\n", shape.idlName(),
                        shape.needsContext() ? " (use the overload with parameters to decode them again)" : "")
                .addStatement("return $L", body).build();
    }

    private CodeBlock body(ClassName record) {
        List<RecordComponents.Component> components = RecordComponents.of(context, shape.idlName(), shape.layout());
        Scope scope = new Scope(shape.needsSession(), false);
        ExpressionCode expressions = new ExpressionCode(context, scope);
        ValueArbitraries values = new ValueArbitraries(context, shape, expressions, derivedFields());
        Set<String> bounded = sizeFields();
        Map<String, Field> sizedBy = sizedBy(components);
        refuseUnhonoured(sizedBy);
        List<Step> steps = new ArrayList<>();
        List<CodeBlock> arguments = new ArrayList<>();
        for (RecordComponents.Component component : components) {
            Member member = component.member();
            String local = component.name();
            if (member instanceof Field field && sizedBy.containsKey(field.name())) {
                arguments.add(encodedSize(sizedBy.get(field.name()), field));
                continue;
            }
            scope.resetUse();
            CodeBlock arbitrary = member instanceof Let let ? joined(let)
                    : field((Field) member, component.type(), values, expressions, bounded);
            steps.add(new Step(local, arbitrary, scope.usedLocal()));
            arguments.add(CodeBlock.of("$L", local));
            scope.add(member.name(), local, member);
        }
        return chain(record, steps, arguments);
    }

    /**
     * Region sizes and positions read from user values are not generated consistently yet.
     * (Fields with a hand-written transform are generated as plain values: the transform is the
     * application's, installed in the registry before encoding.)
     */
    private void refuseUnhonoured(Map<String, Field> sizedBy) {
        for (Field field : shape.layout().fields()) {
            if (field.regionSize() != null && !sizedBy.containsValue(field) && readsUserValue(field.regionSize())) {
                throw new UnsupportedShapeException("the region size of " + field.name() + " reads a user-supplied value");
            }
            if (field.position() != null && readsUserValue(field.position())) {
                throw new UnsupportedShapeException("the position of " + field.name() + " reads a user-supplied value");
            }
        }
    }

    private boolean readsUserValue(TypedExpr expr) {
        return Exprs.fieldRefs(expr).stream().anyMatch(r -> shape.layout().field(r.path().get(0))
                .map(Field::isUserSupplied).orElse(true));
    }

    private CodeBlock chain(ClassName record, List<Step> steps, List<CodeBlock> arguments) {
        CodeBlock construct = CodeBlock.of("new $T($L)", record, CodeBlock.join(arguments, ", "));
        if (steps.isEmpty()) {
            return CodeBlock.of("$T.just($L)", ValueArbitraries.ARBITRARIES, construct);
        }
        List<String> names = steps.stream().map(Step::name).toList();
        if (steps.size() == 1) {
            return CodeBlock.of("$L\n$>$>.map($L -> $L)$<$<", steps.get(0).arbitrary(), names.get(0), construct);
        }
        boolean independent = steps.stream().noneMatch(Step::dependent);
        if (independent && steps.size() <= 8) {
            CodeBlock.Builder code = CodeBlock.builder().add("$T.combine(\n$>$>", COMBINATORS);
            for (int i = 0; i < steps.size(); i++) {
                code.add("$L$L\n", steps.get(i).arbitrary(), i + 1 < steps.size() ? "," : ")");
            }
            return code.add(".as(($L) -> $L)$<$<", String.join(", ", names), construct).build();
        }
        CodeBlock.Builder code = CodeBlock.builder().add("$L$>$>", steps.get(0).arbitrary());
        for (int i = 1; i < steps.size(); i++) {
            code.add("\n.flatMap($L -> $L", names.get(i - 1), steps.get(i).arbitrary());
        }
        code.add("\n.map($L -> $L)", names.get(names.size() - 1), construct);
        code.add("$L$<$<", ")".repeat(steps.size() - 1));
        return code.build();
    }

    private CodeBlock field(Field field, TypeName componentType, ValueArbitraries values, ExpressionCode expressions,
                            Set<String> bounded) {
        CodeBlock arbitrary;
        boolean closed = followed(field);
        if (field.type() instanceof WireType.Union union) {
            arbitrary = union(field, union, expressions);
            if (closed) {
                arbitrary = ValueArbitraries.closedOnly(arbitrary,
                        new OpenEnds(context).union(shape.idlName(), field, union, CodeBlock.of("candidate")));
            }
        } else if (bounded.contains(field.name())) {
            arbitrary = ValueArbitraries.smallInteger(field.type());
        } else {
            arbitrary = restricted(field, values.of(field.type(), !field.isOptional(), closed));
        }
        if (field.condition() != null && Exprs.leaves(field.condition()).stream().anyMatch(TypedExpr.Remaining.class::isInstance)) {
            arbitrary = takesBytes(field.type(), arbitrary);
        }
        if (field.condition() == null) {
            return arbitrary;
        }
        try {
            CodeBlock condition = expressions.condition(field.condition());
            return CodeBlock.of("($L ? $L : $T.<$T>just(null))", condition, arbitrary, ValueArbitraries.ARBITRARIES,
                    componentType.box());
        } catch (ExpressionCode.DerivedReference e) {
            // A condition on the field's own derived length or count (RESP "data: bytes[length] if length >= 0"):
            // the encoder derives it from a present value, and nothing tells it what an absent one
            // would write, so values are always present.
            Field derived = shape.layout().field(e.field).orElseThrow();
            if (!targets(derived.role(), field.name())) {
                throw new UnsupportedShapeException("a condition on the derived field " + e.field);
            }
            return arbitrary;
        }
    }

    /**
     * A field present only while bytes remain ({@code character_set: u16 if remaining > 0}) is
     * generated present (see {@link ExpressionCode#condition}); a present value that encodes to
     * no bytes would read back as absent, so text, byte strings and lists of free size are never
     * empty there.
     */
    private static CodeBlock takesBytes(WireType type, CodeBlock arbitrary) {
        if (!(type instanceof WireType.Array || type instanceof WireType.Text || type instanceof WireType.Bytes)) {
            return arbitrary;
        }
        Extent extent = type instanceof WireType.Array array ? array.count() : JavaValueTypes.extentOf(type);
        if (extent instanceof Extent.Prefixed || extent instanceof Extent.Terminated || extent instanceof Extent.Fixed) {
            return arbitrary;
        }
        if (type instanceof WireType.Text) {
            return CodeBlock.of("$L.filter(candidate -> candidate == null || !candidate.isEmpty())", arbitrary);
        }
        if (type instanceof WireType.Bytes) {
            return CodeBlock.of("$L.filter(candidate -> candidate == null || candidate.length > 0)", arbitrary);
        }
        if (type instanceof WireType.Array) {
            return CodeBlock.of("$L.filter(candidate -> !candidate.isEmpty())", arbitrary);
        }
        return arbitrary;
    }

    /**
     * Whether more of the record follows the field in the same region, so a value of it that reads
     * to the region's end ({@link OpenEnds}) would swallow them. A field read within its own
     * {@code size(...)} or at a position ends where its region does.
     */
    private boolean followed(Field field) {
        if (field.regionSize() != null || field.position() != null) {
            return false;
        }
        List<Field> fields = shape.layout().fields();
        for (Field later : fields.subList(fields.indexOf(field) + 1, fields.size())) {
            if (later.position() == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean targets(FieldRole role, String field) {
        return role instanceof FieldRole.LengthOf l && l.target().equals(field)
                || role instanceof FieldRole.CountOf c && c.target().equals(field);
    }

    /**
     * A field that selects a later union's case: only values some case accepts when the union has
     * no fallback, and only cases that do not nest once a recursive struct has no depth left.
     */
    private CodeBlock restricted(Field subject, CodeBlock arbitrary) {
        for (Field later : shape.layout().fields()) {
            if (!(later.type() instanceof WireType.Union union)
                    || !(union.subject() instanceof TypedExpr.FieldRef ref) || ref.path().size() != 1
                    || !ref.path().get(0).equals(subject.name())) {
                continue;
            }
            if (union.fallback() == null) {
                arbitrary = CodeBlock.of("$T.of($L)", ValueArbitraries.ARBITRARIES,
                        subjectValues(subject.type(), union.arms()));
            }
            if (shape.recursive()) {
                List<UnionArm> flat = union.arms().stream().filter(a -> !Recursion.nests(context, a.type())).toList();
                if (flat.size() < union.arms().size() && !flat.isEmpty()) {
                    arbitrary = CodeBlock.of("(depth > 0 ? $L : $T.of($L))", arbitrary, ValueArbitraries.ARBITRARIES,
                            subjectValues(subject.type(), flat));
                }
            }
        }
        return arbitrary;
    }

    private CodeBlock subjectValues(WireType type, List<UnionArm> arms) {
        List<CodeBlock> values = new ArrayList<>();
        for (UnionArm arm : arms) {
            for (UnionArm.Range range : arm.patterns()) {
                values.add(subjectValue(type, range.low()));
            }
        }
        return CodeBlock.join(values, ", ");
    }

    private CodeBlock subjectValue(WireType type, BigInteger value) {
        if (type instanceof WireType.EnumRef e) {
            EnumModel model = context.model().enumeration(e.name()).orElseThrow();
            ClassName enumClass = JavaValueTypes.enumClass(context, e.name());
            for (EnumModel.Constant constant : model.constants()) {
                if (constant.value().equals(value)) {
                    return CodeBlock.of("$T.$L", enumClass, Naming.constant(constant.name()));
                }
            }
            return CodeBlock.of("$T.of($L)", enumClass, io.sqlxwire.codegen.java.values.Literals.integer(value,
                    TypeName.LONG.equals(JavaValueTypes.rawNumber(type))));
        }
        return CodeBlock.of("$L", io.sqlxwire.codegen.java.values.Literals.integer(value,
                TypeName.LONG.equals(JavaValueTypes.rawNumber(type))));
    }

    private CodeBlock joined(Let let) {
        TypedExpr.Join join = (TypedExpr.Join) let.value();
        int width = join.bitWidths().stream().mapToInt(Integer::intValue).sum();
        String mask = width >= 64 ? "-1L" : "0x" + Long.toHexString((1L << width) - 1) + "L";
        if (let.type().kind() == ExprType.Kind.FLAGS) {
            ClassName flags = JavaValueTypes.enumClass(context, let.type().name());
            return CodeBlock.of("$L().map(f -> new $T(f.bits() & $L))", ArbitraryNames.method(let.type().name()), flags, mask);
        }
        if (let.type().kind() == ExprType.Kind.ENUM) {
            throw new UnsupportedShapeException("an enum joined from parts");
        }
        return CodeBlock.of("$T.longs().between(0L, $L)", ValueArbitraries.ARBITRARIES, mask);
    }

    /** Fields whose value the encoder derives from another member (lengths and counts). */
    private Set<String> derivedFields() {
        Set<String> derived = new HashSet<>();
        for (Field field : shape.layout().fields()) {
            if (field.role() instanceof FieldRole.LengthOf || field.role() instanceof FieldRole.CountOf) {
                derived.add(field.name());
            }
        }
        return derived;
    }

    /** User-supplied integer fields that a later extent reads as a size or count: they are kept small. */
    private Set<String> sizeFields() {
        Set<String> sizes = new HashSet<>();
        for (Field field : shape.layout().fields()) {
            for (TypedExpr extent : Extents.sizes(field.type())) {
                for (TypedExpr.FieldRef ref : Exprs.fieldRefs(extent)) {
                    shape.layout().field(ref.path().get(0)).filter(Field::isUserSupplied)
                            .filter(f -> f.type() instanceof WireType.Int || f.type() instanceof WireType.LenEnc
                                    || f.type() instanceof WireType.AsciiInt)
                            .ifPresent(f -> sizes.add(f.name()));
                }
            }
        }
        return sizes;
    }

    /**
     * User-supplied fields that only give the size of a later field's region
     * ({@code attributes_length: lenenc; attributes: ... size(attributes_length)}): their value is
     * the encoded size of that field, so it is computed, not generated.
     */
    private Map<String, Field> sizedBy(List<RecordComponents.Component> components) {
        Map<String, Field> sized = new HashMap<>();
        for (Field field : shape.layout().fields()) {
            if (field.regionSize() instanceof TypedExpr.FieldRef ref && ref.path().size() == 1) {
                String size = ref.path().get(0);
                boolean component = components.stream().anyMatch(c -> c.member().name().equals(size));
                Field sizeField = shape.layout().field(size).orElseThrow();
                if (component && java.util.Objects.equals(sizeField.condition(), field.condition())) {
                    sized.put(size, field);
                } else if (component) {
                    throw new UnsupportedShapeException("a region size " + size + " present under another condition");
                }
            }
        }
        return sized;
    }

    private CodeBlock encodedSize(Field sized, Field sizeField) {
        String local = Naming.member(sized.name());
        CodeBlock size;
        if (sized.type() instanceof WireType.Array array && array.element() instanceof WireType.StructRef ref) {
            boolean session = RecordShape.all(context).stream().filter(s -> s.idlName().equals(ref.name()))
                    .anyMatch(RecordShape::needsSession);
            size = CodeBlock.of("$L.stream().mapToLong(e -> e.encode($L).length).sum()", local, session ? "session" : "");
        } else if (sized.type() instanceof WireType.Bytes) {
            size = CodeBlock.of("$L.length", local);
        } else {
            throw new UnsupportedShapeException("the size of a region holding " + sized.type().getClass().getSimpleName());
        }
        TypeName type = JavaValueTypes.rawNumber(sizeField.type());
        CodeBlock value = TypeName.LONG.equals(type) ? size : CodeBlock.of("(int) $L", size);
        return sized.isOptional() ? CodeBlock.of("($L == null ? null : $T.valueOf($L))", local, type.box(), value) : value;
    }

    private CodeBlock union(Field field, WireType.Union union, ExpressionCode expressions) {
        UnionCases cases = new UnionCases(context, shape, field, union);
        helpers.addAll(cases.methods());
        List<CodeBlock> arguments = new ArrayList<>();
        if (!(union.subject() instanceof TypedExpr.Peek)) {
            arguments.add(expressions.code(union.subject()));
        }
        shape.parameterSpecs().forEach(p -> arguments.add(CodeBlock.of("$N", p)));
        if (shape.needsSession()) {
            arguments.add(CodeBlock.of("session"));
        }
        if (shape.recursive()) {
            arguments.add(CodeBlock.of("depth"));
        }
        return CodeBlock.of("$L($L)", ArbitraryNames.unionMethod(shape.idlName(), field.name()),
                CodeBlock.join(arguments, ", "));
    }
}
