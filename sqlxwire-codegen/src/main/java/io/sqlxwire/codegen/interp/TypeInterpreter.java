package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.codec.AsciiDecimal;
import io.sqlxwire.runtime.codec.LengthEncodedInt;
import io.sqlxwire.runtime.error.CodecException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one value of a {@link WireType} at a region's cursor and moves the cursor past it. Sizes
 * and counts taken from the input are checked against the bytes present and the {@link Limits}
 * before anything is built, and collections grow only with elements actually read.
 */
final class TypeInterpreter {

    private final Limits limits;
    private final LayoutInterpreter layouts;
    private final ExprEvaluator evaluator;
    private final IntReader ints = new IntReader();
    private final Map<String, EnumModel> enums = new HashMap<>();
    private final Map<String, StructModel> structs = new HashMap<>();

    TypeInterpreter(ProtocolModel model, Limits limits, LayoutInterpreter layouts, ExprEvaluator evaluator) {

        this.limits = limits;
        this.layouts = layouts;
        this.evaluator = evaluator;
        model.enums().forEach(e -> enums.put(e.name(), e));
        model.structs().forEach(s -> structs.put(s.name(), s));
    }

    /** A field with a hand-written transform is shown as its raw bytes: the interpreter cannot undo it. */
    static WireType untransformed(WireType type) {
        if (type instanceof WireType.Text text) {
            return new WireType.Bytes(text.extent());
        }
        return type;
    }

    Value decode(WireType type, Region region, Scope scope) {
        if (type instanceof WireType.Int t) {
            int at = region.take(t.kind().size());
            return ints.read(t, region.buffer(), at);
        } else if (type instanceof WireType.LenEnc) {
            return lenenc(region);
        } else if (type instanceof WireType.AsciiInt t) {
            return asciiInt(t, region);
        } else if (type instanceof WireType.Bytes t) {
            return byteLike(type, t.extent(), region, scope);
        } else if (type instanceof WireType.Text t) {
            return byteLike(type, t.extent(), region, scope);
        } else if (type instanceof WireType.Padding t) {
            return byteLike(type, t.extent(), region, scope);
        } else if (type instanceof WireType.Empty) {
            return Value.Obj.EMPTY;
        } else if (type instanceof WireType.Bitmap t) {
            return bitmap(t, region, scope);
        } else if (type instanceof WireType.EnumRef t) {
            return enumConst(t.name(), integer(decode(t.base(), region, scope)));
        } else if (type instanceof WireType.FlagsRef t) {
            return flags(t.name(), integer(decode(t.base(), region, scope)));
        } else if (type instanceof WireType.StructRef t) {
            return struct(t, region, scope);
        } else if (type instanceof WireType.Array t) {
            return array(t, region, scope);
        } else if (type instanceof WireType.Union t) {
            return union(t, region, scope);
        }
        throw new CodecException("type " + type + " is not on the wire", region.offset());
    }

    private static BigInteger integer(Value value) {
        return ExprEvaluator.integer(value);
    }

    // ---------------------------------------------------------------- numbers

    private static Value lenenc(Region region) {
        region.require(1);
        int at = region.position();
        if (region.buffer().u8(at) == LengthEncodedInt.NULL_MARKER) {
            region.take(1);
            return Value.Null.INSTANCE;
        }
        int width = LengthEncodedInt.width(region.buffer(), at);
        region.require(width);
        long value = LengthEncodedInt.read(region.buffer(), at);
        region.take(width);
        return new Value.Int(IntReader.unsigned(value));
    }

    private static Value asciiInt(WireType.AsciiInt type, Region region) {
        int start = region.position();
        int end;
        try {
            end = region.find(type.terminator());
        } catch (NeedMoreBytes e) {
            // Garbage must fail now, not after the stream has brought a frame's worth of digits.
            if (region.end() - start > AsciiDecimal.MAX_CHARS + type.terminator().length()) {
                throw new CodecException("decimal integer longer than " + AsciiDecimal.MAX_CHARS + " characters",
                        region.offset());
            }
            throw e;
        }
        long value = AsciiDecimal.parse(region.buffer(), start, end);
        region.take(end - start + type.terminator().length());
        return Value.Int.of(value);
    }

    // ---------------------------------------------------------------- bytes, text, padding

    private Value byteLike(WireType type, Extent extent, Region region, Scope scope) {
        int length;
        int terminatorLength = 0;
        if (extent instanceof Extent.Fixed fixed) {
            length = checkedLength(BigInteger.valueOf(fixed.value()), region);
        } else if (extent instanceof Extent.Computed computed) {
            length = evaluator.size(computed.value(), scope, region, "length");
        } else if (extent instanceof Extent.Prefixed prefixed) {
            Value prefix = prefixValue(prefixed, region, scope);
            if (prefix == null) {
                return Value.Null.INSTANCE;
            }
            length = checkedLength(integer(prefix), region);
        } else if (extent instanceof Extent.Terminated terminated) {
            length = region.find(terminated.terminator()) - region.position();
            terminatorLength = terminated.terminator().length();
        } else {
            length = region.remaining();
        }
        int start = region.take(length);
        region.take(terminatorLength);
        if (type instanceof WireType.Text text) {
            return new Value.Text(text(text.encoding(), region, start, length));
        }
        if (type instanceof WireType.Padding) {
            return Value.Null.INSTANCE;
        }
        return new Value.Bytes(region.buffer().toByteArray(start, length));
    }

    /** The prefix of a prefixed extent, or {@code null} when it is the NULL marker. */
    private Value prefixValue(Extent.Prefixed prefixed, Region region, Scope scope) {
        int at = region.position();
        Value prefix = decode(prefixed.lengthType(), region, scope);
        if (prefix instanceof Value.Null) {
            return null;
        }
        if (prefixed.nullMarker() != null && integer(prefix).equals(BigInteger.valueOf(prefixed.nullMarker()))) {
            return null;
        }
        if (integer(prefix).signum() < 0) {
            throw new CodecException("negative length " + integer(prefix), region.offsetOf(at));
        }
        return prefix;
    }

    private static int checkedLength(BigInteger value, Region region) {
        if (value.signum() < 0 || value.bitLength() > 31) {
            throw new CodecException("length " + value + " is negative or too large", region.offset());
        }
        return value.intValue();
    }

    private static String text(TextEncoding encoding, Region region, int start, int length) {
        Charset charset = io.sqlxwire.runtime.codec.Charsets.forIdlName(encoding.idlName());
        byte[] bytes = region.buffer().toByteArray(start, length);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CodecException("text is not valid " + encoding.idlName(), region.offsetOf(start));
        }
    }

    // ---------------------------------------------------------------- bitmaps, enums, flags

    private Value bitmap(WireType.Bitmap type, Region region, Scope scope) {
        int bits = evaluator.size(type.bits(), scope, region, "bitmap size");
        limits.checkElements(bits, region.offset());
        long byteLength = ((long) bits + type.bitOffset() + 7) / 8;
        int start = region.take(byteLength);
        BitSet set = new BitSet(bits);
        for (int i = 0; i < bits; i++) {
            int bit = type.bitOffset() + i;
            if ((region.buffer().u8(start + (bit >>> 3)) & (1 << (bit & 7))) != 0) {
                set.set(i);
            }
        }
        return new Value.Bits(set, bits);
    }

    private Value enumConst(String name, BigInteger value) {
        EnumModel model = enums.get(name);
        if (model != null) {
            for (EnumModel.Constant constant : model.constants()) {
                if (constant.value().equals(value)) {
                    return new Value.EnumConst(name, constant.name(), value);
                }
            }
        }
        return new Value.EnumConst(name, null, value);
    }

    private Value flags(String name, BigInteger bits) {
        EnumModel model = enums.get(name);
        List<String> names = new ArrayList<>();
        if (model != null) {
            for (EnumModel.Constant constant : model.constants()) {
                BigInteger mask = constant.value();
                if (mask.signum() != 0 && bits.and(mask).equals(mask)) {
                    names.add(constant.name());
                }
            }
        }
        return new Value.Flags(name, bits, names);
    }

    // ---------------------------------------------------------------- structs, arrays, unions

    private Value struct(WireType.StructRef type, Region region, Scope scope) {
        StructModel struct = structs.get(type.name());
        if (struct == null) {
            throw new CodecException("struct " + type.name() + " is not in the model", region.offset());
        }
        Map<String, Value> arguments = new HashMap<>();
        List<Parameter> parameters = struct.parameters();
        for (int i = 0; i < parameters.size() && i < type.arguments().size(); i++) {
            arguments.put(parameters.get(i).name(), evaluator.eval(type.arguments().get(i), scope, region));
        }
        limits.checkDepth(scope.depth() + 1, region.offset());
        return layouts.decode(struct.layout(), region, scope.nested(arguments));
    }

    private Value array(WireType.Array type, Region region, Scope scope) {
        Extent extent = type.count();
        List<Value> elements = new ArrayList<>();
        int savedIndex = scope.elementIndex();
        try {
            if (extent instanceof Extent.Terminated terminated) {
                while (!region.lookingAt(terminated.terminator())) {
                    element(type.element(), region, scope, elements);
                }
                region.take(terminated.terminator().length());
            } else if (extent instanceof Extent.Rest) {
                region.remaining(); // an open region has no rest: fail before looping
                while (region.position() < region.end()) {
                    int before = region.position();
                    element(type.element(), region, scope, elements);
                    if (region.position() == before) {
                        throw new CodecException("an element of a 'rest' array took no bytes", region.offset());
                    }
                }
            } else {
                long count;
                if (extent instanceof Extent.Fixed fixed) {
                    count = fixed.value();
                } else if (extent instanceof Extent.Computed computed) {
                    count = countOf(evaluator.eval(computed.value(), scope, region), region);
                } else {
                    Value prefix = prefixValue((Extent.Prefixed) extent, region, scope);
                    if (prefix == null) {
                        return Value.Null.INSTANCE;
                    }
                    count = countOf(prefix, region);
                }
                limits.checkElements(count, region.offset());
                for (long i = 0; i < count; i++) {
                    element(type.element(), region, scope, elements);
                }
            }
        } finally {
            scope.elementIndex(savedIndex);
        }
        return new Value.ListOf(elements);
    }

    private static long countOf(Value value, Region region) {
        BigInteger count = integer(value);
        if (count.signum() < 0 || count.bitLength() > 62) {
            throw new CodecException("element count " + count + " is negative or too large", region.offset());
        }
        return count.longValue();
    }

    private void element(WireType type, Region region, Scope scope, List<Value> elements) {
        int index = elements.size();
        limits.checkElements(index + 1L, region.offset());
        scope.elementIndex(index);
        try {
            elements.add(decode(type, region, scope));
        } catch (CodecException e) {
            throw e.inElement(index);
        }
    }

    private Value union(WireType.Union type, Region region, Scope scope) {
        Value subject = evaluator.eval(type.subject(), scope, region);
        BigInteger key = integer(subject);
        for (UnionArm arm : type.arms()) {
            if (matches(arm, key) && (arm.guard() == null || evaluator.bool(arm.guard(), scope, region))) {
                return decode(arm.type(), region, scope);
            }
        }
        if (type.fallback() != null) {
            return decode(type.fallback().type(), region, scope);
        }
        throw new CodecException("no union arm for " + subject.toJson(), region.offset());
    }

    private static boolean matches(UnionArm arm, BigInteger key) {
        for (UnionArm.Range range : arm.patterns()) {
            if (range.low().compareTo(key) <= 0 && key.compareTo(range.high()) <= 0) {
                return true;
            }
        }
        return false;
    }
}
