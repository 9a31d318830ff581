package io.sqlxwire.idl.check;

import static io.sqlxwire.idl.check.Diags.assertClean;
import static io.sqlxwire.idl.check.Diags.assertError;
import static io.sqlxwire.idl.check.Diags.assertUnderlines;
import static io.sqlxwire.idl.check.Diags.check;

import io.sqlxwire.idl.CheckResult;
import org.junit.jupiter.api.Test;

/** Detection signatures: who speaks first, offsets, patterns and masks. */
class SignatureDiagnosticsTest {

    @Test
    void senderNeitherClientNorServer() {
        CheckResult result = check("""
                signature S from peer { at 0 match "x"; }
                """);
        assertError(result, 1, 18, "a signature is 'from client' or 'from server', not from 'peer'");
    }

    @Test
    void minimumOutOfRange() {
        CheckResult result = check("""
                signature S from client { min 70000; at 0 match "x"; }
                """);
        assertError(result, 1, 31, "the minimum byte count must be from 0 to 65536");
        assertUnderlines(result, "70000");
    }

    @Test
    void minimumSmallerThanTheMatchedBytes() {
        CheckResult result = check("""
                signature S from client { min 2; at 4 match x"0102"; }
                """);
        assertError(result, 1, 11, "signature S matches 6 bytes but says 'min 2'");
    }

    @Test
    void clientSignatureThatMatchesNothing() {
        CheckResult result = check("""
                signature S from client { min 4; }
                """);
        assertError(result, 1, 11, "signature S matches nothing: give 'at OFFSET match BYTES;' or 'alpn NAME;'");
    }

    @Test
    void serverSignatureMayMatchNothing() {
        // The server speaks first: silence from the client is what identifies it.
        CheckResult result = check("""
                signature S from server { min 4; }
                """);
        assertClean(result);
    }

    @Test
    void offsetThatIsNotConstant() {
        CheckResult result = check("""
                signature S from client { alpn "x"; at n match "x"; }
                """);
        assertError(result, 1, 40, "unknown name 'n'");
    }

    @Test
    void offsetOutOfRangeBesideAnAlpnName() {
        CheckResult result = check("""
                signature S from client { alpn "pg"; at 70000 match "x"; }
                """);
        assertError(result, 1, 41, "a signature offset must be from 0 to 65536");
    }

    @Test
    void maskOfAnotherLengthBesideAnAlpnName() {
        CheckResult result = check("""
                signature S from client { alpn "pg"; at 0 match x"0102" mask x"ff"; }
                """);
        assertError(result, 1, 62, "the mask has 1 bytes but the pattern has 2");
    }

    @Test
    void patternThatIsNotBytesBesideAnAlpnName() {
        CheckResult result = check("""
                signature S from client { alpn "pg"; at 0 match 5; }
                """);
        assertError(result, 1, 49, "a signature pattern must be non-empty bytes (x\"0a\") or a string");
    }

    @Test
    void emptyAlpnNameBesideAMatch() {
        CheckResult result = check("""
                signature S from client { at 0 match "x"; alpn ""; }
                """);
        assertError(result, 1, 43, "an ALPN protocol name has 1 to 255 bytes");
        assertUnderlines(result, "alpn \"\";");
    }
}
