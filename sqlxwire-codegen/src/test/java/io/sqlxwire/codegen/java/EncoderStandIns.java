package io.sqlxwire.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.encoder.EncoderValueTypes;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Test-only stand-ins for what other generators write and encoders read: the {@code <Stem>Session}
 * class (public fields, as CODEGEN.md specifies), next to the real enum and flags classes the
 * encoders' typed setters take and the transforms interface. It lets the encoder tests compile without the session generator.
 */
final class EncoderStandIns {

    private EncoderStandIns() {}

    static List<JavaFile> forModel(ProtocolModel model) {
        GenerationContext context = GenerationContext.of(model);
        // The encoders' typed setters take the generated enum and flags classes: the real ones.
        List<JavaFile> files = new ArrayList<>(new EnumGenerator().generate(context));
        files.addAll(new TransformsGenerator().generate(context)); // called for transform(...) fields
        if (model.session().isEmpty()) {
            return files;
        }
        TypeSpec.Builder session = TypeSpec.classBuilder(context.protocolStem() + "Session").addModifiers(Modifier.PUBLIC);
        List<String> enums = new ArrayList<>();
        for (SessionVariable v : model.session()) {
            session.addField(FieldSpec.builder(javaType(context, v.type(), enums), Naming.member(v.name()), Modifier.PUBLIC).build());
        }
        files.add(JavaFile.builder(context.javaPackage(), session.build()).build());
        return files;
    }

    private static TypeName javaType(GenerationContext context, WireType type, List<String> enums) {
        if (type instanceof WireType.Bool) {
            return TypeName.BOOLEAN;
        }
        if (type instanceof WireType.EnumRef e) {
            enums.add(e.name());
            return ClassName.get(context.javaPackage(), context.naming().type(e.name()));
        }
        if (type instanceof WireType.FlagsRef f) {
            enums.add(f.name());
            return ClassName.get(context.javaPackage(), context.naming().type(f.name()));
        }
        if (type instanceof WireType.ListOf l) {
            // Lists of numbers, enums and flags are the runtime's IntList/LongList of raw values, as in the real session.
            ClassName primitive = new io.sqlxwire.codegen.java.session.SessionTypes(context).primitiveList(l.element());
            return primitive != null ? primitive
                    : ParameterizedTypeName.get(ClassName.get(List.class), javaType(context, l.element(), enums).box());
        }
        return EncoderValueTypes.numberType(type);
    }
}
