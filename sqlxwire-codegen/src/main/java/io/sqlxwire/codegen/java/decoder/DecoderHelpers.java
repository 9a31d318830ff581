package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.RuntimeTypes;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * The small private methods every decoder may need: bounds checks against the current region's
 * limit (which can be narrower than the wrapped bytes, inside a {@code size(...)} region), checked
 * conversions of computed lengths, terminator search and peeks. Only the ones a decoder uses are added.
 */
final class DecoderHelpers {

    private DecoderHelpers() {}

    static void add(TypeSpec.Builder type, Set<String> requested, Set<String> peeks) {
        Set<String> helpers = new TreeSet<>(requested);
        if (!peeks.isEmpty()) {
            helpers.add("need");
            helpers.add("fail");
        }
        if (helpers.stream().anyMatch(h -> !h.equals("need") && !h.equals("startsWith"))) {
            helpers.add("fail");
        }
        if (helpers.contains("need")) {
            type.addMethod(MethodSpec.methodBuilder("need").addModifiers(Modifier.PRIVATE)
                    .addJavadoc("Fails unless {@code count} bytes at {@code pos} lie before {@code limit}.\n")
                    .addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "count").addParameter(TypeName.INT, "limit")
                    .beginControlFlow("if (count > limit - pos)")
                    .addStatement("throw $T.truncated(region.origin() + pos, count, limit - pos)", RuntimeTypes.CODEC_EXCEPTION)
                    .endControlFlow().build());
        }
        if (helpers.contains("lengthAt")) {
            type.addMethod(MethodSpec.methodBuilder("lengthAt").addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
                    .addJavadoc("A length read or computed from the input, checked against the bytes left before {@code limit}\n"
                            + "before anything relies on it.\n")
                    .addParameter(TypeName.LONG, "length").addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit")
                    .beginControlFlow("if (length < 0)")
                    .addStatement("throw fail(\"negative length \" + length, pos)")
                    .endControlFlow()
                    .beginControlFlow("if (length > limit - pos)")
                    .addStatement("throw $T.truncated(region.origin() + pos, length, limit - pos)", RuntimeTypes.CODEC_EXCEPTION)
                    .endControlFlow()
                    .addStatement("return (int) length").build());
        }
        if (helpers.contains("offsetIn")) {
            type.addMethod(MethodSpec.methodBuilder("offsetIn").addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
                    .addJavadoc("An offset from the start of the region, checked to lie within it.\n")
                    .addParameter(TypeName.LONG, "offset").addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit")
                    .beginControlFlow("if (offset < 0 || offset > limit)")
                    .addStatement("throw fail(\"offset \" + offset + \" outside the region of \" + limit + \" bytes\", pos)")
                    .endControlFlow()
                    .addStatement("return (int) offset").build());
        }
        if (helpers.contains("elementCount")) {
            type.addMethod(MethodSpec.methodBuilder("elementCount").addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
                    .addJavadoc("A count from the input, bounded before anything iterates over it.\n")
                    .addParameter(TypeName.LONG, "count").addParameter(TypeName.INT, "pos")
                    .beginControlFlow("if (count < 0 || count > MAX_ELEMENTS)")
                    .addStatement("throw fail(\"element count \" + count + \" outside 0..\" + MAX_ELEMENTS, pos)")
                    .endControlFlow()
                    .addStatement("return (int) count").build());
        }
        if (helpers.contains("findTerminator")) {
            type.addMethod(MethodSpec.methodBuilder("findTerminator").addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
                    .addJavadoc("Index of {@code terminator} in {@code [from, limit)}, searched in steps of the text's code unit.\n")
                    .addParameter(byte[].class, "terminator").addParameter(TypeName.INT, "from")
                    .addParameter(TypeName.INT, "limit").addParameter(TypeName.INT, "step")
                    .beginControlFlow("for (int at = from; at <= limit - terminator.length; at += step)")
                    .beginControlFlow("if (region.contentEquals(at, terminator.length, terminator, 0))")
                    .addStatement("return at")
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("throw fail(\"no terminator before the end of the region\", from)").build());
        }
        if (helpers.contains("startsWith")) {
            type.addMethod(MethodSpec.methodBuilder("startsWith").addModifiers(Modifier.PRIVATE).returns(TypeName.BOOLEAN)
                    .addParameter(byte[].class, "bytes").addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit")
                    .addStatement("return bytes.length <= limit - pos && region.contentEquals(pos, bytes.length, bytes, 0)")
                    .build());
        }
        if (helpers.contains("divide")) {
            type.addMethod(MethodSpec.methodBuilder("divide").addModifiers(Modifier.PRIVATE).returns(TypeName.LONG)
                    .addParameter(TypeName.LONG, "a").addParameter(TypeName.LONG, "b").addParameter(TypeName.INT, "pos")
                    .beginControlFlow("if (b == 0)")
                    .addStatement("throw fail(\"division by zero\", pos)")
                    .endControlFlow()
                    .addStatement("return a / b").build());
        }
        if (helpers.contains("remainder")) {
            type.addMethod(MethodSpec.methodBuilder("remainder").addModifiers(Modifier.PRIVATE).returns(TypeName.LONG)
                    .addParameter(TypeName.LONG, "a").addParameter(TypeName.LONG, "b").addParameter(TypeName.INT, "pos")
                    .beginControlFlow("if (b == 0)")
                    .addStatement("throw fail(\"division by zero\", pos)")
                    .endControlFlow()
                    .addStatement("return a % b").build());
        }
        for (String peek : peeks) {
            String method = Character.toLowerCase(peek.charAt(0)) + peek.substring(1);
            int size = Integer.parseInt(method.replaceAll("[^0-9]", "")) / 8;
            TypeName result = method.startsWith("u32") || method.contains("64") ? TypeName.LONG
                    : method.startsWith("f") ? TypeName.DOUBLE : TypeName.INT;
            type.addMethod(MethodSpec.methodBuilder("peek" + peek).addModifiers(Modifier.PRIVATE).returns(result)
                    .addJavadoc("Reads ahead without consuming.\n")
                    .addParameter(TypeName.LONG, "at").addParameter(TypeName.INT, "limit")
                    .beginControlFlow("if (at < 0 || at > limit)")
                    .addStatement("throw fail(\"peek outside the region\", limit)")
                    .endControlFlow()
                    .addStatement("need((int) at, $L, limit)", size)
                    .addStatement("return region.$L((int) at)", method).build());
        }
        if (helpers.contains("fail")) {
            type.addMethod(MethodSpec.methodBuilder("fail").addModifiers(Modifier.PRIVATE).returns(RuntimeTypes.CODEC_EXCEPTION)
                    .addParameter(String.class, "detail").addParameter(TypeName.INT, "pos")
                    .addStatement("return new $T(detail, region.origin() + pos)", RuntimeTypes.CODEC_EXCEPTION).build());
        }
    }
}
