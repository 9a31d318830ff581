package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.codegen.testing.InMemoryCompiler;
import org.junit.jupiter.api.Test;

/** Open enums and flag sets as generated value records. */
class EnumValueClassTest {

    private static final ClassLoader CLASSES = InMemoryCompiler.compile(new EnumGenerator().generate(GenerationContext.of(
            DecoderTestSupport.model("enums.wire", """
                    protocol demo;
                    option java_package = "demo";
                    /// How authentication goes on.
                    enum AuthCode: i32 { OK = 0; MD5_PASSWORD = 5; }
                    enum Big: u64 { HUGE = 0xFFFFFFFFFFFFFFFF; SMALL = 1; }
                    flags Caps: u32 { LONG_PASSWORD = 0x1; PROTOCOL_41 = 0x200; BOTH = 0x201; }
                    """))));

    private static Class<?> type(String name) throws ClassNotFoundException {
        return CLASSES.loadClass("demo." + name);
    }

    @Test
    void knownValuesAreTheConstantsThemselves() throws Exception {
        Class<?> auth = type("AuthCode");
        Object md5 = auth.getField("MD5_PASSWORD").get(null);
        assertSame(md5, DecoderRealBytesTest.call(auth, "of", 5));
        assertEquals("MD5_PASSWORD(5)", md5.toString());
        assertEquals(true, DecoderRealBytesTest.call(md5, "isKnown"));
        Object unknown = DecoderRealBytesTest.call(auth, "of", 7);
        assertEquals("UNKNOWN(7)", unknown.toString());
        assertEquals(false, DecoderRealBytesTest.call(unknown, "isKnown"));
        assertEquals(unknown, DecoderRealBytesTest.call(auth, "of", 7));
        assertNotSame(unknown, DecoderRealBytesTest.call(auth, "of", 7));
    }

    @Test
    void wideEnumsKeepUnsigned64BitValues() throws Exception {
        Class<?> big = type("Big");
        Object huge = DecoderRealBytesTest.call(big, "of", -1L);
        assertSame(big.getField("HUGE").get(null), huge);
        assertEquals("HUGE(-1)", huge.toString());
    }

    @Test
    void flagsListNamesAndUnnamedBits() throws Exception {
        Class<?> caps = type("Caps");
        Object value = caps.getConstructor(long.class).newInstance(0x201L | 0x4000L);
        assertTrue((Boolean) DecoderRealBytesTest.call(value, "has", 0x200L));
        assertEquals("LONG_PASSWORD|PROTOCOL_41|BOTH|0x4000", value.toString());
        Object without = DecoderRealBytesTest.call(value, "without", 0x4001L);
        assertFalse((Boolean) DecoderRealBytesTest.call(without, "has", 0x1L));
        assertEquals("PROTOCOL_41", without.toString());
        assertEquals("0x0", caps.getConstructor(long.class).newInstance(0L).toString());
        assertEquals(0x200L, caps.getField("PROTOCOL_41").get(null));
    }
}
