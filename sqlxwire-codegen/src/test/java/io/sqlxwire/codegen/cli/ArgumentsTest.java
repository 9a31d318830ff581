package io.sqlxwire.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void separatesKnownFlagsFromOperandsKeepingOperandOrder() throws UsageException {
        Arguments parsed = Arguments.parse(List.of("b.wire", "--quiet", "a.wire"), Set.of("--quiet"));
        assertEquals(Set.of("--quiet"), parsed.flags());
        assertEquals(List.of("b.wire", "a.wire"), parsed.operands());
        assertTrue(parsed.has("--quiet"));
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(List.of("-x"), Set.of()));
        assertEquals("unknown option '-x'", e.getMessage());
    }

    @Test
    void doubleDashEndsOptionsSoDashedNamesAreOperands() throws UsageException {
        Arguments parsed = Arguments.parse(List.of("--", "-odd.wire", "--help"), Set.of());
        assertEquals(List.of("-odd.wire", "--help"), parsed.operands());
        assertFalse(Arguments.asksForHelp(List.of("--", "--help")));
    }

    @Test
    void loneDashIsAnOperand() throws UsageException {
        assertEquals(List.of("-"), Arguments.parse(List.of("-"), Set.of()).operands());
    }

    @Test
    void helpIsSeenAnywhereBeforeDoubleDash() {
        assertTrue(Arguments.asksForHelp(List.of("a.wire", "-h")));
        assertTrue(Arguments.asksForHelp(List.of("--help", "--")));
        assertFalse(Arguments.asksForHelp(List.of("a.wire")));
    }
}
