package io.sqlxwire.codegen.java.framing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.FramerGenerator;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.session.ExprWriter;
import io.sqlxwire.codegen.java.session.JExpr;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The frame length of a self-delimiting framing (RESP): a scanner that walks the delimiting value
 * as far as the received bytes go, without decoding or allocating, and answers either where the
 * value ends or how many bytes it must see at least before it can go on. Values are checked only
 * as far as finding the end needs (lengths, counts, terminators, the union subjects); the decoder
 * of the message checks the rest.
 *
 * <p>Each scan method takes the buffer, the position and the nesting depth, and returns the
 * position after the value, or minus the number of bytes needed when the value is incomplete.
 */
public final class DelimitedScanner {

    private final GenerationContext context;
    private final FramingModel framing;
    private final String label;
    private final Deque<String> pending = new ArrayDeque<>();
    private final Set<String> scheduled = new LinkedHashSet<>();
    private final List<FieldSpec> terminators = new ArrayList<>();
    private final java.util.Map<ByteString, String> terminatorNames = new java.util.HashMap<>();
    private int temps;

    public DelimitedScanner(GenerationContext context, FramingModel framing, String label) {
        this.context = context;
        this.framing = framing;
        this.label = label;
    }

    public void addTo(TypeSpec.Builder type) {
        WireType root = framing.delimitedBy();
        type.addField(FieldSpec.builder(TypeName.INT, "MAX_DEPTH", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", context.model().maxDepth()).build());
        type.addMethod(MethodSpec.methodBuilder("headerLength").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("The fewest bytes a frame can have.\n")
                .addStatement("return $L", Math.max(1, minSize(root))).build());
        MethodSpec.Builder frameLength = MethodSpec.methodBuilder("frameLength").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(TypeName.LONG).addParameter(RuntimeTypes.WIRE_BUFFER, "available")
                .addStatement("int pos = 0")
                .addStatement("int depth = 0");
        CodeBlock.Builder body = CodeBlock.builder();
        scanType(body, root, null, "available");
        frameLength.addCode(body.build());
        frameLength.beginControlFlow("if (pos > MAX_BODY)")
                .addStatement(FramerGenerator.fail("available", CodeBlock.of("$S + pos + $S + MAX_BODY",
                        label + ": frame of ", " bytes exceeds the maximum of "), CodeBlock.of("0")))
                .endControlFlow()
                .addStatement("return pos");
        type.addMethod(frameLength.build());
        // The limit: an incomplete value asks for more only while it stays under the maximum.
        type.addMethod(MethodSpec.methodBuilder("need").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.LONG).addParameter(RuntimeTypes.WIRE_BUFFER, "buf").addParameter(TypeName.LONG, "total")
                .beginControlFlow("if (total > MAX_BODY)")
                .addStatement(FramerGenerator.fail("buf", CodeBlock.of("$S + total + $S + MAX_BODY",
                        label + ": frame of at least ", " bytes exceeds the maximum of "), CodeBlock.of("0")))
                .endControlFlow()
                .addStatement("return $T.needAtLeast(total)", RuntimeTypes.FRAME_HEADER_READER).build());
        while (!pending.isEmpty()) {
            type.addMethod(structScanner(pending.poll()));
        }
        terminators.forEach(type::addField);
    }

    private long minSize(WireType type) {
        if (type instanceof WireType.StructRef s) {
            return context.model().struct(s.name()).map(st -> st.layout().minSize()).orElse(1L);
        }
        return type.fixedSize().orElse(1);
    }

    private static String scanMethod(String struct) {
        return "scan" + Naming.pascal(struct);
    }

    private MethodSpec structScanner(String name) {
        StructModel struct = context.model().struct(name).orElseThrow();
        if (!struct.parameters().isEmpty()) {
            throw new UnsupportedOperationException(label + ": struct " + name + " with parameters in a delimiting type");
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(scanMethod(name)).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Walks a {@code $L} from {@code pos}: where it ends, or minus the bytes needed.\n", name)
                .returns(TypeName.LONG).addParameter(RuntimeTypes.WIRE_BUFFER, "buf")
                .addParameter(TypeName.INT, "start").addParameter(TypeName.INT, "depth")
                .addStatement("int pos = start");
        if (struct.recursive()) {
            method.beginControlFlow("if (depth > MAX_DEPTH)")
                    .addStatement(FramerGenerator.fail("buf", CodeBlock.of("$S + MAX_DEPTH",
                            label + ": values nested deeper than "), CodeBlock.of("pos")))
                    .endControlFlow();
        }
        CodeBlock.Builder body = CodeBlock.builder();
        scanLayout(body, struct.layout(), "buf");
        return method.addCode(body.build()).addStatement("return pos").build();
    }

    private void scanLayout(CodeBlock.Builder code, Layout layout, String buf) {
        ExprWriter exprs = new ExprWriter(context, locals(buf));
        for (Member member : layout.members()) {
            if (member instanceof Let let) {
                if (!let.isJoin()) {
                    code.addStatement("long $L = $L", local(let.name()), exprs.write(let.value()).code());
                }
                continue;
            }
            Field field = (Field) member;
            if (field.position() != null) {
                throw new UnsupportedOperationException(label + ": positioned field " + field.name() + " in a delimiting type");
            }
            String local = field.isAnonymous() || IntReads.intOf(field.type()) == null && !isNumber(field.type())
                    ? null : local(field.name());
            if (local != null) {
                code.addStatement("long $L = 0", local);
            }
            if (field.condition() != null) {
                code.beginControlFlow("if ($L)", exprs.condition(field.condition()));
            }
            if (field.regionSize() != null) {
                skip(code, exprs.write(field.regionSize()), buf);
            } else {
                scanType(code, field.type(), local, buf);
            }
            if (field.condition() != null) {
                code.endControlFlow();
            }
        }
    }

    private static boolean isNumber(WireType type) {
        return type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt;
    }

    private static String local(String name) {
        String member = Naming.member(name);
        return Set.of("pos", "buf", "start", "depth", "available").contains(member) ? member + "Value" : member;
    }

    private ExprWriter.Names locals(String buf) {
        return new ExprWriter.Names() {
            @Override
            public JExpr field(List<String> path, ExprType type) {
                if (path.size() != 1) {
                    throw ExprWriter.unsupported("a nested field in a delimiting type");
                }
                return JExpr.of(TypeName.LONG, "$L", local(path.get(0)));
            }

            @Override
            public JExpr let(String name, ExprType type) {
                return JExpr.of(TypeName.LONG, "$L", local(name));
            }
        };
    }

    private String temp(String base) {
        return base + (++temps);
    }

    /** Code that moves {@code pos} past one value of {@code type}, storing it in {@code local} when a number. */
    private void scanType(CodeBlock.Builder code, WireType type, String local, String buf) {
        WireType.Int integer = IntReads.intOf(type);
        if (integer != null) {
            int size = integer.kind().size();
            needBytes(code, CodeBlock.of("$L", size), buf);
            if (local != null) {
                JExpr read = IntReads.read(integer, CodeBlock.of(buf), CodeBlock.of("pos"), context.model().byteOrder());
                code.addStatement("$L = $L", local, read.as(TypeName.LONG));
            }
            code.addStatement("pos += $L", size);
        } else if (type instanceof WireType.LenEnc) {
            needBytes(code, CodeBlock.of("1"), buf);
            String width = temp("width");
            code.addStatement("int $L = $T.width($L, pos)", width, RuntimeTypes.LENGTH_ENCODED_INT, buf);
            needBytes(code, CodeBlock.of("$L", width), buf);
            if (local != null) {
                code.addStatement("$L = $T.isNull($L, pos) ? -1 : $T.read($L, pos)", local,
                        RuntimeTypes.LENGTH_ENCODED_INT, buf, RuntimeTypes.LENGTH_ENCODED_INT, buf);
            }
            code.addStatement("pos += $L", width);
        } else if (type instanceof WireType.AsciiInt a) {
            requireCrlf(a.terminator(), "ascii_int");
            String end = temp("end");
            code.addStatement("int $L = $T.lineEnd($L, pos, $L.length())", end, RuntimeTypes.ASCII_DECIMAL, buf, buf);
            code.beginControlFlow("if ($L < 0)", end).addStatement("return need($L, $L.length() + 1L)", buf, buf).endControlFlow();
            if (local != null) {
                code.addStatement("$L = $T.parse($L, pos, $L - 2)", local, RuntimeTypes.ASCII_DECIMAL, buf, end);
            }
            code.addStatement("pos = $L", end);
        } else if (type instanceof WireType.Bytes b) {
            scanBytes(code, b.extent(), buf);
        } else if (type instanceof WireType.Text t) {
            scanBytes(code, t.extent(), buf);
        } else if (type instanceof WireType.Padding p) {
            scanBytes(code, p.extent(), buf);
        } else if (type instanceof WireType.Empty) {
            return;
        } else if (type instanceof WireType.Bitmap bitmap) {
            JExpr bits = new ExprWriter(context, locals(buf)).write(bitmap.bits());
            skip(code, JExpr.of(TypeName.LONG, "(($L + $L + 7L) / 8)", bits.code(), bitmap.bitOffset()), buf);
        } else if (type instanceof WireType.StructRef s) {
            if (!s.arguments().isEmpty()) {
                throw new UnsupportedOperationException(label + ": struct arguments in a delimiting type");
            }
            if (scheduled.add(s.name())) {
                pending.add(s.name());
            }
            String result = temp("scanned");
            code.addStatement("long $L = $L($L, pos, depth + 1)", result, scanMethod(s.name()), buf);
            code.beginControlFlow("if ($L < 0)", result).addStatement("return $L", result).endControlFlow();
            code.addStatement("pos = (int) $L", result);
        } else if (type instanceof WireType.Array array) {
            scanArray(code, array, buf);
        } else if (type instanceof WireType.Union union) {
            scanUnion(code, union, buf);
        } else {
            throw new UnsupportedOperationException(label + ": " + type + " in a delimiting type");
        }
    }

    private void needBytes(CodeBlock.Builder code, CodeBlock count, String buf) {
        code.beginControlFlow("if (pos + $L > $L.length())", count, buf)
                .addStatement("return need($L, (long) pos + $L)", buf, count)
                .endControlFlow();
    }

    private void skip(CodeBlock.Builder code, JExpr size, String buf) {
        String n = temp("size");
        code.addStatement("long $L = $L", n, size.as(TypeName.LONG));
        code.beginControlFlow("if ($L < 0)", n)
                .addStatement(FramerGenerator.fail(buf, CodeBlock.of("$S + $L", label + ": negative size ", n), CodeBlock.of("pos")))
                .endControlFlow();
        code.beginControlFlow("if (pos + $L > $L.length())", n, buf)
                .addStatement("return need($L, pos + $L)", buf, n)
                .endControlFlow();
        code.addStatement("pos += (int) $L", n);
    }

    private void scanBytes(CodeBlock.Builder code, Extent extent, String buf) {
        ExprWriter exprs = new ExprWriter(context, locals(buf));
        if (extent instanceof Extent.Fixed f) {
            skip(code, JExpr.of(TypeName.LONG, "$LL", f.value()), buf);
        } else if (extent instanceof Extent.Computed c) {
            skip(code, exprs.write(c.value()), buf);
        } else if (extent instanceof Extent.Terminated t) {
            ByteString term = t.terminator();
            String at = temp("end");
            if (term.length() == 1) {
                code.addStatement("int $L = $L.indexOf((byte) $L, pos, $L.length())", at, buf, term.byteAt(0), buf);
                code.beginControlFlow("if ($L < 0)", at).addStatement("return need($L, $L.length() + 1L)", buf, buf).endControlFlow();
                code.addStatement("pos = $L + 1", at);
            } else {
                requireCrlf(term, "a terminator");
                code.addStatement("int $L = $T.findCrlf($L, pos, $L.length())", at, RuntimeTypes.TERMINATORS, buf, buf);
                code.beginControlFlow("if ($L < 0)", at).addStatement("return need($L, $L.length() + 1L)", buf, buf).endControlFlow();
                code.addStatement("pos = $L + 2", at);
            }
        } else if (extent instanceof Extent.Prefixed p) {
            String length = temp("length");
            code.addStatement("long $L = 0", length);
            scanType(code, p.lengthType(), length, buf);
            if (p.nullMarker() != null || p.lengthType() instanceof WireType.LenEnc) {
                long marker = p.nullMarker() != null ? p.nullMarker() : -1;
                code.beginControlFlow("if ($L != $LL)", length, marker);
                skip(code, JExpr.of(TypeName.LONG, "$L", length), buf);
                code.endControlFlow();
            } else {
                skip(code, JExpr.of(TypeName.LONG, "$L", length), buf);
            }
        } else {
            throw new UnsupportedOperationException(label + ": 'rest' cannot end a self-delimiting frame");
        }
    }

    private void requireCrlf(ByteString term, String what) {
        if (!term.equals(ByteString.of((byte) '\r', (byte) '\n'))) {
            throw new UnsupportedOperationException(label + ": " + what + " ended by " + term
                    + " in a delimiting type (only CRLF and single bytes are supported)");
        }
    }

    private void scanArray(CodeBlock.Builder code, WireType.Array array, String buf) {
        ExprWriter exprs = new ExprWriter(context, locals(buf));
        Extent count = array.count();
        if (count instanceof Extent.Terminated t) {
            String constant = terminator(t.terminator());
            int length = t.terminator().length();
            code.beginControlFlow("while (true)");
            code.beginControlFlow("if (pos + $L > $L.length())", length, buf)
                    .addStatement("return need($L, pos + $LL)", buf, length).endControlFlow();
            code.beginControlFlow("if ($L.contentEquals(pos, $L, $L, 0))", buf, length, constant)
                    .addStatement("pos += $L", length).addStatement("break").endControlFlow();
            scanType(code, array.element(), null, buf);
            code.endControlFlow();
            return;
        }
        String n = temp("count");
        if (count instanceof Extent.Fixed f) {
            code.addStatement("long $L = $LL", n, f.value());
        } else if (count instanceof Extent.Computed c) {
            code.addStatement("long $L = $L", n, exprs.write(c.value()).as(TypeName.LONG));
        } else if (count instanceof Extent.Prefixed p) {
            code.addStatement("long $L = 0", n);
            scanType(code, p.lengthType(), n, buf);
        } else {
            throw new UnsupportedOperationException(label + ": an array to the end of the region cannot end a frame");
        }
        code.beginControlFlow("if ($L < 0)", n)
                .addStatement(FramerGenerator.fail(buf, CodeBlock.of("$S + $L", label + ": negative count ", n), CodeBlock.of("pos")))
                .endControlFlow();
        String i = temp("i");
        code.beginControlFlow("for (long $L = 0; $L < $L; $L++)", i, i, n, i);
        scanType(code, array.element(), null, buf);
        code.endControlFlow();
    }

    private String terminator(ByteString bytes) {
        String known = terminatorNames.get(bytes);
        if (known != null) {
            return known;
        }
        String name = "TERMINATOR_" + (terminators.size() + 1);
        CodeBlock.Builder values = CodeBlock.builder();
        for (int k = 0; k < bytes.length(); k++) {
            values.add(k == 0 ? "$L" : ", $L", (byte) bytes.byteAt(k));
        }
        terminators.add(FieldSpec.builder(byte[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$L}", values.build()).build());
        terminatorNames.put(bytes, name);
        return name;
    }

    private void scanUnion(CodeBlock.Builder code, WireType.Union union, String buf) {
        String subject = temp("subject");
        if (union.subject() instanceof io.sqlxwire.idl.model.TypedExpr.Peek peek) {
            int size = peek.read().kind().size();
            CodeBlock at = CodeBlock.of("pos");
            if (peek.offset() != null && !(peek.offset() instanceof io.sqlxwire.idl.model.TypedExpr.IntConst c && c.value().signum() == 0)) {
                String offset = temp("offset");
                code.addStatement("int $L = $L", offset, new ExprWriter(context, locals(buf)).write(peek.offset()).asInt());
                at = CodeBlock.of("pos + $L", offset);
                needBytes(code, CodeBlock.of("$L + $L", offset, size), buf);
            } else {
                needBytes(code, CodeBlock.of("$L", size), buf);
            }
            JExpr read = IntReads.read(peek.read(), CodeBlock.of(buf), at, context.model().byteOrder());
            code.addStatement("long $L = $L", subject, read.as(TypeName.LONG));
        } else {
            code.addStatement("long $L = $L", subject, new ExprWriter(context, locals(buf)).write(union.subject()).as(TypeName.LONG));
        }
        boolean first = true;
        for (UnionArm arm : union.arms()) {
            if (arm.guard() != null) {
                throw new UnsupportedOperationException(label + ": union guards in a delimiting type");
            }
            CodeBlock.Builder test = CodeBlock.builder();
            for (int k = 0; k < arm.patterns().size(); k++) {
                UnionArm.Range range = arm.patterns().get(k);
                if (k > 0) {
                    test.add(" || ");
                }
                if (range.low().equals(range.high())) {
                    test.add("$L == $L", subject, ExprWriter.literal(range.low()).code());
                } else {
                    test.add("($L >= $L && $L <= $L)", subject, ExprWriter.literal(range.low()).code(), subject,
                            ExprWriter.literal(range.high()).code());
                }
            }
            if (first) {
                code.beginControlFlow("if ($L)", test.build());
                first = false;
            } else {
                code.nextControlFlow("else if ($L)", test.build());
            }
            scanType(code, arm.type(), null, buf);
        }
        if (!first) {
            code.nextControlFlow("else");
        }
        if (union.fallback() != null) {
            scanType(code, union.fallback().type(), null, buf);
        } else {
            code.addStatement(FramerGenerator.fail(buf, CodeBlock.of("$S + $L", label + ": no layout for value ", subject),
                    CodeBlock.of("pos")));
        }
        if (!first) {
            code.endControlFlow();
        }
    }
}
