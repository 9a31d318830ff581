package io.sqlxwire.idl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.parse.WireParser;
import io.sqlxwire.idl.testing.StructuralEquality;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The property: random well-formed sources survive parse, print, parse with an equal tree. */
class FormatterRoundTripPropertyTest {

    private final DeclArbitraries arbitraries = new DeclArbitraries();

    @Provide
    Arbitrary<WireFile> wireFiles() {
        return arbitraries.files();
    }

    // Generating these trees costs jqwik tens of milliseconds each; 200 files hold thousands of
    // declarations, members, types and expressions, and GeneratorCoverageTest checks their variety.
    @Property(tries = 200)
    void printedTreesParseBackToTheSameTree(@ForAll("wireFiles") WireFile generated) {
        String text = WireFormatter.format(generated);

        Diagnostics diagnostics = new Diagnostics();
        WireFile reparsed = WireParser.parse(DeclArbitraries.PATH, text, diagnostics);

        if (diagnostics.hasErrors()) {
            fail("the printed text does not parse: " + diagnostics.sorted() + "\n--- text ---\n" + text);
        }
        StructuralEquality.difference(generated, reparsed)
                .ifPresent(difference -> fail(difference + "\n--- text ---\n" + text));
        assertEquals(text, WireFormatter.format(reparsed), "formatting is not idempotent");
    }
}
