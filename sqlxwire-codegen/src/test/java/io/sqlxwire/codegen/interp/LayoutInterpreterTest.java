package io.sqlxwire.codegen.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Every wire type and extent on hand-made bytes, and the errors bad bytes give. */
class LayoutInterpreterTest {

    private static String decode(String members, String hex) {
        return decode("", members, hex);
    }

    private static String decode(String declarations, String members, String hex) {
        return obj(declarations, members, hex).toJson();
    }

    private static Value.Obj obj(String declarations, String members, String hex) {
        ProtocolModel model = InterpFixtures.compile("protocol t;\n" + declarations + "\nstruct S {\n" + members + "\n}\n");
        LayoutInterpreter interpreter = new LayoutInterpreter(model, Limits.DEFAULTS);
        Session session = Session.initial(model, interpreter.evaluator());
        return interpreter.decodeStruct("S", WireBuffer.of(HexFormat.of().parseHex(hex.replace(" ", ""))), Map.of(), session);
    }

    private static CodecException failure(String declarations, String members, String hex) {
        return assertThrows(CodecException.class, () -> obj(declarations, members, hex));
    }

    @Test
    void integersOfEverySizeAndByteOrder() {
        assertEquals("{\"a\":1,\"b\":258,\"c\":513,\"d\":-1,\"e\":65536,\"f\":4294967295}",
                decode("a: u8; b: u16; c: u16le; d: i16; e: u24; f: u32;", "01 0102 0102 ffff 010000 ffffffff"));
        assertEquals("{\"a\":18446744073709551615,\"b\":-2,\"c\":-8388608}",
                decode("a: u64; b: i64le; c: i24;", "ffffffffffffffff feffffffffffffff 800000"));
        assertEquals("{\"x\":1.5,\"y\":-2.0}", decode("x: f32; y: f64le;", "3fc00000 00000000000000c0"));
    }

    @Test
    void lenencWithEveryWidthAndNull() {
        assertEquals("{\"a\":250,\"b\":null,\"c\":65535,\"d\":16777215,\"e\":4294967296}",
                decode("a: lenenc; b: lenenc; c: lenenc; d: lenenc; e: lenenc;",
                        "fa fb fcffff fdffffff fe0000000001000000"));
        assertTrue(failure("", "a: lenenc;", "ff").getMessage().contains("0xFF"));
        assertTrue(failure("", "a: lenenc;", "fc01").getMessage().startsWith("a: needs 3 bytes"));
    }

    @Test
    void asciiIntegersEndAtTheirTerminator() {
        assertEquals("{\"a\":42,\"b\":-7}", decode("a: ascii_int; b: ascii_int until \";\";", "34320d0a 2d373b"));
        assertTrue(failure("", "a: ascii_int;", "34320d").getMessage().contains("no terminator"));
        assertTrue(failure("", "a: ascii_int;", "34780d0a").getMessage().contains("not a decimal digit"));
    }

    @Test
    void bytesAndTextWithEveryExtent() {
        assertEquals("{\"n\":2,\"a\":\"0102\",\"b\":\"03\",\"c\":\"hi\",\"d\":\"ok\",\"e\":\"ff\"}",
                decode("n: u8; a: bytes[n]; b: bytes[1]; c: cstring; d: text until \"\\r\\n\"; e: bytes rest;",
                        "02 0102 03 686900 6f6b0d0a ff"));
        assertEquals("{\"a\":\"abc\",\"b\":null,\"c\":\"\",\"d\":\"78\",\"e\":null}",
                decode("a: text prefix(u8); b: bytes prefix(i32, null = -1); c: bytes prefix(i32, null = -1);"
                                + " d: bytes prefix(lenenc); e: bytes prefix(lenenc);",
                        "03616263 ffffffff 00000000 0178 fb"));
        assertEquals("{\"a\":\"\u00e9\",\"b\":\"hi\"}", decode("a: text(latin1)[1]; b: text(utf16le)[4];", "e9 68006900"));
        assertTrue(failure("", "a: bytes prefix(i32);", "fffffffe").getMessage().contains("negative length"));
        assertTrue(failure("", "a: text[2];", "c328").getMessage().contains("not valid utf8"));
        assertTrue(failure("", "a: cstring;", "6161").getMessage().contains("no terminator"));
    }

    @Test
    void paddingIsSkippedAndEmptyTakesNothing() {
        assertEquals("{\"a\":1,\"b\":2}", decode("a: u8; _: pad[3]; b: u8;", "01 aabbcc 02"));
    }

    @Test
    void constantsAreChecked() {
        assertEquals("{\"v\":10,\"m\":\"4f4b\"}", decode("v: u8 = 10; m: bytes[2] = \"OK\";", "0a 4f4b"));
        CodecException e = failure("", "v: u8 = 10;", "0b");
        assertEquals("v: expected 10 but found 11 at offset 0", e.getMessage());
    }

    @Test
    void enumsFlagsAndBitmaps() {
        String declarations = "enum E: u8 { A = 1; B = 2; }\nflags F: u16 { X = 0x1; Y = 0x100; }";
        assertEquals("{\"e\":\"B\",\"u\":9,\"f\":{\"bits\":257,\"set\":[\"X\",\"Y\"]},\"m\":[true,false,true]}",
                decode(declarations, "e: E; u: E; f: F; m: bitmap(3, offset = 2);", "02 09 0101 14"));
    }

    @Test
    void structsWithArgumentsAndNesting() {
        String declarations = "struct P(wide: bool) { v: u16 if wide; w: u8 if !wide; }";
        assertEquals("{\"a\":{\"v\":258},\"b\":{\"w\":3}}",
                decode(declarations, "a: P(true); b: P(false);", "0102 03"));
    }

    @Test
    void arraysWithEveryExtent() {
        assertEquals("{\"n\":2,\"a\":[1,2],\"b\":[3],\"c\":[4,5],\"d\":[\"x\",\"y\"],\"e\":[6,7]}",
                decode("n: u8; a: u8[n]; b: u8[1]; c: u8[] prefix(u16); d: cstring[] until 0; e: u8[] rest;",
                        "02 0102 03 00020405 7800790000 0607"));
        assertTrue(failure("", "n: u32; a: u8[n];", "ffffffff").getMessage().contains("element count"));
        assertTrue(failure("", "a: cstring[] until 0;", "7800").getMessage().startsWith("a: needs 1 byte"));
    }

    @Test
    void elementIndexAndBitmapLookups() {
        String declarations = "struct V(null_bit: bool) { v: u8 if !null_bit; }";
        assertEquals("{\"m\":[false,true,false],\"v\":[{\"v\":7},{},{\"v\":9}]}",
                decode(declarations, "m: bitmap(3); v: V(m[_index])[3];", "02 07 09"));
    }

    @Test
    void unionsByValueRangeGuardAndFallback() {
        String members = "k: u8; b: switch (k) { 1 => u8; 2 .. 4 if remaining > 1 => u16; 2 .. 4 => u8; _ => bytes rest; };";
        assertEquals("{\"k\":1,\"b\":5}", decode(members, "01 05"));
        assertEquals("{\"k\":3,\"b\":258}", decode(members, "03 0102"));
        assertEquals("{\"k\":3,\"b\":1}", decode(members, "03 01"));
        assertEquals("{\"k\":9,\"b\":\"aabb\"}", decode(members, "09 aabb"));
        assertTrue(failure("", "k: u8; b: switch (k) { 1 => u8; };", "02").getMessage().contains("no union arm"));
        assertEquals("{\"b\":\"6869\"}", decode("b: switch (peek(u8)) { '$' => u8; _ => bytes rest; };", "6869"));
    }

    @Test
    void sizedRegionsPositionsAndLets() {
        assertEquals("{\"n\":3,\"a\":[1,2,3],\"b\":9}", decode("n: u8; a: u8[] rest size(n); b: u8;", "03 010203 09"));
        // A positioned field is read without moving the cursor; the struct ends after the furthest byte read.
        assertEquals("{\"off\":2,\"x\":\"6869\",\"y\":1}", decode("off: u8; x: bytes[2] at(off); y: u8;", "02 01 6869"));
        assertEquals("{\"lo\":1,\"hi\":2,\"all\":131073,\"twice\":262146}",
                decode("lo: u16; hi: u16; let all = join(lo, hi); let twice = all * 2;", "0001 0002"));
        assertTrue(failure("", "n: u8; a: u8[] rest size(n);", "05 01").getMessage().startsWith("a: needs 5 bytes"));
        assertTrue(failure("", "n: u8; a: u8 size(n); b: u8;", "00 01").getMessage().startsWith("a: needs 1 byte"));
    }

    @Test
    void sizeofCountMinMaxAndConditionals() {
        // sizeof counts the bytes the field took, its NUL terminator included.
        assertEquals("{\"s\":\"ab\",\"a\":[1,2],\"x\":3,\"y\":2,\"z\":5}",
                decode("s: cstring; a: u8[2]; let x = sizeof(s); let y = count(a); let z = max(1, min(5, 9)) + (x > 1 ? 0 : 1);",
                        "616200 0102"));
    }

    @Test
    void checksumsAreVerified() {
        CRC32 crc = new CRC32();
        crc.update(new byte[] {1, 2, 3});
        String good = String.format("010203 %08x", crc.getValue());
        assertEquals("{\"a\":\"010203\",\"sum\":" + crc.getValue() + "}", decode("a: bytes[3]; sum: u32 = crc32();", good));
        assertTrue(failure("", "a: bytes[3]; sum: u32 = crc32();", "010203 00000000").getMessage().contains("checksum mismatch"));
    }

    @Test
    void recursionStopsAtTheProtocolDepth() {
        String declarations = "option max_depth = 3;\nstruct N { more: u8; next: N if more == 1; }";
        assertEquals("{\"n\":{\"more\":1,\"next\":{\"more\":0}}}", decode(declarations, "n: N;", "0100"));
        assertTrue(failure(declarations, "n: N;", "01010101010100").getMessage().contains("nesting deeper"));
    }

    @Test
    void leftoverBytesAreReported() {
        assertEquals("2 bytes left after the last field at offset 1", failure("", "a: u8;", "010203").getMessage());
    }
}
