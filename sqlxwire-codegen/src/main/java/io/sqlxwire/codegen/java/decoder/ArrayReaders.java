package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.NoSuchElementException;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Reads arrays and generates their reusable cursors (counted, terminated or bounded by the
 * enclosing size; byte-like and struct elements).
 */
final class ArrayReaders extends DecoderPart {

    ArrayReaders(DecoderLayout ctx) {
        super(ctx);
    }

    CodeBlock readArray(WireType.Array array, String slot, String accessor, String idlField, String javadoc,
                                DecoderHost host) {
        String cursorName = DecoderBuilder.capitalize(accessor == null ? slot.replace("_", "") : accessor) + "Cursor";
        ClassName cursor = self.nestedClass(cursorName);
        TypeSpec.Builder cursorType = TypeSpec.classBuilder(cursor).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Iterates {@code $L} without allocating: {@code next()} re-points the same element.\n", idlField);
        DecoderHost cursorHost = new DecoderHost(cursorType, new ExpressionWriter(self.simpleName() + ".this", ctx.names()),
                self.simpleName() + ".this");
        cursorType.addField(TypeName.INT, "first", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "limit", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "count", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "nextIndex", Modifier.PRIVATE);
        cursorType.addField(TypeName.INT, "nextOffset", Modifier.PRIVATE);

        WireType element = array.element();
        MethodSpec.Builder readElement = MethodSpec.methodBuilder("readElement")
                .addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
                .addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit").addParameter(TypeName.INT, "index")
                .addJavadoc("Reads element {@code index} at {@code pos}; returns where the next one starts.\n");
        String elementAccessor = JavaValueTypes.isByteLike(element) ? "value" : null;
        readElement.addCode(ctx.fieldReaders.readValue(element, "element", elementAccessor, idlField, null, cursorHost));
        readElement.addStatement("return pos");
        cursorType.addMethod(readElement.build());

        // What next() and get(i) hand out.
        TypeName result;
        CodeBlock resultValue;
        if (element instanceof WireType.StructRef s) {
            result = JavaValueTypes.decoderClass(context, s.name());
            resultValue = CodeBlock.of("element");
        } else if (JavaValueTypes.rawNumber(element) != null) {
            result = JavaValueTypes.rawNumber(element);
            resultValue = CodeBlock.of("element");
        } else if (JavaValueTypes.isByteLike(element)) {
            result = cursor;
            resultValue = CodeBlock.of("this");
            cursorType.addMethod(MethodSpec.methodBuilder("length").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addJavadoc("The byte length of the current element's value.\n")
                    .addStatement("return $L", storage.of("element", StorageNames.Kind.VALUE_LENGTH)).build());
        } else {
            throw ExpressionWriter.unsupported("array " + idlField + " of " + element);
        }

        MethodSpec.Builder validate = MethodSpec.methodBuilder("validate").returns(TypeName.INT)
                .addParameter(TypeName.INT, "pos").addParameter(TypeName.INT, "limit").addParameter(TypeName.INT, "expected")
                .addJavadoc("Checks every element (the count {@code expected}, or -1 when the extent decides); returns the end.\n")
                .addStatement("this.first = pos")
                .addStatement("this.limit = limit")
                .addStatement("int index = 0");
        Extent extent = array.count();
        boolean extentDecides = !(extent instanceof Extent.Fixed || extent instanceof Extent.Computed
                || extent instanceof Extent.Prefixed);
        if (extentDecides) {
            helpers.add("fail");
        }
        String terminator = null;
        if (extent instanceof Extent.Terminated t) {
            terminator = ctx.byteLikeReaders.byteConstant(slot, "TERMINATOR", t.terminator().toArray());
            helpers.add("startsWith");
            validate.beginControlFlow("while (!$T.startsWith(region, $L, pos, limit))", RuntimeTypes.REGION_CHECKS, terminator)
                    .beginControlFlow("if (pos >= limit)")
                    .addStatement("throw $T.fail(region, \"no terminator before the end of the region\", pos)", RuntimeTypes.REGION_CHECKS)
                    .endControlFlow();
        } else if (extent instanceof Extent.Rest) {
            validate.beginControlFlow("while (pos < limit)");
        } else {
            validate.beginControlFlow("while (index < expected)");
        }
        validate.addStatement("int start = pos")
                .beginControlFlow("try")
                .addStatement("pos = readElement(pos, limit, index)")
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inElement(index)")
                .endControlFlow();
        if (extentDecides) {
            validate.beginControlFlow("if (pos == start)")
                    .addComment("An element of no bytes would never reach the end.")
                    .addStatement("throw $T.fail(region, \"element takes no bytes\", pos)", RuntimeTypes.REGION_CHECKS)
                    .endControlFlow();
        } else {
            validate.addStatement("assert pos >= start");
        }
        validate.addStatement("index++").endControlFlow();
        validate.addStatement("this.count = index");
        if (terminator != null) {
            validate.addStatement("pos += $L.length", terminator);
        }
        validate.addStatement("reset()").addStatement("return pos");
        cursorType.addMethod(validate.build());

        cursorType.addMethod(MethodSpec.methodBuilder("count").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addStatement("return count").build());
        cursorType.addMethod(MethodSpec.methodBuilder("hasNext").addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                .addStatement("return nextIndex < count").build());
        // Elements whose reading judges bytes (text encodings, nested values) are re-read trusted:
        // wrap validated them, so next() and get(i) only recompute positions.
        boolean rereadTrusted = element instanceof WireType.StructRef || element instanceof WireType.Text;
        MethodSpec.Builder next = MethodSpec.methodBuilder("next").addModifiers(Modifier.PUBLIC).returns(result)
                .addJavadoc("The next element (validated by {@code wrap}, so reading it cannot fail).\n")
                .beginControlFlow("if (nextIndex >= count)")
                .addStatement("throw new $T()", NoSuchElementException.class)
                .endControlFlow();
        beginTrusted(next, rereadTrusted, cursorHost.ownerRef())
                .addStatement("nextOffset = readElement(nextOffset, limit, nextIndex)");
        endTrusted(next, rereadTrusted, cursorHost.ownerRef());
        cursorType.addMethod(next.addStatement("nextIndex++")
                .addStatement("return $L", resultValue).build());
        MethodSpec.Builder get = MethodSpec.methodBuilder("get").addModifiers(Modifier.PUBLIC).returns(result)
                .addParameter(TypeName.INT, "i")
                .addStatement("$T.checkIndex(i, count)", Objects.class);
        if (element.fixedSize().isPresent()) {
            get.addJavadoc("Element {@code i}, read directly (elements have a fixed size). Moves the shared element.\n");
            beginTrusted(get, rereadTrusted, cursorHost.ownerRef())
                    .addStatement("readElement(first + i * $L, limit, i)", element.fixedSize().getAsLong());
        } else {
            get.addJavadoc("Element {@code i}, found by stepping over the ones before it. Moves the shared element.\n");
            beginTrusted(get, rereadTrusted, cursorHost.ownerRef())
                    .addStatement("int at = first")
                    .beginControlFlow("for (int k = 0; k <= i; k++)")
                    .addStatement("at = readElement(at, limit, k)")
                    .endControlFlow();
        }
        endTrusted(get, rereadTrusted, cursorHost.ownerRef());
        cursorType.addMethod(get.addStatement("return $L", resultValue).build());
        cursorType.addMethod(MethodSpec.methodBuilder("reset").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Starts over at the first element.\n")
                .addStatement("nextIndex = 0")
                .addStatement("nextOffset = first").build());
        type.addType(cursorType.build());

        host.type().addField(FieldSpec.builder(cursor, slot, Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", cursor).build());
        CodeBlock.Builder code = CodeBlock.builder();
        if (extent instanceof Extent.Fixed || extent instanceof Extent.Computed) {
            TypedExpr count = extent instanceof Extent.Fixed f ? TypedExpr.IntConst.of(f.value()) : ((Extent.Computed) extent).value();
            helpers.add("elementCount");
            code.addStatement("pos = this.$L.validate(pos, limit, $T.elementCount(region, $L, pos))", slot, RuntimeTypes.REGION_CHECKS, host.expressions().write(count));
        } else if (extent instanceof Extent.Prefixed p) {
            boolean nullable = p.nullMarker() != null;
            if (nullable) {
                host.type().addField(TypeName.BOOLEAN, storage.of(slot, StorageNames.Kind.NULL), Modifier.PRIVATE);
            }
            helpers.add("elementCount");
            code.add("{\n").indent()
                    .add(ctx.byteLikeReaders.readPrefix(p, slot, nullable))
                    .addStatement("pos = this.$L.validate(pos, limit, $T.elementCount(region, prefix, pos))", slot, RuntimeTypes.REGION_CHECKS)
                    .endControlFlow();
        } else {
            code.addStatement("pos = this.$L.validate(pos, limit, -1)", slot);
        }
        if (accessor != null) {
            host.type().addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC).returns(cursor)
                    .addJavadoc("$L\n(The reused cursor, reset to the first element.)\n", javadoc)
                    .addStatement("$L.reset()", slot)
                    .addStatement("return $L", slot).build());
        }
        return code.build();
    }

    /** Opens the trusted re-read of validated elements (restored afterwards, also when it fails). */
    private static MethodSpec.Builder beginTrusted(MethodSpec.Builder method, boolean trusted, String owner) {
        if (trusted) {
            method.addStatement("boolean wasTrusted = $L.trusted", owner)
                    .addStatement("$L.trusted = true", owner)
                    .beginControlFlow("try");
        }
        return method;
    }

    private static void endTrusted(MethodSpec.Builder method, boolean trusted, String owner) {
        if (trusted) {
            method.nextControlFlow("finally")
                    .addStatement("$L.trusted = wasTrusted", owner)
                    .endControlFlow();
        }
    }
}
