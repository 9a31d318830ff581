package io.sqlxwire.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.encoder.EncoderValueTypes;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Test-only stand-ins for what other generators write and encoders read: the {@code <Stem>Session}
 * class and the enum/flags records its fields hold, shaped exactly as CODEGEN.md specifies
 * ({@code record AuthKind(int value)}, {@code record CapabilityFlags(long bits)}, public session
 * fields). They let the encoder tests compile generated code before those generators land.
 */
final class EncoderStandIns {

    private EncoderStandIns() {}

    static List<JavaFile> forModel(ProtocolModel model) {
        GenerationContext context = GenerationContext.of(model);
        List<JavaFile> files = new ArrayList<>();
        if (model.session().isEmpty()) {
            return files;
        }
        TypeSpec.Builder session = TypeSpec.classBuilder(context.protocolStem() + "Session").addModifiers(Modifier.PUBLIC);
        List<String> enums = new ArrayList<>();
        for (SessionVariable v : model.session()) {
            session.addField(FieldSpec.builder(javaType(context, v.type(), enums), Naming.member(v.name()), Modifier.PUBLIC).build());
        }
        files.add(JavaFile.builder(context.javaPackage(), session.build()).build());
        for (EnumModel e : model.enums()) {
            if (!enums.contains(e.name())) {
                continue;
            }
            TypeName value = e.flags() ? TypeName.LONG : EncoderValueTypes.numberType(e.base().kind());
            TypeSpec record = TypeSpec.recordBuilder(context.naming().type(e.name())).addModifiers(Modifier.PUBLIC)
                    .recordConstructor(MethodSpec.constructorBuilder()
                            .addParameter(value, e.flags() ? "bits" : "value").build())
                    .build();
            files.add(JavaFile.builder(context.javaPackage(), record).build());
        }
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
            return ParameterizedTypeName.get(ClassName.get(List.class), javaType(context, l.element(), enums).box());
        }
        return EncoderValueTypes.numberType(type);
    }
}
