package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.check;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.integer;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.WireType;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Integer kinds with the protocol's byte order and per-field overrides, lenenc and ascii_int. */
class ScalarTypeModelTest {

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void everyNumberKindTakesTheDefaultByteOrderBig(IntKind kind) {
        Layout layout = messageLayout("v: " + kind.idlName() + ";");
        WireType.Int type = (WireType.Int) field(layout, "v").type();
        assertEquals(kind, type.kind());
        assertEquals(Endian.BIG, type.order());
        assertEquals(OptionalLong.of(kind.size()), layout.fixedSize());
    }

    @ParameterizedTest
    @CsvSource({
            "u16, LITTLE", "u24, LITTLE", "u32, LITTLE", "u64, LITTLE", "i16, LITTLE", "i24, LITTLE", "i32, LITTLE",
            "i64, LITTLE", "f32, LITTLE", "f64, LITTLE",
            // a single byte has no byte order; it is reported as big whatever the option says
            "u8, BIG", "i8, BIG",
            // explicit suffixes win over the option
            "u16be, BIG", "i32be, BIG", "f64be, BIG", "u24be, BIG", "u16le, LITTLE",
    })
    void optionLittleEndianIsTheDefaultAndSuffixesOverrideIt(String type, Endian order) {
        Layout layout = Models.message(check(Models.PRELUDE.replace("protocol demo;", "protocol demo;\noption byte_order = little;")
                + "message M: server { v: " + type + "; }"), "M").layout();
        assertEquals(order, ((WireType.Int) field(layout, "v").type()).order());
    }

    @Test
    void suffixesOverrideTheDefaultBigEndian() {
        Layout layout = messageLayout("a: u16le; b: i24le; c: u32be; d: f32le; e: i64le; f: u64;");
        assertEquals(integer(IntKind.U16, Endian.LITTLE), field(layout, "a").type());
        assertEquals(integer(IntKind.I24, Endian.LITTLE), field(layout, "b").type());
        assertEquals(be(IntKind.U32), field(layout, "c").type());
        assertEquals(integer(IntKind.F32, Endian.LITTLE), field(layout, "d").type());
        assertEquals(integer(IntKind.I64, Endian.LITTLE), field(layout, "e").type());
        assertEquals(be(IntKind.U64), field(layout, "f").type());
        assertEquals(OptionalLong.of(2 + 3 + 4 + 4 + 8 + 8), layout.fixedSize());
    }

    @Test
    void lenencIsVariableWithAtLeastOneByte() {
        Layout layout = messageLayout("n: lenenc; after: u8;");
        assertEquals(new WireType.LenEnc(), field(layout, "n").type());
        assertEquals(OptionalLong.empty(), layout.fixedSize());
        assertEquals(2, layout.minSize());
        assertEquals(OptionalLong.empty(), field(layout, "after").fixedOffset());
    }

    @Test
    void asciiIntEndsAtCrLfUnlessTold() {
        Layout layout = messageLayout("a: ascii_int; b: ascii_int until \"\\n\"; c: ascii_int until 0;");
        assertEquals(new WireType.AsciiInt(ByteString.ofHex("0d0a")), field(layout, "a").type());
        assertEquals(new WireType.AsciiInt(ByteString.ofHex("0a")), field(layout, "b").type());
        assertEquals(new WireType.AsciiInt(ByteString.ofHex("00")), field(layout, "c").type());
        // at least one digit and the terminator each
        assertEquals(3 + 2 + 2, layout.minSize());
    }
}
