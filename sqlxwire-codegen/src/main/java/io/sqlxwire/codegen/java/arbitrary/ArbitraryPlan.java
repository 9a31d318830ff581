package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which records get an arbitrary, and the members of the arbitraries class. A record whose layout
 * the arbitraries cannot honour yet (or that contains such a record) is left out with its reason,
 * rather than given values that would not encode.
 */
public final class ArbitraryPlan {

    private final List<RecordShape> supported;
    private final Map<String, String> unsupported;
    private final List<MethodSpec> methods;

    private ArbitraryPlan(List<RecordShape> supported, Map<String, String> unsupported, List<MethodSpec> methods) {
        this.supported = supported;
        this.unsupported = unsupported;
        this.methods = methods;
    }

    public static ArbitraryPlan of(GenerationContext context) {
        Map<String, String> unsupported = new LinkedHashMap<>();
        Map<String, List<MethodSpec>> recordMethods = new LinkedHashMap<>();
        List<RecordShape> shapes = RecordShape.all(context);
        for (RecordShape shape : shapes) {
            try {
                recordMethods.put(shape.idlName(), new RecordArbitraries(context, shape).methods());
            } catch (UnsupportedShapeException e) {
                unsupported.put(shape.idlName(), e.getMessage());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (RecordShape shape : shapes) {
                if (unsupported.containsKey(shape.idlName())) {
                    continue;
                }
                for (String nested : nestedStructs(shape)) {
                    if (unsupported.containsKey(nested)) {
                        unsupported.put(shape.idlName(), "contains " + nested);
                        changed = true;
                        break;
                    }
                }
            }
        }
        List<RecordShape> supported = shapes.stream().filter(s -> !unsupported.containsKey(s.idlName())).toList();
        List<MethodSpec> methods = new ArrayList<>();
        for (EnumModel model : context.model().enums()) {
            methods.add(TypeArbitraries.enumeration(context, model));
        }
        if (!context.model().session().isEmpty()) {
            methods.add(TypeArbitraries.session(context));
        }
        for (RecordShape shape : supported) {
            methods.addAll(recordMethods.get(shape.idlName()));
        }
        List<MethodSpec> openEnds = new ArrayList<>(new OpenEnds(context).methods());
        boolean added = true;
        while (added) { // a struct's test calls the tests of the structs it ends with
            added = false;
            for (MethodSpec test : List.copyOf(openEnds)) {
                if (SupportMethods.uses(methods, test.name())) {
                    methods.add(test);
                    openEnds.remove(test);
                    added = true;
                }
            }
        }
        for (MethodSpec helper : SupportMethods.helpers()) {
            if (SupportMethods.uses(methods, helper.name())) {
                methods.add(helper);
            }
        }
        return new ArbitraryPlan(supported, unsupported, methods);
    }

    public List<RecordShape> supported() {
        return supported;
    }

    /** Record name to the reason it has no arbitrary. */
    public Map<String, String> unsupported() {
        return unsupported;
    }

    public List<FieldSpec> limits() {
        return SupportMethods.limits();
    }

    public List<MethodSpec> methods() {
        return methods;
    }

    private static Set<String> nestedStructs(RecordShape shape) {
        Set<String> names = new TreeSet<>();
        for (Field field : shape.layout().fields()) {
            collect(field.type(), names);
        }
        return names;
    }

    private static void collect(WireType type, Set<String> names) {
        if (type instanceof WireType.StructRef ref) {
            names.add(ref.name());
        } else if (type instanceof WireType.Array array) {
            collect(array.element(), names);
        } else if (type instanceof WireType.Union union) {
            for (UnionArm arm : union.allArms()) {
                collect(arm.type(), names);
            }
        }
    }
}
