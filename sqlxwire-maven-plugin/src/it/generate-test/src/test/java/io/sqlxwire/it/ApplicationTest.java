package io.sqlxwire.it;

import io.sqlxwire.it.ping.Ping;
import io.sqlxwire.it.ping.PingArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A hand-written test next to the generated ones, on the generated record and arbitraries. */
class ApplicationTest {
    @Example
    void compilesAgainstTheMainSources() {
        Application.describe(null);
    }

    @Property(tries = 20)
    void generatedRecordsRoundTrip(@ForAll("pings") Ping ping) {
        if (!Ping.decode(ping.encode()).equals(ping)) {
            throw new AssertionError(ping);
        }
    }

    @Provide
    Arbitrary<Ping> pings() {
        return PingArbitraries.ping();
    }
}
