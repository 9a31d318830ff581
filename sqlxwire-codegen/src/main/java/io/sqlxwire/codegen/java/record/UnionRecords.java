package io.sqlxwire.codegen.java.record;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.decoder.UnionArms;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The sealed interface of a union field's values, with one record per arm ({@code AuthenticationBody.Md5Password}). */
final class UnionRecords {

    private UnionRecords() {}

    static TypeSpec of(GenerationContext context, String ownerIdlName, String fieldIdlName, WireType.Union union) {
        ClassName face = JavaValueTypes.unionInterface(context, ownerIdlName, fieldIdlName);
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(face).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc("The cases of {@code $L.$L}.\n", ownerIdlName, fieldIdlName);
        List<String> names = new ArrayList<>(UnionArms.names(context, union));
        List<UnionArm> arms = new ArrayList<>(union.arms());
        if (union.fallback() != null) {
            names.add(UnionArms.FALLBACK);
            arms.add(union.fallback());
        }
        for (int i = 0; i < arms.size(); i++) {
            ClassName armClass = face.nestedClass(names.get(i));
            type.addPermittedSubclass(armClass);
            TypeSpec.Builder arm = TypeSpec.recordBuilder(armClass).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(face);
            UnionArm model = arms.get(i);
            if (model.doc() != null && !model.doc().isBlank()) {
                arm.addJavadoc("$L\n", model.doc());
            }
            MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
            if (!(model.type() instanceof WireType.Empty)) {
                TypeName valueType = JavaValueTypes.recordType(context, model.type());
                if (valueType == null) {
                    throw new IllegalStateException("no record type for union arm " + model.type());
                }
                constructor.addParameter(valueType, "value");
                if (RecordComponents.holdsBytes(valueType)) {
                    ValueEquality.add(arm, armClass, List.of(new RecordComponents.Component("value", valueType, null)));
                }
            }
            type.addType(arm.recordConstructor(constructor.build()).build());
        }
        return type.build();
    }
}
