package io.sqlxwire.codegen.java.record;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.decoder.DecoderNames;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Builds the value record of one struct or message. */
public final class RecordTypes {

    private RecordTypes() {}

    public static TypeSpec union(GenerationContext context, String owner, String field, WireType.Union union) {
        return UnionRecords.of(context, owner, field, union);
    }

    public static TypeSpec record(GenerationContext context, String idlName, String doc, Layout layout,
                                  List<Parameter> parameters, boolean needsSession, boolean withEncode) {
        ClassName self = JavaValueTypes.recordClass(context, idlName);
        ClassName decoder = JavaValueTypes.decoderClass(context, idlName);
        List<RecordComponents.Component> components = RecordComponents.of(context, idlName, layout);
        TypeSpec.Builder type = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC);
        type.addJavadoc("$L\n", doc == null || doc.isBlank() ? "The value of {@code " + idlName + "}." : doc);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (RecordComponents.Component component : components) {
            constructor.addParameter(component.type(), component.name());
            String memberDoc = component.member().doc();
            type.addJavadoc("@param $L $L\n", component.name(),
                    memberDoc == null || memberDoc.isBlank() ? "{@code " + component.member().name() + "}"
                            : memberDoc.replace("\n", " "));
        }
        type.recordConstructor(constructor.build());
        if (components.stream().anyMatch(c -> RecordComponents.holdsBytes(c.type()))) {
            ValueEquality.add(type, self, components);
        }

        List<ParameterSpec> extra = new ArrayList<>();
        for (Parameter parameter : parameters) {
            TypeName raw = parameter.type() instanceof WireType.Bool ? TypeName.BOOLEAN : JavaValueTypes.rawNumber(parameter.type());
            // Named as the decoder's wrap names it, clear of decode's own source, offset and length.
            extra.add(ParameterSpec.builder(raw, DecoderNames.parameter(parameter.name())).build());
        }
        if (needsSession) {
            extra.add(ParameterSpec.builder(ClassName.get(context.javaPackage(), context.protocolStem() + "Session"),
                    "session").build());
        }
        CodeBlock passOn = CodeBlock.join(extra.stream().map(p -> CodeBlock.of("$N", p)).toList(), ", ");
        String tail = extra.isEmpty() ? "" : ", ";
        type.addMethod(MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("Decodes a whole body (or value).\n\n@throws $T when the bytes are not valid\n",
                        RuntimeTypes.CODEC_EXCEPTION)
                .addParameter(byte[].class, "body").addParameters(extra)
                .addStatement("return from(new $T().wrap($T.of(body)$L$L))", decoder, RuntimeTypes.WIRE_BUFFER, tail, passOn)
                .build());
        type.addMethod(MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("Decodes {@code length} bytes at {@code offset} of {@code source}.\n\n@throws $T when the bytes are not valid\n",
                        RuntimeTypes.CODEC_EXCEPTION)
                .addParameter(RuntimeTypes.WIRE_BUFFER, "source").addParameter(TypeName.INT, "offset")
                .addParameter(TypeName.INT, "length").addParameters(extra)
                .addStatement("return from(new $T().wrap(source, offset, length$L$L))", decoder, tail, passOn)
                .build());

        FromDecoder values = new FromDecoder(context, idlName);
        MethodSpec.Builder from = MethodSpec.methodBuilder("from").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("Copies the values out of a wrapped decoder (allocates: the record owns its data).\n")
                .addParameter(decoder, "decoder");
        CodeBlock.Builder body = CodeBlock.builder();
        List<CodeBlock> arguments = new ArrayList<>();
        for (RecordComponents.Component component : components) {
            CodeBlock value;
            if (component.member() instanceof Field field) {
                String accessor = DecoderNames.accessor(field.name());
                CodeBlock.Builder inner = CodeBlock.builder();
                value = field.transform() != null && JavaValueTypes.isByteLike(field.type()) && !JavaValueTypes.isNullable(field.type())
                        ? values.transformed(field.type(), field.transform(), "decoder", accessor, inner)
                        : values.value(field.type(), "decoder", accessor, field.name(), inner);
                if (field.isOptional()) {
                    String local = accessor + "_value";
                    body.addStatement("$T $L = null", component.type(), local)
                            .beginControlFlow("if (decoder.has$L())", Naming.pascal(field.name()))
                            .add(inner.build())
                            .addStatement("$L = $L", local, value)
                            .endControlFlow();
                    value = CodeBlock.of("$L", local);
                } else {
                    body.add(inner.build());
                }
            } else {
                Let let = (Let) component.member();
                boolean named = let.type().kind() == ExprType.Kind.FLAGS || let.type().kind() == ExprType.Kind.ENUM;
                String accessor = DecoderNames.accessor(let.name());
                if (let.type().kind() == ExprType.Kind.FLAGS) {
                    value = CodeBlock.of("new $T(decoder.$L())", component.type(), accessor);
                } else if (named) {
                    // The let is held as a long; the enum's own width decides the cast.
                    TypeName raw = JavaValueTypes.primitive(context.model().enumeration(let.type().name()).orElseThrow()
                            .base().kind());
                    value = CodeBlock.of("$T.of(($T) decoder.$L())", component.type(), raw, accessor);
                } else {
                    value = CodeBlock.of("decoder.$L()", accessor);
                }
            }
            arguments.add(value);
        }
        from.addCode(body.build());
        from.addStatement("return new $T($L)", self, CodeBlock.join(arguments, ", "));
        type.addMethod(from.build());
        if (withEncode) {
            // The encoders take the session first, then the parameters.
            List<ParameterSpec> encodeExtra = new ArrayList<>(extra);
            if (needsSession) {
                encodeExtra.add(0, encodeExtra.remove(encodeExtra.size() - 1));
            }
            EncodeMethods.add(context, type, idlName, layout, components, encodeExtra);
        }
        return type.build();
    }
}
