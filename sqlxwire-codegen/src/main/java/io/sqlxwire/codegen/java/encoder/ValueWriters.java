package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.values.Conditions;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.WireType;
import java.util.Optional;

/**
 * Code writing one value in place: fixed-width and variable-width integers, bitmaps, bytes and
 * text with each kind of extent, and NULL markers.
 */
final class ValueWriters extends EncoderPart {

    ValueWriters(EncoderLayout ctx) {
        super(ctx);
    }

    CodeBlock writeNumber(MemberPlan plan, WireType type, String value, TypeName javaType, boolean keep) {
        CodeBlock.Builder b = CodeBlock.builder();
        WireType.Int fixed = EncoderValueTypes.intBase(type);
        if (fixed != null) {
            CodeBlock range = WireIo.rangeCheck(fixed.kind(), value, javaType, support);
            if (range != null) {
                b.addStatement("$L", range);
            }
            b.addStatement("$L", WireIo.put(fixed, value, javaType));
        } else if (type instanceof WireType.LenEnc) {
            b.addStatement("$T.write(out, $L)", RuntimeTypes.LENGTH_ENCODED_INT, value);
        } else {
            WireType.AsciiInt ascii = (WireType.AsciiInt) type;
            b.addStatement("$T.put(out, $L)", RuntimeTypes.ASCII_DECIMAL, value);
            b.addStatement("out.putBytes($L)", ctx.byteConstants.constant(plan.base + "Terminator", ascii.terminator().toArray()));
        }
        if (keep && plan.keepsValue() && !UnsupportedMembers.isFloat(type)) {
            b.add(assign(value, plan.base + "Value"));
        }
        return b.build();
    }

    CodeBlock writeBitmap(MemberPlan plan, WireType.Bitmap bitmap) {
        Optional<JavaExpr> bits = ctx.encoderScopes.numeric(bitmap.bits(), ctx.encoderScopes.scopeAt(plan.index, null));
        CodeBlock.Builder b = CodeBlock.builder();
        if (bits.isEmpty()) {
            // UnsupportedMembers gives such a member a setter that throws; this is never reached.
            throw new IllegalStateException(plan.idlName() + ": bitmap size not translatable");
        }
        CodeBlock guard = bits.get().guardCondition();
        if (guard != null) {
            // A size read from a struct parameter the enclosing encoder could not compute.
            b.beginControlFlow("if (!($L))", guard)
                    .addStatement("throw new $T(TYPE + \".$L: the bitmap's size (an argument of this struct) is not known\")",
                            IllegalStateException.class, plan.setter)
                    .endControlFlow();
        }
        b.addStatement("$LBits = bits", plan.base);
        b.addStatement("int count = (int) $L", bits.get().asLong());
        b.addStatement("int at = $T.reserve(out, count, $L)", RuntimeTypes.BITMAP, bitmap.bitOffset());
        b.beginControlFlow("for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1))")
                .beginControlFlow("if (i >= count)")
                .addStatement("throw new $T(\"bit \" + i + \" beyond the bitmap's \" + count + \" entries\", at)",
                        RuntimeTypes.CODEC_EXCEPTION)
                .endControlFlow()
                .addStatement("$T.set(out, at, $L, i)", RuntimeTypes.BITMAP, bitmap.bitOffset())
                .endControlFlow();
        return b.build();
    }

    static Extent extentOf(WireType type) {
        if (type instanceof WireType.Bytes b) {
            return b.extent();
        }
        if (type instanceof WireType.Text t) {
            return t.extent();
        }
        if (type instanceof WireType.Padding p) {
            return p.extent();
        }
        throw new IllegalArgumentException("not byte-like: " + type);
    }

    /** Bytes {@code value[offset, offset + length)} into a byte-like member with {@code extent}. */
    CodeBlock writeBytes(MemberPlan plan, Extent extent, String value, String offset, String length, boolean user) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (extent instanceof Extent.Fixed f) {
            b.addStatement("$L.checkLength($L, $L, out.position())", support, length, f.value());
        } else if (extent instanceof Extent.Computed c && user) {
            Optional<JavaExpr> size = ctx.encoderScopes.numeric(c.value(), ctx.encoderScopes.scopeAt(plan.index, null));
            size.ifPresent(s -> {
                CodeBlock guard = s.guardCondition();
                if (guard != null) {
                    b.beginControlFlow("if ($L)", Conditions.bare(guard));
                }
                b.addStatement("$L.checkLength($L, $L, out.position())", support, length, s.asLong());
                if (guard != null) {
                    b.endControlFlow();
                }
            });
        } else if (extent instanceof Extent.Prefixed p) {
            if (p.lengthType() instanceof WireType.Int prefix) {
                b.addStatement("$L.checkRange($L, 0L, $LL, out.position())", support, length, prefix.kind().max().longValueExact());
                b.addStatement("$L", WireIo.put(prefix, length, TypeName.INT));
            } else {
                b.addStatement("$T.write(out, $L)", RuntimeTypes.LENGTH_ENCODED_INT, length);
            }
        } else if (extent instanceof Extent.Terminated t) {
            String term = ctx.byteConstants.constant(plan.base + "Terminator", t.terminator().toArray());
            b.addStatement("$L.checkNoTerminator($L, $L, $L, $L, out.position())", support, value, offset, length, term);
            b.addStatement("out.putBytes($L, $L, $L)", value, offset, length);
            b.addStatement("out.putBytes($L)", term);
            return b.build();
        }
        b.addStatement("out.putBytes($L, $L, $L)", value, offset, length);
        return b.build();
    }

    CodeBlock writeText(MemberPlan plan, WireType.Text text, Extent extent) {
        CodeBlock.Builder b = CodeBlock.builder();
        CodeBlock charset = charset(text.encoding());
        if (extent instanceof Extent.Prefixed p && p.lengthType() instanceof WireType.Int prefix) {
            b.addStatement("int slot = out.reserve($L)", prefix.kind().size());
            b.addStatement("$T.put(out, value, $L)", RuntimeTypes.CHARSETS, charset);
            b.addStatement("int length = out.position() - slot - $L", prefix.kind().size());
            b.addStatement("$L.checkRange(length, 0L, $LL, slot)", support, prefix.kind().max().longValueExact());
            b.addStatement("$L", WireIo.patch(prefix, "slot", "length", TypeName.INT));
            return b.build();
        }
        if (extent instanceof Extent.Terminated t && isNulInAsciiCompatible(t.terminator().toArray(), text.encoding())) {
            // Plain ASCII without NUL (almost every name and query) is copied in one pass that
            // also proves it holds no terminator; anything else takes the general path (from the
            // same position: the fast path writes nothing when it declines).
            String term = ctx.byteConstants.constant(plan.base + "Terminator", t.terminator().toArray());
            b.beginControlFlow("if (!out.putAsciiWithoutNul(value))");
            b.addStatement("int at = out.position()");
            b.addStatement("$T.put(out, value, $L)", RuntimeTypes.CHARSETS, charset);
            b.beginControlFlow("if ($L.containsChar(value, (char) 0))", support);
            b.addStatement("$L.checkNoTerminator(out, at, $L)", support, term);
            b.endControlFlow();
            b.endControlFlow();
            b.addStatement("out.put8(0)");
            return b.build();
        }
        b.addStatement("int at = out.position()");
        b.addStatement("$T.put(out, value, $L)", RuntimeTypes.CHARSETS, charset);
        if (extent instanceof Extent.Prefixed) {
            b.addStatement("$L.insertLenenc(out, at, out.position() - at)", support);
        } else if (extent instanceof Extent.Fixed f) {
            b.addStatement("$L.checkWritten(out, at, $L)", support, f.value());
        } else if (extent instanceof Extent.Computed c) {
            Optional<JavaExpr> size = ctx.encoderScopes.numeric(c.value(), ctx.encoderScopes.scopeAt(plan.index, null));
            size.ifPresent(s -> {
                CodeBlock guard = s.guardCondition();
                if (guard != null) {
                    b.beginControlFlow("if ($L)", Conditions.bare(guard));
                }
                b.addStatement("$L.checkWritten(out, at, $L)", support, s.asLong());
                if (guard != null) {
                    b.endControlFlow();
                }
            });
        } else if (extent instanceof Extent.Terminated t) {
            byte[] terminator = t.terminator().toArray();
            String term = ctx.byteConstants.constant(plan.base + "Terminator", terminator);
            boolean asciiCompatible = text.encoding() == TextEncoding.UTF8 || text.encoding() == TextEncoding.ASCII
                    || text.encoding() == TextEncoding.LATIN1;
            if (asciiCompatible && terminator.length == 1 && terminator[0] >= 0) {
                // The bytes can hold the terminator only if the text holds its character: scan them only then.
                b.beginControlFlow("if ($L.containsChar(value, (char) $L))", support, terminator[0]);
                b.addStatement("$L.checkNoTerminator(out, at, $L)", support, term);
                b.endControlFlow();
            } else {
                b.addStatement("$L.checkNoTerminator(out, at, $L)", support, term);
            }
            b.addStatement("out.putBytes($L)", term);
        }
        return b.build();
    }

    /** A single NUL terminator in an encoding that writes chars 0x01..0x7F as themselves. */
    private static boolean isNulInAsciiCompatible(byte[] terminator, TextEncoding encoding) {
        return terminator.length == 1 && terminator[0] == 0 && (encoding == TextEncoding.UTF8
                || encoding == TextEncoding.ASCII || encoding == TextEncoding.LATIN1);
    }

    CodeBlock writeNull(MemberPlan plan, Extent.Prefixed p) {
        if (p.lengthType() instanceof WireType.Int prefix) {
            return CodeBlock.builder().addStatement("$L", WireIo.put(prefix, p.nullMarker() + "L", TypeName.LONG)).build();
        }
        return CodeBlock.builder().addStatement("$T.writeNull(out)", RuntimeTypes.LENGTH_ENCODED_INT).build();
    }

    static CodeBlock charset(TextEncoding encoding) {
        return switch (encoding) {
            case UTF8 -> CodeBlock.of("$T.UTF_8", STANDARD_CHARSETS);
            case ASCII -> CodeBlock.of("$T.US_ASCII", STANDARD_CHARSETS);
            case LATIN1 -> CodeBlock.of("$T.ISO_8859_1", STANDARD_CHARSETS);
            case UTF16LE -> CodeBlock.of("$T.UTF_16LE", STANDARD_CHARSETS);
            case UTF16BE -> CodeBlock.of("$T.UTF_16BE", STANDARD_CHARSETS);
            case CP500 -> CodeBlock.of("$T.cp500()", RuntimeTypes.CHARSETS);
            case CP037 -> CodeBlock.of("$T.cp037()", RuntimeTypes.CHARSETS);
        };
    }
}
