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
import io.sqlxwire.codegen.java.decoder.LayoutWalker;
import io.sqlxwire.codegen.java.session.ExprWriter;
import io.sqlxwire.codegen.java.session.JExpr;
import io.sqlxwire.codegen.java.values.Conditions;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The frame length of a self-delimiting framing (RESP): a scanner that walks the delimiting value
 * as far as the received bytes go, without decoding or allocating, and answers either where the
 * value ends or how many bytes it must see at least before it can go on. Values are checked only
 * as far as finding the end needs (lengths, counts, terminators, the union subjects); the decoder
 * of the message checks the rest.
 *
 * <p>Positions are {@code long}s that are either where the scan has got to or, once the bytes ran
 * out, minus the number of bytes needed. Every step passes a negative position on unchanged, so a
 * scan method is a plain sequence of steps ({@code pos = FrameScan.skip(buf, pos, 2);}) and stops
 * to look only where it must read a value. The steps are the runtime's {@code FrameScan}. Checks
 * whose outcome the description already fixes (a constant size cannot be negative) are not
 * emitted; union cases that scan alike are merged. Errors get the protocol and framing name once,
 * in {@code frameLength}.
 */
public final class DelimitedScanner {

    private static final com.palantir.javapoet.ClassName SCAN = RuntimeTypes.FRAME_SCAN;

    private final GenerationContext context;
    private final FramingModel framing;
    private final String label;
    private final Deque<String> pending = new ArrayDeque<>();
    private final Set<String> scheduled = new LinkedHashSet<>();
    private final List<FieldSpec> terminators = new ArrayList<>();
    private final Map<ByteString, String> terminatorNames = new HashMap<>();
    private int temps;
    /** Inside a block whose condition proves a local non-negative: that local (its check would be dead code). */
    private String nonNegative;

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
                .addStatement("long pos")
                .beginControlFlow("try");
        if (root instanceof WireType.StructRef s && s.arguments().isEmpty()) {
            schedule(s.name());
            frameLength.addStatement("pos = $L(available, 0, 1)", scanMethod(s.name()));
        } else {
            CodeBlock.Builder body = CodeBlock.builder();
            scanType(body, root, null, "available", "1");
            frameLength.addStatement("pos = 0").addCode(body.build());
        }
        // "redis framing reply": the protocol, and the framing in the place of a message name.
        String protocol = context.model().name() == null ? "" : context.model().name();
        String where = label.startsWith(protocol + " ") ? label.substring(protocol.length() + 1) : label;
        frameLength.nextControlFlow("catch ($T e)", RuntimeTypes.CODEC_EXCEPTION)
                .addStatement("throw e.inMessage($S, $S)", protocol, where)
                .endControlFlow()
                .addComment("Over the maximum is refused as soon as it is known: complete, or still arriving.")
                .beginControlFlow("if ($T.total(pos) > MAX_BODY)", SCAN)
                .addStatement(FramerGenerator.fail("available", CodeBlock.of("$S + (pos < 0 ? $S : $S) + $T.total(pos) + $S + MAX_BODY",
                        label + ": frame of ", "at least ", "", SCAN, " bytes exceeds the maximum of "), CodeBlock.of("0")))
                .endControlFlow()
                .addStatement("return pos");
        type.addMethod(frameLength.build());
        List<MethodSpec> scanners = new ArrayList<>();
        while (!pending.isEmpty()) {
            scanners.add(structScanner(pending.poll()));
        }
        scanners.forEach(type::addMethod);
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
                .addParameter(TypeName.LONG, "pos").addParameter(TypeName.INT, "depth")
                .beginControlFlow("if (pos < 0)")
                .addStatement("return pos")
                .endControlFlow();
        if (struct.recursive()) {
            method.beginControlFlow("if (depth > MAX_DEPTH)")
                    .addStatement(FramerGenerator.fail("buf", CodeBlock.of("$S + MAX_DEPTH",
                            "values nested deeper than "), CodeBlock.of("pos")))
                    .endControlFlow();
        }
        CodeBlock.Builder body = CodeBlock.builder();
        scanLayout(body, struct.layout(), "buf");
        return method.addCode(body.build()).addStatement("return pos").build();
    }

    private void schedule(String struct) {
        if (scheduled.add(struct)) {
            pending.add(struct);
        }
    }

    private void scanLayout(CodeBlock.Builder code, Layout layout, String buf) {
        ExprWriter exprs = new ExprWriter(context, locals(buf));
        // Only numbers something reads later are read; the others are skipped like any bytes.
        Set<String> read = new java.util.HashSet<>();
        LayoutWalker.forEachExpression(layout, e -> {
            if (e instanceof TypedExpr.FieldRef f) {
                read.add(f.path().get(0));
            }
        });
        // Fields under the same condition share one 'if', unless a field in it sets a value the condition reads.
        String openCondition = null;
        for (Member member : layout.members()) {
            if (member instanceof Let let) {
                if (!let.isJoin()) {
                    openCondition = close(code, openCondition);
                    code.addStatement("long $L = $L", local(let.name()), exprs.write(let.value()).code());
                }
                continue;
            }
            Field field = (Field) member;
            if (field.position() != null) {
                throw new UnsupportedOperationException(label + ": positioned field " + field.name() + " in a delimiting type");
            }
            String local = field.isAnonymous() || !read.contains(field.name())
                    || IntReads.intOf(field.type()) == null && !isNumber(field.type()) ? null : local(field.name());
            String condition = field.condition() == null ? null : exprs.condition(field.condition()).toString();
            // A number read under a condition is declared before the 'if', so that later fields can use it.
            boolean sameBlock = condition != null && condition.equals(openCondition) && local == null;
            if (!sameBlock) {
                openCondition = close(code, openCondition);
                if (local != null && condition != null) {
                    code.addStatement("long $L = 0", local);
                }
                if (condition != null) {
                    code.beginControlFlow("if ($L)", Conditions.bare(condition));
                    openCondition = condition;
                    nonNegative = nonNegativeUnder(field.condition());
                }
            }
            boolean declare = local != null && condition == null;
            if (field.regionSize() != null) {
                skip(code, field.regionSize(), exprs, buf);
            } else {
                scanType(code, field.type(), local == null ? null : new Local(local, declare), buf, "depth + 1");
            }
            if (local != null) {
                openCondition = close(code, openCondition);
            }
        }
        close(code, openCondition);
    }

    private String close(CodeBlock.Builder code, String openCondition) {
        if (openCondition != null) {
            code.endControlFlow();
        }
        nonNegative = null;
        return null;
    }

    /** The local a condition {@code x >= 0} proves non-negative inside its block, or null. */
    private static String nonNegativeUnder(TypedExpr condition) {
        if (condition instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.GE
                && b.left() instanceof TypedExpr.FieldRef f && f.path().size() == 1
                && b.right() instanceof TypedExpr.IntConst c && c.value().signum() >= 0) {
            return local(f.path().get(0));
        }
        return null;
    }

    /** Where a number read by the scan is kept; {@code declare} when the read may declare it. */
    private record Local(String name, boolean declare) {
        String assign() {
            return declare ? "long " + name : name;
        }
    }

    private static boolean isNumber(WireType type) {
        return type instanceof WireType.LenEnc || type instanceof WireType.AsciiInt;
    }

    private static String local(String name) {
        String member = Naming.member(name);
        return Set.of("pos", "buf", "depth", "available").contains(member) ? member + "Value" : member;
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

    /** Stops the scan when the bytes ran out: before a value is read, the position must be real. */
    private static void returnIfIncomplete(CodeBlock.Builder code, String position) {
        code.beginControlFlow("if ($L < 0)", position).addStatement("return $L", position).endControlFlow();
    }

    /** Code that moves {@code pos} past one value of {@code type}, storing it in {@code local} when a number. */
    private void scanType(CodeBlock.Builder code, WireType type, Local local, String buf, String depth) {
        WireType.Int integer = IntReads.intOf(type);
        if (integer != null) {
            int size = integer.kind().size();
            if (local == null) {
                code.addStatement("pos = $T.skip($L, pos, $L)", SCAN, buf, size);
                return;
            }
            code.addStatement("pos = $T.ensure($L, pos, $L)", SCAN, buf, size);
            returnIfIncomplete(code, "pos");
            JExpr read = IntReads.read(integer, CodeBlock.of(buf), CodeBlock.of("(int) pos"), context.model().byteOrder());
            code.addStatement("$L = $L", local.assign(), read.as(TypeName.LONG));
            code.addStatement("pos += $L", size);
        } else if (type instanceof WireType.LenEnc) {
            code.addStatement("pos = $T.ensure($L, pos, 1)", SCAN, buf);
            returnIfIncomplete(code, "pos");
            String width = temp("width");
            code.addStatement("int $L = $T.width($L, (int) pos)", width, RuntimeTypes.LENGTH_ENCODED_INT, buf);
            code.addStatement("pos = $T.ensure($L, pos, $L)", SCAN, buf, width);
            returnIfIncomplete(code, "pos");
            if (local != null) {
                code.addStatement("$L = $T.isNull($L, (int) pos) ? -1 : $T.read($L, (int) pos)", local.assign(),
                        RuntimeTypes.LENGTH_ENCODED_INT, buf, RuntimeTypes.LENGTH_ENCODED_INT, buf);
            }
            code.addStatement("pos += $L", width);
        } else if (type instanceof WireType.AsciiInt a) {
            requireCrlf(a.terminator(), "ascii_int");
            if (local == null) {
                code.addStatement("pos = $T.pastNumberLine($L, pos)", SCAN, buf);
                return;
            }
            String end = local.name() + "End";
            code.addStatement("long $L = $T.pastNumberLine($L, pos)", end, SCAN, buf);
            returnIfIncomplete(code, end);
            code.addStatement("$L = $T.parse($L, (int) pos, (int) $L - 2)", local.assign(), RuntimeTypes.ASCII_DECIMAL, buf, end);
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
            code.addStatement("pos = $T.skipLength($L, pos, ($L + $L + 7L) / 8)", SCAN, buf, bits.as(TypeName.LONG), bitmap.bitOffset());
        } else if (type instanceof WireType.StructRef s) {
            if (!s.arguments().isEmpty()) {
                throw new UnsupportedOperationException(label + ": struct arguments in a delimiting type");
            }
            schedule(s.name());
            code.addStatement("pos = $L($L, pos, $L)", scanMethod(s.name()), buf, depth);
        } else if (type instanceof WireType.Array array) {
            scanArray(code, array, buf, depth);
        } else if (type instanceof WireType.Union union) {
            scanUnion(code, union, buf, depth);
        } else {
            throw new UnsupportedOperationException(label + ": " + type + " in a delimiting type");
        }
    }

    /** Skips bytes whose number an expression gives; only a size from the input is checked for being negative. */
    private void skip(CodeBlock.Builder code, TypedExpr size, ExprWriter exprs, String buf) {
        BigInteger constant = constant(size);
        if (constant != null && constant.signum() >= 0 && constant.bitLength() < 31) {
            code.addStatement("pos = $T.skip($L, pos, $L)", SCAN, buf, constant);
        } else {
            code.addStatement("pos = $T.skipLength($L, pos, $L)", SCAN, buf, exprs.write(size).as(TypeName.LONG));
        }
    }

    private static BigInteger constant(TypedExpr e) {
        if (e instanceof TypedExpr.IntConst c) {
            return c.value();
        }
        return e instanceof TypedExpr.NamedConst n ? n.value() : null;
    }

    private void scanBytes(CodeBlock.Builder code, Extent extent, String buf) {
        ExprWriter exprs = new ExprWriter(context, locals(buf));
        if (extent instanceof Extent.Fixed f) {
            skip(code, TypedExpr.IntConst.of(f.value()), exprs, buf);
        } else if (extent instanceof Extent.Computed c) {
            skip(code, c.value(), exprs, buf);
        } else if (extent instanceof Extent.Terminated t) {
            ByteString term = t.terminator();
            if (term.length() == 1) {
                code.addStatement("pos = $T.pastByte($L, pos, (byte) $L)", SCAN, buf, term.byteAt(0));
            } else {
                requireCrlf(term, "a terminator");
                code.addStatement("pos = $T.pastCrlf($L, pos)", SCAN, buf);
            }
        } else if (extent instanceof Extent.Prefixed p) {
            String length = temp("length");
            scanType(code, p.lengthType(), new Local(length, true), buf, "depth + 1");
            if (p.nullMarker() != null || p.lengthType() instanceof WireType.LenEnc) {
                long marker = p.nullMarker() != null ? p.nullMarker() : -1;
                code.beginControlFlow("if ($L != $LL)", length, marker)
                        .addStatement("pos = $T.skipLength($L, pos, $L)", SCAN, buf, length)
                        .endControlFlow();
            } else {
                code.addStatement("pos = $T.skipLength($L, pos, $L)", SCAN, buf, length);
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

    private void scanArray(CodeBlock.Builder code, WireType.Array array, String buf, String depth) {
        ExprWriter exprs = new ExprWriter(context, locals(buf));
        Extent count = array.count();
        if (count instanceof Extent.Terminated t) {
            String constant = terminator(t.terminator());
            code.beginControlFlow("while (true)")
                    .addStatement("pos = $T.ensure($L, pos, $L.length)", SCAN, buf, constant)
                    .beginControlFlow("if (pos < 0 || $T.startsWith($L, pos, $L))", SCAN, buf, constant)
                    .addStatement("break")
                    .endControlFlow();
            scanType(code, array.element(), null, buf, depth);
            code.endControlFlow();
            code.addStatement("pos = $T.skip($L, pos, $L.length)", SCAN, buf, constant);
            return;
        }
        CodeBlock n;
        if (count instanceof Extent.Fixed f) {
            n = CodeBlock.of("$LL", f.value());
        } else if (count instanceof Extent.Computed c && c.value() instanceof TypedExpr.FieldRef f && f.path().size() == 1) {
            String name = local(f.path().get(0));
            if (!name.equals(nonNegative)) {
                negativeCount(code, buf, name);
            }
            n = CodeBlock.of("$L", name);
        } else {
            String name = temp("count");
            if (count instanceof Extent.Computed c) {
                code.addStatement("long $L = $L", name, exprs.write(c.value()).as(TypeName.LONG));
            } else if (count instanceof Extent.Prefixed p) {
                scanType(code, p.lengthType(), new Local(name, true), buf, depth);
            } else {
                throw new UnsupportedOperationException(label + ": an array to the end of the region cannot end a frame");
            }
            negativeCount(code, buf, name);
            n = CodeBlock.of("$L", name);
        }
        String i = temp("i");
        // Stops early once the bytes run out: a huge count must not spin over nothing.
        code.beginControlFlow("for (long $L = 0; $L < $L && pos >= 0; $L++)", i, i, n, i);
        scanType(code, array.element(), null, buf, depth);
        code.endControlFlow();
    }

    private void negativeCount(CodeBlock.Builder code, String buf, String count) {
        code.beginControlFlow("if ($L < 0)", count)
                .addStatement(FramerGenerator.fail(buf, CodeBlock.of("$S + $L", "negative count ", count),
                        CodeBlock.of("pos")))
                .endControlFlow();
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

    /** One union case: its patterns and the code that scans it. */
    private record Case(List<UnionArm.Range> patterns, CodeBlock code) {
        boolean scansLike(CodeBlock other) {
            return code.toString().equals(other.toString());
        }
    }

    private void scanUnion(CodeBlock.Builder code, WireType.Union union, String buf, String depth) {
        String subject = subject(code, union, buf);
        List<Case> cases = new ArrayList<>();
        for (UnionArm arm : union.arms()) {
            if (arm.guard() != null) {
                throw new UnsupportedOperationException(label + ": union guards in a delimiting type");
            }
            CodeBlock.Builder scan = CodeBlock.builder();
            scanType(scan, arm.type(), null, buf, depth);
            cases.add(new Case(new ArrayList<>(arm.patterns()), scan.build()));
        }
        CodeBlock.Builder otherwise = CodeBlock.builder();
        if (union.fallback() != null) {
            scanType(otherwise, union.fallback().type(), null, buf, depth);
        } else {
            otherwise.addStatement(FramerGenerator.fail(buf,
                    CodeBlock.of("$S + $L", "no layout for value ", subject), CodeBlock.of("pos")));
        }
        CodeBlock fallback = otherwise.build();
        cases = merged(cases, fallback);
        for (int k = 0; k < cases.size(); k++) {
            CodeBlock.Builder test = CodeBlock.builder();
            List<UnionArm.Range> patterns = cases.get(k).patterns();
            for (int p = 0; p < patterns.size(); p++) {
                UnionArm.Range range = patterns.get(p);
                test.add(p == 0 ? "" : " || ");
                if (range.low().equals(range.high())) {
                    test.add("$L == $L", subject, ExprWriter.literal(range.low()).code());
                } else {
                    test.add("($L >= $L && $L <= $L)", subject, ExprWriter.literal(range.low()).code(), subject,
                            ExprWriter.literal(range.high()).code());
                }
            }
            if (k == 0) {
                code.beginControlFlow("if ($L)", Conditions.bare(test.build()));
            } else {
                code.nextControlFlow("else if ($L)", Conditions.bare(test.build()));
            }
            code.add(cases.get(k).code());
        }
        if (!cases.isEmpty()) {
            code.nextControlFlow("else");
        }
        code.add(fallback);
        if (!cases.isEmpty()) {
            code.endControlFlow();
        }
    }

    /** The union's subject as a local: the number field it names, or a read ahead of the bytes. */
    private String subject(CodeBlock.Builder code, WireType.Union union, String buf) {
        if (union.subject() instanceof TypedExpr.FieldRef f && f.path().size() == 1) {
            return local(f.path().get(0));
        }
        String subject = temp("subject");
        if (union.subject() instanceof TypedExpr.Peek peek) {
            int size = peek.read().kind().size();
            CodeBlock at = CodeBlock.of("(int) pos");
            BigInteger offset = peek.offset() == null ? BigInteger.ZERO : constant(peek.offset());
            if (offset != null && offset.signum() == 0) {
                code.addStatement("pos = $T.ensure($L, pos, $L)", SCAN, buf, size);
            } else {
                String name = temp("offset");
                code.addStatement("int $L = $L", name, new ExprWriter(context, locals(buf)).write(peek.offset()).asInt());
                at = CodeBlock.of("(int) pos + $L", name);
                code.addStatement("pos = $T.ensure($L, pos, $L + $L)", SCAN, buf, name, size);
            }
            returnIfIncomplete(code, "pos");
            JExpr read = IntReads.read(peek.read(), CodeBlock.of(buf), at, context.model().byteOrder());
            code.addStatement("long $L = $L", subject, read.as(TypeName.LONG));
        } else {
            code.addStatement("long $L = $L", subject, new ExprWriter(context, locals(buf)).write(union.subject()).as(TypeName.LONG));
        }
        return subject;
    }

    /**
     * The cases with the ones that scan like the fallback dropped and the ones that scan alike
     * joined into the first of them. Cases are tried in order, so a case moves or goes only when
     * no case it would jump over matches one of its values.
     */
    private static List<Case> merged(List<Case> cases, CodeBlock fallback) {
        List<Case> out = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            Case current = cases.get(k);
            List<Case> later = cases.subList(k + 1, cases.size());
            if (current.scansLike(fallback) && later.stream().noneMatch(c -> overlaps(c, current))) {
                continue;
            }
            int into = -1;
            for (int j = out.size() - 1; j >= 0; j--) {
                if (out.get(j).scansLike(current.code())) {
                    into = j;
                    break;
                }
                if (overlaps(out.get(j), current)) {
                    break;
                }
            }
            if (into < 0) {
                out.add(new Case(new ArrayList<>(current.patterns()), current.code()));
            } else {
                out.get(into).patterns().addAll(current.patterns());
            }
        }
        return out;
    }

    private static boolean overlaps(Case a, Case b) {
        for (UnionArm.Range x : a.patterns()) {
            for (UnionArm.Range y : b.patterns()) {
                if (x.low().compareTo(y.high()) <= 0 && y.low().compareTo(x.high()) <= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
