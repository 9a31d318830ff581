package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.encoder.JavaExpr.Kind;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The per-member state fields of an encoder: start/end positions, presence, kept values,
 * reserved slots, counts, chosen arms and nested encoders.
 */
final class EncoderStateFields extends EncoderPart {

    EncoderStateFields(EncoderLayout ctx) {
        super(ctx);
    }

    TypeName paramType(Parameter p) {
        return p.type() instanceof WireType.Bool ? TypeName.BOOLEAN : TypeName.LONG;
    }

    static String paramField(Parameter p) {
        return "param" + Naming.pascal(p.name());
    }

    /** Names of the state fields kept only for code that may read them (see {@link EncoderLayout#deadFields}). */
    List<String> optionalFields() {
        List<String> names = new ArrayList<>();
        for (MemberPlan plan : plans) {
            for (String suffix : List.of("Start", "End", "Present", "Text", "Value")) {
                names.add(plan.base + suffix);
            }
        }
        return names;
    }

    List<FieldSpec> stateFields() {
        List<FieldSpec> fields = new ArrayList<>();
        for (MemberPlan plan : plans) {
            if (plan.field != null) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Start", Modifier.PRIVATE).build());
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "End", Modifier.PRIVATE).build());
                fields.add(FieldSpec.builder(TypeName.BOOLEAN, plan.base + "Present", Modifier.PRIVATE).build());
            }
            if (plan.keepsValue()) {
                fields.add(FieldSpec.builder(TypeName.LONG, plan.base + "Value", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.JOIN_LET) {
                fields.add(FieldSpec.builder(TypeName.BOOLEAN, plan.base + "Present", Modifier.PRIVATE).build());
            }
            if (hasSlot(plan)) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Slot", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.BYTES && plan.field.type() instanceof WireType.Text) {
                fields.add(FieldSpec.builder(CharSequence.class, plan.base + "Text", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.BITMAP) {
                fields.add(FieldSpec.builder(BIT_SET, plan.base + "Bits", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.ARRAY) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Count", Modifier.PRIVATE).build());
            }
            if (plan.kind == MemberPlan.Kind.UNION) {
                fields.add(FieldSpec.builder(TypeName.INT, plan.base + "Arm", Modifier.PRIVATE).build());
                WireType.Union u = (WireType.Union) plan.field.type();
                if (plan.unsupported == null) {
                    for (UnionArm arm : u.allArms()) {
                        if (arm.type() instanceof WireType.Array) {
                            fields.add(FieldSpec.builder(TypeName.INT, plan.base + ctx.unionSetters.armName(u, arm) + "Count", Modifier.PRIVATE).build());
                        }
                    }
                }
            }
            for (Map.Entry<String, ClassName> child : children(plan).entrySet()) {
                fields.add(FieldSpec.builder(child.getValue(), child.getKey(), Modifier.PRIVATE).build());
            }
        }
        fields.removeIf(f -> !ctx.isLive(f.name()));
        return fields;
    }

    static boolean hasSlot(MemberPlan plan) {
        return plan.kind == MemberPlan.Kind.DERIVED || plan.kind == MemberPlan.Kind.PART
                || plan.kind == MemberPlan.Kind.CHECKSUM
                || plan.kind == MemberPlan.Kind.ARRAY && ((WireType.Array) plan.field.type()).count() instanceof Extent.Prefixed;
    }

    /** Nested encoders a member owns, by state field name. */
    Map<String, ClassName> children(MemberPlan plan) {
        Map<String, ClassName> out = new LinkedHashMap<>();
        if (plan.field == null || plan.unsupported != null) {
            return out;
        }
        WireType type = plan.field.type();
        if (type instanceof WireType.StructRef s) {
            out.put(plan.base + "Encoder", names.encoder(s.name()));
        } else if (type instanceof WireType.Array a && a.element() instanceof WireType.StructRef s) {
            out.put(plan.base + "Encoder", names.encoder(s.name()));
        } else if (type instanceof WireType.Union u) {
            for (UnionArm arm : u.allArms()) {
                if (arm.type() instanceof WireType.StructRef s) {
                    out.put(plan.base + ctx.unionSetters.armName(u, arm) + "Encoder", names.encoder(s.name()));
                } else if (arm.type() instanceof WireType.Array a && a.element() instanceof WireType.StructRef s) {
                    out.put(plan.base + ctx.unionSetters.armName(u, arm) + "Encoder", names.encoder(s.name()));
                }
            }
        }
        return out;
    }
}
