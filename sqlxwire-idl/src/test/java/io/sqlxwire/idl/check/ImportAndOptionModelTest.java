package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Models.be;
import static io.sqlxwire.idl.check.Models.check;
import static io.sqlxwire.idl.check.Models.checkAt;
import static io.sqlxwire.idl.check.Models.field;
import static io.sqlxwire.idl.check.Models.message;
import static io.sqlxwire.idl.check.Models.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.IntKind;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import io.sqlxwire.idl.model.TransformModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Imports of shared type libraries, and the protocol options with their defaults. */
class ImportAndOptionModelTest {

    private static final String BASE = """
            /// MySQL column types.
            enum ColumnType: u8 { TINY = 1; LONG = 3; }
            """;

    private static final String LIB = """
            import "base.wire";
            /// One value of a binary row.
            struct ColumnValue(kind: ColumnType) {
                v: switch (kind) { TINY => u8; LONG => i32le; _ => bytes prefix(lenenc); };
            }
            flags Caps: u32 { LONG_PASSWORD = 1; }
            transform zlib;
            """;

    private static final String MAIN = """
            protocol mysql;
            import "common/lib.wire";
            direction server from server;
            session { column_types: ColumnType[]; caps: Caps; }
            message Row: server {
                n: u16;
                values: ColumnValue(session.column_types[_index])[n];
                data: bytes rest transform(zlib);
            }
            """;

    @Test
    void importedTypesAndTransformsAreVisibleRelativeToTheImportingFile() {
        ProtocolModel model = checkAt("protocols/main.wire", MAIN, Map.of(
                "protocols/common/lib.wire", LIB,
                "protocols/common/base.wire", BASE));
        assertEquals("protocols/main.wire", model.sourceFile());
        assertEquals(Set.of("ColumnType", "Caps"), model.enums().stream().map(EnumModel::name).collect(Collectors.toSet()));
        assertEquals("MySQL column types.", model.enumeration("ColumnType").orElseThrow().doc());
        assertEquals(List.of(new TransformModel("zlib", "")), model.transforms());

        StructModel value = struct(model, "ColumnValue");
        assertEquals("One value of a binary row.", value.doc());
        assertEquals("protocols/common/lib.wire", value.span().file());
        // the imported enum's bare constants resolve inside the imported struct
        WireType.Union v = (WireType.Union) field(value.layout(), "v").type();
        assertEquals(new TypedExpr.ParamRef("kind", ExprType.enumOf("ColumnType")), v.subject());
        assertEquals(List.of(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(3)),
                v.arms().stream().map(arm -> arm.patterns().get(0).low()).toList());
        assertEquals(new WireType.Bytes(new Extent.Prefixed(new WireType.LenEnc(), null)), v.fallback().type());

        Layout row = message(model, "Row").layout();
        ExprType columnType = ExprType.enumOf("ColumnType");
        TypedExpr element = new TypedExpr.Index(new TypedExpr.SessionRef("column_types", ExprType.listOf(columnType)),
                new TypedExpr.ElementIndex(), columnType);
        assertEquals(new WireType.Array(new WireType.StructRef("ColumnValue", List.of(element), java.util.OptionalLong.empty()),
                new Extent.Computed(Models.intField("n"))), field(row, "values").type());
        assertEquals("zlib", field(row, "data").transform());
        assertEquals(new WireType.FlagsRef("Caps", be(IntKind.U32)), model.session().get(1).type());
    }

    @Test
    void aLibraryCheckedOnItsOwnHasNoProtocolName() {
        ProtocolModel library = checkAt("common/base.wire", BASE, Map.of());
        assertTrue(library.isLibrary());
        assertNull(library.name());
        assertEquals("io.sqlxwire.generated", library.javaPackage());
        assertEquals(List.of("ColumnType"), library.enums().stream().map(EnumModel::name).toList());
        assertNull(library.machine());
    }

    @Test
    void optionDefaults() {
        ProtocolModel model = check("""
                /// Demo protocol.
                protocol MySQL;
                """);
        assertEquals("MySQL", model.name());
        assertEquals("Demo protocol.", model.doc());
        assertFalse(model.isLibrary());
        assertEquals(Endian.BIG, model.byteOrder());
        assertEquals(TextEncoding.UTF8, model.charset());
        assertEquals("io.sqlxwire.generated.mysql", model.javaPackage());
        assertEquals("", model.javaPrefix());
        assertEquals(64, model.maxDepth());
    }

    @Test
    void everyOptionSet() {
        ProtocolModel model = check("""
                protocol tds;
                option byte_order = little;
                option charset = utf16le;
                option java_package = "com.example.tds.wire";
                option java_prefix = "Tds";
                option max_depth = 12;
                """);
        assertEquals(Endian.LITTLE, model.byteOrder());
        assertEquals(TextEncoding.UTF16LE, model.charset());
        assertEquals("com.example.tds.wire", model.javaPackage());
        assertEquals("Tds", model.javaPrefix());
        assertEquals(12, model.maxDepth());
    }

    @Test
    void byteOrderOptionAppliesToEnumBasesAndHeaders() {
        ProtocolModel model = check("""
                protocol x;
                option byte_order = little;
                enum E: u16 { A = 1; }
                framing f { header { length: u32; } body length; }
                """);
        assertEquals(new WireType.Int(IntKind.U16, Endian.LITTLE), model.enumeration("E").orElseThrow().base());
        assertEquals(new WireType.Int(IntKind.U32, Endian.LITTLE),
                field(model.framing("f").orElseThrow().header(), "length").type());
    }
}
