package io.sqlxwire.idl.format;

import static org.junit.jupiter.api.Assertions.fail;

import io.sqlxwire.idl.CheckResult;
import io.sqlxwire.idl.WireCompiler;
import io.sqlxwire.idl.testing.StructuralEquality;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Formatting never changes meaning: the checked model of a valid description survives it. */
class CheckedModelRoundTripPropertyTest {

    private static final String PATH = "valid.wire";

    @Provide
    Arbitrary<String> validSources() {
        return Arbitraries.randomValue(ValidSourceGenerator::source);
    }

    @Property(tries = 300)
    void formattedSourcesCheckToTheSameModel(@ForAll("validSources") String source) {
        CheckResult original = WireCompiler.checkSource(PATH, source);
        if (original.hasErrors()) {
            fail("the generator wrote an invalid description:\n" + original.render() + "\n--- source ---\n" + source);
        }
        String formatted = WireFormatter.format(PATH, source).formattedOrThrow();

        CheckResult reformatted = WireCompiler.checkSource(PATH, formatted);

        if (reformatted.hasErrors()) {
            fail("the formatted text does not check:\n" + reformatted.render() + "\n--- formatted ---\n" + formatted);
        }
        StructuralEquality.difference(original.modelOrThrow(), reformatted.modelOrThrow())
                .ifPresent(difference -> fail(difference + "\n--- source ---\n" + source + "\n--- formatted ---\n" + formatted));
    }
}
