package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Builds the flyweight decoder of one message or struct. {@code wrap} validates the whole layout in
 * one pass ({@code validate}, one {@code readXxx} method per field) and stores offsets and values
 * in fields; accessors only read what was validated.
 *
 * <p>Each kind of value is read by its own part (byte-like, struct and union, array, checks);
 * they share a {@link DecoderLayout}.
 */
final class DecoderBuilder extends DecoderPart {

    DecoderBuilder(GenerationContext context, String idlName, String doc, Layout layout, List<Parameter> parameters,
                   boolean recursive, boolean needsSession) {
        super(new DecoderLayout(context, idlName, doc, layout, parameters, recursive, needsSession));
    }

    TypeSpec build() {
        LayoutWalker.forEachExpression(layout, expr -> {
            if (expr instanceof TypedExpr.Peek peek) {
                helpers.add("peekAt");
            } else if (expr instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.DIV) {
                helpers.add("divide");
            } else if (expr instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.MOD) {
                helpers.add("remainder");
            }
        });
        type.addJavadoc("Flyweight decoder of {@code $L}.\n", idlName);
        if (doc != null && !doc.isBlank()) {
            type.addJavadoc("\n<p>$L\n", doc);
        }
        type.addJavadoc("\n<p>{@code wrap} checks the whole value at once; after it returns, accessors read the\n"
                + "validated bytes and never fail. Reusable: wrap it again for the next value; reading\n"
                + "allocates nothing (views and cursors are re-pointed).\n");
        type.addField(FieldSpec.builder(String.class, "PROTOCOL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", context.model().name() == null ? "shared" : context.model().name()).build());
        type.addField(FieldSpec.builder(String.class, "NAME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", idlName).build());
        type.addField(FieldSpec.builder(RuntimeTypes.WIRE_BUFFER, "own", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", RuntimeTypes.WIRE_BUFFER)
                .addJavadoc("The view a public {@code wrap} points at its bytes: the caller may move its own buffer on.\n").build());
        type.addField(FieldSpec.builder(RuntimeTypes.WIRE_BUFFER, "region", Modifier.PRIVATE)
                .initializer("own")
                .addJavadoc("The bytes the value lies in: {@code own}, or the region of the decoder this one is nested in\n"
                        + "(shared, not sliced: offsets below are positions in it).\n").build());
        type.addField(FieldSpec.builder(TypeName.INT, "start", Modifier.PRIVATE)
                .addJavadoc("Where the value starts in {@code region}.\n").build());
        type.addField(FieldSpec.builder(TypeName.INT, "end", Modifier.PRIVATE)
                .addJavadoc("Where the value ends in {@code region}.\n").build());
        type.addField(FieldSpec.builder(TypeName.BOOLEAN, "trusted")
                .addJavadoc("Set while a cursor re-reads an element that {@code wrap} has already validated: checks\n"
                        + "that only judge the bytes (text encodings) are skipped, positions are still computed.\n").build());
        if (recursive) {
            type.addField(FieldSpec.builder(TypeName.INT, "MAX_DEPTH", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$L", context.model().maxDepth()).build());
            type.addField(FieldSpec.builder(TypeName.INT, "depth", Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("How deeply this decoder is nested in values of recursive types (1 at the top).\n").build());
            type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                    .addStatement("this(1)").build());
            type.addMethod(MethodSpec.constructorBuilder()
                    .addParameter(TypeName.INT, "depth").addStatement("this.depth = depth").build());
        }
        for (Parameter parameter : parameters) {
            type.addField(ctx.decoderWrapMethods.parameterType(parameter), DecoderNames.parameter(parameter.name()), Modifier.PRIVATE);
        }
        if (needsSession) {
            type.addField(ctx.decoderWrapMethods.sessionClass(), "session", Modifier.PRIVATE);
        }
        if (ctx.coversFrame) {
            type.addField(FieldSpec.builder(RuntimeTypes.WIRE_BUFFER, "frame", Modifier.PRIVATE)
                    .addJavadoc("The whole frame the value lies in, when the decoder was given it; else null.\n").build());
            type.addField(FieldSpec.builder(TypeName.INT, "frameOffset", Modifier.PRIVATE)
                    .addJavadoc("Where the region starts in {@code frame}.\n").build());
        }
        ctx.decoderWrapMethods.addWrapMethods();

        MethodSpec.Builder validate = MethodSpec.methodBuilder("validate")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.INT)
                .addJavadoc("Reads every member in wire order; returns where the value ends.\n")
                .addParameter(TypeName.INT, "pos")
                .addParameter(TypeName.INT, "limit");
        boolean positioned = layout.fields().stream().anyMatch(f -> f.position() != null);
        if (positioned) {
            type.addField(FieldSpec.builder(TypeName.INT, "furthest", Modifier.PRIVATE)
                    .addJavadoc("The end of the furthest data read through {@code at(...)}: it belongs to the value too.\n")
                    .build());
            validate.addStatement("this.furthest = pos");
        }
        for (Member member : layout.members()) {
            if (member instanceof Field field) {
                String method = ctx.fieldReaders.addFieldReader(field);
                validate.addStatement("pos = $N(pos, limit)", method);
            } else {
                Let let = (Let) member;
                ctx.fieldReaders.addLet(let);
                validate.addStatement("this.$L = $L", DecoderNames.slot(let.name()), ownerHost.expressions().write(let.value()));
            }
        }
        validate.addStatement(positioned ? "return Math.max(pos, furthest)" : "return pos");
        type.addMethod(validate.build());

        type.addMethod(MethodSpec.methodBuilder("encodedLength")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addJavadoc("The number of bytes the value took: where whatever follows it starts.\n")
                .addStatement("return end - start").build());
        addConstants();
        return type.build();
    }

    private void addConstants() {
        for (Map.Entry<String, byte[]> constant : byteConstants.entrySet()) {
            CodeBlock.Builder init = CodeBlock.builder().add("{");
            byte[] bytes = constant.getValue();
            for (int i = 0; i < bytes.length; i++) {
                init.add(i == 0 ? "" : ", ").add("(byte) 0x$L", String.format("%02x", bytes[i] & 0xFF));
            }
            type.addField(FieldSpec.builder(byte[].class, constant.getKey(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(init.add("}").build()).build());
        }
        if (ctx.usesChecksums) {
            type.addField(FieldSpec.builder(RuntimeTypes.CHECKSUMS, "checksums", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.CHECKSUMS).build());
        }
    }

    /** The {@code RegionChecks} methods the generated class calls, to import statically. */
    java.util.SortedSet<String> regionChecks() {
        return java.util.Collections.unmodifiableSortedSet(helpers);
    }

    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Whether a layout, or a struct it contains, has a checksum over the whole frame
     * ({@code crc32c(frame)}), which only a decoder given the frame can verify.
     */
    static boolean coversFrame(GenerationContext context, Layout layout, java.util.Set<String> visiting) {
        for (Member member : layout.members()) {
            if (member instanceof Field field && field.value() instanceof io.sqlxwire.idl.model.FieldValue.Checksum c
                    && c.fromFrame()) {
                return true;
            }
        }
        for (String struct : LayoutWalker.structsUsed(layout)) {
            if (visiting.add(struct) && coversFrame(context, context.model().struct(struct).orElseThrow().layout(), visiting)) {
                return true;
            }
        }
        return false;
    }

    /** Whether reading a layout needs the session: it, or a struct it contains, reads {@code session.x}. */
    static boolean needsSession(GenerationContext context, Layout layout, java.util.Set<String> visiting) {
        boolean[] found = {false};
        LayoutWalker.forEachExpression(layout, expr -> {
            if (expr instanceof TypedExpr.SessionRef) {
                found[0] = true;
            }
        });
        if (found[0]) {
            return true;
        }
        for (String struct : LayoutWalker.structsUsed(layout)) {
            if (visiting.add(struct)) {
                StructModel model = context.model().struct(struct).orElseThrow();
                if (needsSession(context, model.layout(), visiting)) {
                    return true;
                }
            }
        }
        return false;
    }
}
