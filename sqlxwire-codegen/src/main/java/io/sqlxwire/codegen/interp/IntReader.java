package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.WireType;
import io.sqlxwire.runtime.buffer.WireBuffer;
import java.math.BigInteger;

/** Reads fixed-width numbers of any kind and byte order through the runtime's checked buffer. */
final class IntReader {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    Value read(WireType.Int type, WireBuffer buffer, int at) {
        boolean big = type.order() == Endian.BIG;
        return switch (type.kind()) {
            case U8 -> Value.Int.of(buffer.u8(at));
            case I8 -> Value.Int.of(buffer.i8(at));
            case U16 -> Value.Int.of(big ? buffer.u16be(at) : buffer.u16le(at));
            case I16 -> Value.Int.of(big ? buffer.i16be(at) : buffer.i16le(at));
            case U24 -> Value.Int.of(big ? buffer.u24be(at) : buffer.u24le(at));
            case I24 -> Value.Int.of(big ? buffer.i24be(at) : buffer.i24le(at));
            case U32 -> Value.Int.of(big ? buffer.u32be(at) : buffer.u32le(at));
            case I32 -> Value.Int.of(big ? buffer.i32be(at) : buffer.i32le(at));
            case I64 -> Value.Int.of(big ? buffer.i64be(at) : buffer.i64le(at));
            case U64 -> new Value.Int(unsigned(big ? buffer.u64be(at) : buffer.u64le(at)));
            case F32 -> new Value.Float(big ? buffer.f32be(at) : buffer.f32le(at));
            case F64 -> new Value.Float(big ? buffer.f64be(at) : buffer.f64le(at));
        };
    }

    static BigInteger unsigned(long bits) {
        BigInteger value = BigInteger.valueOf(bits);
        return bits < 0 ? value.add(TWO_TO_64) : value;
    }
}
