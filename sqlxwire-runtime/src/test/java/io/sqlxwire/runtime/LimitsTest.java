package io.sqlxwire.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlxwire.runtime.error.CodecException;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void defaultsAreSane() {
        assertEquals(32 * 1024 * 1024, Limits.DEFAULTS.maxFrameBytes());
        Limits.DEFAULTS.checkFrame(4 + 0xFF_FFFF, 0);
        assertEquals(64, Limits.DEFAULTS.maxDepth());
        assertEquals(1_000_000, Limits.DEFAULTS.maxElements());
    }

    @Test
    void rejectsNonPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULTS.withMaxDepth(-1));
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULTS.withMaxElements(0));
    }

    @Test
    void checksAreInclusiveOfTheLimit() {
        Limits limits = new Limits(100, 3, 10);
        assertDoesNotThrow(() -> limits.checkFrame(100, 0));
        assertDoesNotThrow(() -> limits.checkDepth(3, 0));
        assertDoesNotThrow(() -> limits.checkElements(10, 0));
        CodecException frame = assertThrows(CodecException.class, () -> limits.checkFrame(101, 7));
        assertEquals(7, frame.offset());
        assertThrows(CodecException.class, () -> limits.checkFrame(-1, 0));
        assertThrows(CodecException.class, () -> limits.checkDepth(4, 0));
        assertThrows(CodecException.class, () -> limits.checkElements(-5, 0));
        assertThrows(CodecException.class, () -> limits.checkElements(11, 0));
    }
}
