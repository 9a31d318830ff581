package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
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
        TypeSpec.Builder cursorType = TypeSpec.classBuilder(cursor).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
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
        CodeBlock readShared = ctx.fieldReaders.readValue(element, "element", elementAccessor, idlField, null, cursorHost);
        // Elements of a flat struct (no arrays, not recursive) keep a decoder each, wrapped once by
        // wrap's validation: next() and get(i) hand it out without reading the element again.
        boolean keeps = element instanceof WireType.StructRef ref && isFlat(ref.name(), new java.util.HashSet<>());
        if (keeps) {
            cursorType.addJavadoc("Iterates {@code $L}: the first $L elements have a decoder each, wrapped when {@code wrap}\n"
                    + "validated them and kept for later values; later ones share one, re-pointed by {@code next()}.\n",
                    idlField, KEPT_MAX);
        } else {
            cursorType.addJavadoc("Iterates {@code $L} without allocating: {@code next()} re-points the same element.\n", idlField);
        }
        if (keeps) {
            WireType.StructRef ref = (WireType.StructRef) element;
            ClassName decoder = JavaValueTypes.decoderClass(context, ref.name());
            addKept(cursorType, decoder);
            readElement.addStatement("$T decoder = index < $T.MAX ? kept.of(index) : element", decoder,
                            RuntimeTypes.KEPT_DECODERS)
                    .addCode(ctx.structAndUnionReaders.wrapStruct(ref, CodeBlock.of("decoder"), cursorHost));
        } else {
            readElement.addCode(readShared);
        }
        readElement.addStatement("return pos");
        cursorType.addMethod(readElement.build());

        // Byte-like elements are a position and a length: wrap records them, and next() and get(i)
        // restore them instead of reading each element a second time.
        boolean records = JavaValueTypes.isByteLike(element);
        if (records) {
            addRecords(cursorType, JavaValueTypes.isNullable(element));
        }

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
        if (keeps) {
            validate.beginControlFlow("if (index == $T.MAX)", RuntimeTypes.KEPT_DECODERS)
                    .addComment("Elements from here on are read again by next() and get(i), starting here.")
                    .addStatement("this.afterKept = pos")
                    .endControlFlow();
        }
        validate.addStatement("int start = pos")
                .beginControlFlow("try")
                .addStatement("pos = readElement(pos, limit, index)")
                .nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inElement(index)")
                .endControlFlow();
        if (records) {
            String offset = storage.of("element", StorageNames.Kind.VALUE_OFFSET);
            String length = storage.of("element", StorageNames.Kind.VALUE_LENGTH);
            if (JavaValueTypes.isNullable(element)) {
                validate.addStatement("records.record(index, $L, $L ? -1 : $L)", offset,
                        storage.of("element", StorageNames.Kind.NULL), length);
            } else {
                validate.addStatement("records.record(index, $L, $L)", offset, length);
            }
        }
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
        if (records) {
            validate.addStatement("this.recorded = $T.holds(index)", RuntimeTypes.RECORDED_ELEMENTS);
        }
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
        if (records) {
            next.beginControlFlow("if (recorded)").addStatement("restore(nextIndex)").nextControlFlow("else");
        }
        if (keeps) {
            next.beginControlFlow("if (nextIndex < $T.MAX)", RuntimeTypes.KEPT_DECODERS)
                    .addStatement("return kept.of(nextIndex++)")
                    .endControlFlow()
                    .beginControlFlow("if (nextIndex == $T.MAX)", RuntimeTypes.KEPT_DECODERS)
                    .addStatement("nextOffset = afterKept")
                    .endControlFlow();
        }
        beginTrusted(next, rereadTrusted, cursorHost.ownerRef())
                .addStatement("nextOffset = readElement(nextOffset, limit, nextIndex)");
        endTrusted(next, rereadTrusted, cursorHost.ownerRef());
        if (records) {
            next.endControlFlow();
        }
        cursorType.addMethod(next.addStatement("nextIndex++")
                .addStatement("return $L", resultValue).build());
        MethodSpec.Builder get = MethodSpec.methodBuilder("get").addModifiers(Modifier.PUBLIC).returns(result)
                .addParameter(TypeName.INT, "i")
                .addStatement("$T.checkIndex(i, count)", Objects.class);
        if (records) {
            get.addJavadoc("Element {@code i}: recorded by {@code wrap} (up to $L elements), else found by stepping over\n"
                    + "the ones before it. Moves the shared element.\n", RECORDED_MAX)
                    .beginControlFlow("if (recorded)")
                    .addStatement("restore(i)")
                    .addStatement("return $L", resultValue)
                    .endControlFlow();
        }
        if (keeps) {
            get.addJavadoc("Element {@code i}: its own decoder for the first $L, else found by stepping over the ones\n"
                    + "before it (moving the shared element).\n", KEPT_MAX)
                    .beginControlFlow("if (i < $T.MAX)", RuntimeTypes.KEPT_DECODERS)
                    .addStatement("return kept.of(i)")
                    .endControlFlow();
        }
        if (element.fixedSize().isPresent()) {
            if (!keeps) {
                get.addJavadoc("Element {@code i}, read directly (elements have a fixed size). Moves the shared element.\n");
            }
            beginTrusted(get, rereadTrusted, cursorHost.ownerRef())
                    .addStatement("readElement(first + i * $L, limit, i)", element.fixedSize().getAsLong());
        } else {
            if (!records && !keeps) {
                get.addJavadoc("Element {@code i}, found by stepping over the ones before it. Moves the shared element.\n");
            }
            beginTrusted(get, rereadTrusted, cursorHost.ownerRef())
                    .addStatement(keeps ? "int at = afterKept" : "int at = first")
                    .beginControlFlow(keeps ? CodeBlock.of("for (int k = $T.MAX; k <= i; k++)", RuntimeTypes.KEPT_DECODERS)
                            : CodeBlock.of("for (int k = 0; k <= i; k++)"))
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

    /** {@code KeptDecoders.MAX}, for the Javadoc of generated cursors. */
    private static final int KEPT_MAX = 256;

    /** {@code RecordedElements.MAX}, for the Javadoc of generated cursors. */
    private static final int RECORDED_MAX = 4096;

    /** Whether decoders of this struct hold no arrays (so no cursors of their own) and no recursion. */
    private boolean isFlat(String structName, java.util.Set<String> visiting) {
        io.sqlxwire.idl.model.StructModel struct = context.model().struct(structName).orElseThrow();
        if (struct.recursive() || !visiting.add(structName)
                || DecoderBuilder.coversFrame(context, struct.layout(), new java.util.TreeSet<>())) {
            return false;
        }
        for (io.sqlxwire.idl.model.Field field : struct.layout().fields()) {
            if (!isFlatType(field.type(), visiting)) {
                return false;
            }
        }
        return true;
    }

    private boolean isFlatType(WireType type, java.util.Set<String> visiting) {
        if (type instanceof WireType.Array) {
            return false;
        }
        if (type instanceof WireType.StructRef s) {
            return isFlat(s.name(), visiting);
        }
        if (type instanceof WireType.Union u) {
            for (io.sqlxwire.idl.model.UnionArm arm : u.allArms()) {
                if (!isFlatType(arm.type(), visiting)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void addKept(TypeSpec.Builder cursorType, ClassName decoder) {
        cursorType.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.KEPT_DECODERS, decoder), "kept",
                        Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>($T::new)", RuntimeTypes.KEPT_DECODERS, decoder)
                .addJavadoc("The decoders of the first elements, created on first use and kept for later values.\n").build());
        cursorType.addField(FieldSpec.builder(TypeName.INT, "afterKept", Modifier.PRIVATE)
                .addJavadoc("Where the first element without a decoder of its own starts, when there is one.\n").build());
    }

    private void addRecords(TypeSpec.Builder cursorType, boolean nullable) {
        String offset = storage.of("element", StorageNames.Kind.VALUE_OFFSET);
        String length = storage.of("element", StorageNames.Kind.VALUE_LENGTH);
        cursorType.addField(FieldSpec.builder(RuntimeTypes.RECORDED_ELEMENTS, "records", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", RuntimeTypes.RECORDED_ELEMENTS)
                .addJavadoc("Where each element's value lies, as {@code wrap} validated it.\n").build());
        cursorType.addField(FieldSpec.builder(TypeName.BOOLEAN, "recorded", Modifier.PRIVATE)
                .addJavadoc("Whether every element is recorded.\n").build());
        MethodSpec.Builder restore = MethodSpec.methodBuilder("restore").addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "index")
                .addJavadoc("Makes recorded element {@code index} the current one.\n")
                .addStatement("this.$L = records.offset(index)", offset);
        if (nullable) {
            restore.addStatement("int recordedLength = records.length(index)")
                    .addStatement("this.$L = recordedLength < 0", storage.of("element", StorageNames.Kind.NULL))
                    .addStatement("this.$L = Math.max(0, recordedLength)", length);
        } else {
            restore.addStatement("this.$L = records.length(index)", length);
        }
        cursorType.addMethod(restore.build());
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
