package io.sqlxwire.it;

import net.jqwik.api.Example;

class ApplicationTest {
    @Example
    void compilesAgainstTheMainSources() {
        Application.describe(null);
    }
}
