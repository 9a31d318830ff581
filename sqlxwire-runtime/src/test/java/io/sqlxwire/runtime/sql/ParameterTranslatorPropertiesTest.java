package io.sqlxwire.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Statements are generated as parts — SQL code, protected regions (literals, quoted identifiers,
 * comments, dollar quotes) full of placeholder look-alikes, and parameters — and rendered in every
 * style, so the expected translation is known without re-implementing the translator.
 */
class ParameterTranslatorPropertiesTest {

    /** One piece of a generated statement. */
    sealed interface Part permits Code, Protected, Param {}

    /** SQL code without placeholders; {@code %} is rendered doubled in percent styles. */
    record Code(String text) implements Part {}

    /** Text the translator must copy untouched, whatever it contains. */
    record Protected(String text) implements Part {}

    /** A parameter: the {@code ref}-th distinct source parameter (1-based). */
    record Param(int ref) implements Part {}

    private static final ParamStyle[] STYLES = ParamStyle.values();

    @Property(tries = 2000)
    void translatingARenderedStatementGivesTheSameStatementRenderedInTheTarget(
            @ForAll("statements") List<Part> parts, @ForAll ParamStyle from, @ForAll ParamStyle to) {
        List<Part> numbered = numberInOrder(parts);
        Translation t = ParameterTranslator.translate(render(numbered, from), from, to);
        assertEquals(render(numbered, to), t.sql());
        long params = numbered.stream().filter(p -> p instanceof Param).count();
        assertEquals(params, t.bindings().size());
        for (int i = 0; i < t.bindings().size(); i++) {
            assertEquals(key(i + 1, to), t.bindings().get(i).target());
            assertEquals(key(i + 1, from), t.bindings().get(i).source());
        }
    }

    @Property(tries = 2000)
    void aRoundTripThroughAnyStyleBindsEveryOccurrenceToTheSameValue(
            @ForAll("statements") List<Part> parts, @ForAll ParamStyle via) {
        // $n references in any order, with repeats: each occurrence must still get its value.
        String source = render(parts, ParamStyle.DOLLAR);
        int distinct = parts.stream().filter(p -> p instanceof Param).mapToInt(p -> ((Param) p).ref()).max().orElse(0);
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= distinct; i++) {
            values.add("v" + i);
        }
        List<String> expected = parts.stream().filter(p -> p instanceof Param).map(p -> "v" + ((Param) p).ref()).toList();
        assertEquals(expected, ParameterTranslator.translate(source, ParamStyle.DOLLAR, ParamStyle.QMARK).arrangePositional(values));

        Translation there = ParameterTranslator.translate(source, ParamStyle.DOLLAR, via);
        Map<String, String> valueOfViaKey = new HashMap<>();
        there.bindings().forEach(b -> valueOfViaKey.put(b.target(), values.get(Integer.parseInt(b.source()) - 1)));
        Translation back = ParameterTranslator.translate(there.sql(), via, ParamStyle.QMARK);
        assertEquals(expected, back.arrange(valueOfViaKey::get));
        assertEquals(render(parts, ParamStyle.QMARK), back.sql());
    }

    @Property(tries = 3000)
    void anyStringTranslatesWithoutAnException(@ForAll("sqlish") String sql, @ForAll ParamStyle from,
                                               @ForAll ParamStyle to, @ForAll SqlSyntax syntax) {
        ParameterTranslator.translate(sql, from, to, syntax);
    }

    @Property(tries = 1000)
    void anyUnicodeStringTranslatesWithoutAnException(@ForAll String sql, @ForAll ParamStyle from,
                                                      @ForAll ParamStyle to, @ForAll SqlSyntax syntax) {
        ParameterTranslator.translate(sql, from, to, syntax);
    }

    @Provide
    Arbitrary<String> sqlish() {
        return Arbitraries.strings().withChars("?$:%()sab1_'\"`-/*#\\E\n ").ofMaxLength(40);
    }

    @Provide
    Arbitrary<List<Part>> statements() {
        Arbitrary<Part> code = Arbitraries.of("SELECT", "a", "1", "+", "x::int", ",", "(", ")", "x =", "f(a := 1)",
                "arr[1:2]", "%", "t.c", "::text").map(Code::new);
        Arbitrary<Part> param = Arbitraries.integers().between(1, 4).map(Param::new);
        Arbitrary<Part> guarded = protectedRegion().map(Protected::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, code), net.jqwik.api.Tuple.of(2, param), net.jqwik.api.Tuple.of(2, guarded))
                .list().ofMaxSize(12);
    }

    /** Literals, identifiers, comments and dollar quotes with placeholder look-alikes inside. */
    private static Arbitrary<String> protectedRegion() {
        Arbitrary<String> inner = Arbitraries.of("?", "$1", "$2", ":a", ":p1", "%s", "%(a)s", "%", " ", "x", "::", "'", "\"",
                "`", "\\", "\n", "/", "*", "$", "-").list().ofMaxSize(6).map(l -> String.join("", l));
        return Arbitraries.oneOf(
                inner.map(s -> "'" + s.replace("'", "''") + "'"),
                inner.map(s -> "E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"),
                inner.map(s -> "\"" + s.replace("\"", "\"\"") + "\""),
                inner.map(s -> "`" + s.replace("`", "") + "`"),
                inner.map(s -> "--" + s.replace("\n", "") + "\n"),
                Combinators.combine(inner, inner).as((a, b) -> "/*" + clean(a) + "/*" + clean(b) + "*/" + clean(a) + "*/"),
                Combinators.combine(Arbitraries.of("", "fn", "x_1"), inner)
                        .as((tag, s) -> "$" + tag + "$" + s.replace("$", "") + "$" + tag + "$"));
    }

    private static String clean(String commentText) {
        return commentText.replace("*", "").replace("/", "");
    }

    /** The parameters renumbered 1, 2, 3... in order of occurrence: what every style can express. */
    private static List<Part> numberInOrder(List<Part> parts) {
        List<Part> numbered = new ArrayList<>();
        int n = 0;
        for (Part p : parts) {
            numbered.add(p instanceof Param ? new Param(++n) : p);
        }
        return numbered;
    }

    private static String key(int ref, ParamStyle style) {
        return style == ParamStyle.NAMED || style == ParamStyle.PYFORMAT ? "p" + ref : String.valueOf(ref);
    }

    private static String render(List<Part> parts, ParamStyle style) {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Code c) {
                out.add(style == ParamStyle.FORMAT || style == ParamStyle.PYFORMAT ? c.text().replace("%", "%%") : c.text());
            } else if (p instanceof Protected g) {
                out.add(g.text());
            } else {
                int ref = ((Param) p).ref();
                out.add(switch (style) {
                    case FORMAT -> "%s";
                    case PYFORMAT -> "%(p" + ref + ")s";
                    case DOLLAR -> "$" + ref;
                    case QMARK -> "?";
                    case NAMED -> ":p" + ref;
                });
            }
        }
        return String.join(" ", out);
    }
}
