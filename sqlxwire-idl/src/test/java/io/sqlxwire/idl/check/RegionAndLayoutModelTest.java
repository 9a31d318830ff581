package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.checkWithPrelude;
import static io.sqlxwire.idl.check.Models.constant;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.intField;
import static io.sqlxwire.idl.check.Models.messageLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.TransformModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Sized regions and {@code remaining}, positioned fields, bitmaps, checksums, transforms, the roles
 * of length and count fields, and the offsets and sizes the checker computes for a layout.
 */
class RegionAndLayoutModelTest {

    // ------------------------------------------------------------------ regions and positions

    @Test
    void sizedRegionBoundsTheFieldAndRemainingNamesWhatIsLeft() {
        Layout layout = messageLayout("""
                struct Params { a: u8; rest: bytes rest; }
                """, """
                len: u16;
                params: Params size(len);
                reserved: bytes rest size(8);
                let left = remaining;
                tail: bytes[remaining];
                """);
        assertEquals(intField("len"), field(layout, "params").regionSize());
        assertEquals(new FieldRole.LengthOf("params", 0, 1), field(layout, "len").role());
        assertEquals(constant(8), field(layout, "reserved").regionSize());
        assertEquals(new WireType.Bytes(new Extent.Rest()), field(layout, "reserved").type());
        assertEquals(new TypedExpr.Remaining(), Models.let(layout, "left").value());
        assertEquals(new WireType.Bytes(new Extent.Computed(new TypedExpr.Remaining())), field(layout, "tail").type());
        // a constant region is a fixed size even when the type inside is not
        assertEquals(2 + 8, layout.minSize());
    }

    @Test
    void positionedFieldsAreReadAtTheirOffsetWithoutMovingTheCursor() {
        Layout layout = messageLayout("""
                offset: u16;
                length: u16;
                option: bytes[length] at(offset);
                version: u32 at(20);
                next: u8;
                """);
        assertEquals(intField("offset"), field(layout, "option").position());
        assertEquals(OptionalLong.empty(), field(layout, "option").fixedOffset());
        assertEquals(constant(20), field(layout, "version").position());
        assertEquals(OptionalLong.of(20), field(layout, "version").fixedOffset());
        // positioned fields take no room where they are declared
        assertEquals(OptionalLong.of(4), field(layout, "next").fixedOffset());
        assertEquals(OptionalLong.of(5), layout.fixedSize());
        // the length still gives the size of the positioned bytes
        assertEquals(new FieldRole.LengthOf("option", 0, 1), field(layout, "length").role());
        // the offset field is derived from where the positioned field is written
        assertEquals(new FieldRole.OffsetOf("option", 0), field(layout, "offset").role());
        assertFalse(field(layout, "offset").isUserSupplied());
    }

    @Test
    void bitmapWithOffset() {
        Layout layout = messageLayout("""
                column_count: u16;
                nulls: bitmap(column_count, offset = 2);
                flags: bitmap(10);
                let third_null = nulls[3];
                """);
        assertEquals(new WireType.Bitmap(intField("column_count"), 2), field(layout, "nulls").type());
        assertEquals(OptionalLong.empty(), field(layout, "nulls").type().fixedSize());
        assertEquals(new WireType.Bitmap(constant(10), 0), field(layout, "flags").type());
        assertEquals(OptionalLong.of(2), field(layout, "flags").type().fixedSize());
        assertEquals(new TypedExpr.Index(new TypedExpr.FieldRef(List.of("nulls"), ExprType.BITMAP), constant(3), ExprType.BOOL),
                Models.let(layout, "third_null").value());
        assertEquals(OptionalLong.of(2), new WireType.Bitmap(constant(8), 2).fixedSize());
        assertEquals(OptionalLong.of(1), new WireType.Bitmap(constant(6), 2).fixedSize());
    }

    // ------------------------------------------------------------------ checksums and transforms

    @Test
    void checksumsWithAndWithoutStartField() {
        Layout layout = messageLayout("""
                start: u8;
                body: bytes[4];
                crc: u32 = crc32();
                crc_c: u32le = crc32c(start);
                crc_24: u24 = crc24();
                crc_from_body: u32be = crc32(body);
                """);
        assertEquals(new FieldValue.Checksum(FieldValue.ChecksumKind.CRC32, null, false, ByteString.of()), field(layout, "crc").value());
        assertEquals(new FieldValue.Checksum(FieldValue.ChecksumKind.CRC32C, "start", false, ByteString.of()), field(layout, "crc_c").value());
        assertEquals(new WireType.Int(IntKind.U32, Endian.LITTLE), field(layout, "crc_c").type());
        assertEquals(new FieldValue.Checksum(FieldValue.ChecksumKind.CRC24, null, false, ByteString.of()), field(layout, "crc_24").value());
        assertEquals(be(IntKind.U24), field(layout, "crc_24").type());
        assertEquals(new FieldValue.Checksum(FieldValue.ChecksumKind.CRC32, "body", false, ByteString.of()), field(layout, "crc_from_body").value());
        assertFalse(field(layout, "crc").isUserSupplied());
        assertEquals(OptionalLong.of(1 + 4 + 4 + 4 + 3 + 4), layout.fixedSize());
    }

    @Test
    void checksumFromTheFrameStartWithASeed() {
        Layout layout = messageLayout("""
                payload: bytes[8];
                crc: u32le = crc32c(frame, seed = x"fa 2d 55 ca");
                crc_24: u24le = crc24(payload, seed = x"875060");
                """);
        assertEquals(new FieldValue.Checksum(FieldValue.ChecksumKind.CRC32C, null, true, ByteString.ofHex("fa2d55ca")),
                field(layout, "crc").value());
        assertEquals(new FieldValue.Checksum(FieldValue.ChecksumKind.CRC24, "payload", false, ByteString.ofHex("875060")),
                field(layout, "crc_24").value());
    }

    @Test
    void transformsAreDeclaredAndAppliedToFields() {
        var model = checkWithPrelude("""
                /// TDS password obfuscation.
                transform tds_password;
                transform zlib;
                message M: client { password: bytes prefix(u16) transform(tds_password); plain: bytes rest; }
                """);
        assertEquals(List.of(new TransformModel("tds_password", "TDS password obfuscation."), new TransformModel("zlib", "")),
                model.transforms());
        Layout m = Models.message(model, "M").layout();
        assertEquals("tds_password", field(m, "password").transform());
        assertNull(field(m, "plain").transform());
    }

    // ------------------------------------------------------------------ derived roles

    @Test
    void lengthFieldOfALaterFieldIsDerivedWithItsAdjustment() {
        Layout layout = messageLayout("length: u32; data: bytes[length - 4];");
        assertEquals(new FieldRole.LengthOf("data", 4, 1), field(layout, "length").role());
        assertFalse(field(layout, "length").isUserSupplied());
        assertTrue(field(layout, "data").isUserSupplied());
    }

    @Test
    void countAndLengthRolesWithEveryAdjustment() {
        Layout layout = messageLayout("""
                field_count: u16;
                fields: u32[field_count];
                n: u8;
                items: u8[n - 1];
                m: u8;
                more: u16[m + 2];
                size: lenenc;
                name: text[size];
                """);
        assertEquals(new FieldRole.CountOf("fields", 0, 1), field(layout, "field_count").role());
        assertEquals(new FieldRole.CountOf("items", 1, 1), field(layout, "n").role());
        assertEquals(new FieldRole.CountOf("more", -2, 1), field(layout, "m").role());
        assertEquals(new FieldRole.LengthOf("name", 0, 1), field(layout, "size").role());
    }

    @Test
    void characterCountsAreLengthsInUnits() {
        Layout layout = messageLayout("""
                cch: u16le;
                name: text(utf16le)[cch * 2];
                words: u8;
                data: bytes[4 * words];
                """);
        assertEquals(new FieldRole.LengthOf("name", 0, 2), field(layout, "cch").role());
        assertEquals(new FieldRole.LengthOf("data", 0, 4), field(layout, "words").role());
    }

    @Test
    void onlyPlainIntegerFieldsBecomeDerived() {
        Layout layout = messageLayout("""
                fixed: u8 = 4;
                a: bytes[fixed];
                maybe: u8 if fixed == 4;
                b: bytes[maybe];
                half: u8;
                c: bytes[half / 2];
                shared: u8;
                d: bytes[shared];
                e: u8[shared];
                """);
        // a constant keeps its value, an optional field stays data, a divided use cannot be inverted exactly
        assertEquals(new FieldRole.Data(), field(layout, "fixed").role());
        assertEquals(new FieldRole.Data(), field(layout, "maybe").role());
        assertEquals(new FieldRole.Data(), field(layout, "half").role());
        // the first use decides
        assertEquals(new FieldRole.LengthOf("d", 0, 1), field(layout, "shared").role());
    }

    // ------------------------------------------------------------------ offsets and sizes

    @Test
    void fixedOffsetsStopAtTheFirstVariableField() {
        Layout layout = messageLayout("a: u8; b: u16; c: bytes[3]; d: cstring; e: u32;");
        assertEquals(List.of(OptionalLong.of(0), OptionalLong.of(1), OptionalLong.of(3), OptionalLong.of(6), OptionalLong.empty()),
                layout.fields().stream().map(f -> f.fixedOffset()).toList());
        assertEquals(OptionalLong.empty(), layout.fixedSize());
        assertEquals(1 + 2 + 3 + 1 + 4, layout.minSize());
    }

    @Test
    void fixedLayoutHasAFixedSizeEqualToItsMinimum() {
        Layout layout = messageLayout("""
                struct Inner { a: u16; b: pad[2]; }
                """, "x: Inner; y: Inner[3]; z: i64le;");
        assertEquals(OptionalLong.of(4 + 12 + 8), layout.fixedSize());
        assertEquals(24, layout.minSize());
        assertEquals(OptionalLong.of(16), field(layout, "z").fixedOffset());
    }

    @Test
    void emptyLayout() {
        Layout layout = messageLayout("");
        assertEquals(List.of(), layout.members());
        assertEquals(OptionalLong.of(0), layout.fixedSize());
        assertEquals(0, layout.minSize());
    }
}
