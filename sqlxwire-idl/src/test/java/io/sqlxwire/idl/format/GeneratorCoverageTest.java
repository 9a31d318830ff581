package io.sqlxwire.idl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.FramingItem;
import io.sqlxwire.idl.ast.MachineItem;
import io.sqlxwire.idl.ast.Member;
import io.sqlxwire.idl.ast.SignatureItem;
import io.sqlxwire.idl.ast.SwitchArm;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.diag.SourceSpan;
import java.lang.reflect.RecordComponent;
import io.sqlxwire.idl.ast.WireFile;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Example;

/**
 * The round-trip property is only as strong as its generator: this checks that a modest sample of
 * generated files contains every node kind of the syntax tree, every operator, and the variants the
 * printer treats specially (escapes, number bases, optional parts, the fallback arm, {@code state *}).
 */
class GeneratorCoverageTest {

    @Example
    void generatedFilesUseEveryConstructOfTheGrammar() {
        Set<String> seen = new TreeSet<>();
        // A fixed seed keeps this check stable; it fails when a generator change loses a construct.
        RandomGenerator<WireFile> generator = new DeclArbitraries().files().generator(1000);
        Random random = new Random(20_24);
        for (int i = 0; i < 150; i++) {
            walk(generator.next(random).value(), seen);
        }

        Set<String> missing = new TreeSet<>(expectedConstructs());
        missing.removeAll(seen);

        assertEquals(Set.of(), missing, "constructs the generator never produced");
    }

    private static Set<String> expectedConstructs() {
        Set<String> expected = new TreeSet<>();
        Stream.of(Decl.class, Expr.class, FramingItem.class, MachineItem.class, MachineItem.StateItem.class,
                        Member.class, SignatureItem.class, TypeRef.class, TypeRef.Suffix.class)
                .flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()))
                .filter(Class::isRecord)
                .forEach(kind -> expected.add(kind.getSimpleName()));
        expected.addAll(List.of("Argument", "Constant", "Parameter", "SessionVar", "Action", "SwitchArm", "Pattern"));
        ExprArbitraries.BINARY_OPERATORS.forEach(op -> expected.add("binary " + op));
        ExprArbitraries.UNARY_OPERATORS.forEach(op -> expected.add("unary " + op));
        expected.addAll(List.of("hex int", "binary int", "int with _", "char escape", "char \\x", "string escape",
                "string \\x", "non-ASCII string", "doc", "multi-line doc", "soft keyword name", "range pattern",
                "fallback arm", "guarded arm", "named argument", "type arguments", "empty brackets",
                "prefix null", "field value", "field if", "field size", "field at", "field transform",
                "anonymous field", "typed let", "action +=", "state *", "transition target", "mask",
                "session initial", "message tag", "message when", "message via", "qualified option"));
        return expected;
    }

    private static void walk(Object node, Set<String> seen) {
        if (node == null || node instanceof SourceSpan || node instanceof String) {
            if (node instanceof String text && text.contains("\n")) {
                seen.add("multi-line doc");
            }
            return;
        }
        if (node instanceof List<?> list) {
            list.forEach(element -> walk(element, seen));
            return;
        }
        if (!node.getClass().isRecord()) {
            return;
        }
        seen.add(node.getClass().getSimpleName());
        features(node, seen);
        for (RecordComponent component : node.getClass().getRecordComponents()) {
            try {
                walk(component.getAccessor().invoke(node), seen);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void features(Object node, Set<String> seen) {
        if (node instanceof Expr.Binary e) {
            seen.add("binary " + e.op());
        } else if (node instanceof Expr.Unary e) {
            seen.add("unary " + e.op());
        } else if (node instanceof Expr.IntLit e) {
            String text = e.text().toLowerCase();
            seen.add(text.startsWith("0x") ? "hex int" : text.startsWith("0b") ? "binary int" : "decimal int");
            if (text.contains("_")) {
                seen.add("int with _");
            }
        } else if (node instanceof Expr.CharLit e) {
            if (e.text().contains("\\x")) {
                seen.add("char \\x");
            } else if (e.text().contains("\\")) {
                seen.add("char escape");
            }
        } else if (node instanceof Expr.StringLit e) {
            String printed = Literals.string(e.value());
            if (printed.contains("\\x")) {
                seen.add("string \\x");
            }
            if (printed.replace("\\x", "").contains("\\")) {
                seen.add("string escape");
            }
            if (e.value().chars().anyMatch(c -> c > 0xFF)) {
                seen.add("non-ASCII string");
            }
        } else if (node instanceof Expr.NameRef e && ExprArbitraries.SOFT_KEYWORDS.contains(e.name().text())) {
            seen.add("soft keyword name");
        } else if (node instanceof SwitchArm.Pattern p && p.isRange()) {
            seen.add("range pattern");
        } else if (node instanceof SwitchArm arm) {
            seen.add(arm.isFallback() ? "fallback arm" : "value arm");
            if (arm.guard() != null) {
                seen.add("guarded arm");
            }
            doc(arm.doc(), seen);
        } else if (node instanceof Argument a && a.isNamed()) {
            seen.add("named argument");
        } else if (node instanceof TypeRef.Named t && t.hasArguments()) {
            seen.add("type arguments");
        } else if (node instanceof TypeRef.Brackets b && b.expr() == null) {
            seen.add("empty brackets");
        } else if (node instanceof TypeRef.Prefix p && p.nullValue() != null) {
            seen.add("prefix null");
        } else if (node instanceof Member.Field f) {
            fieldFeatures(f, seen);
        } else if (node instanceof Member.Let l && l.type() != null) {
            seen.add("typed let");
        } else if (node instanceof MachineItem.Action a && a.operator().equals("+=")) {
            seen.add("action +=");
        } else if (node instanceof MachineItem.State s && s.isWildcard()) {
            seen.add("state *");
        } else if (node instanceof MachineItem.Transition t && t.target() != null) {
            seen.add("transition target");
        } else if (node instanceof SignatureItem.Match m && m.mask() != null) {
            seen.add("mask");
        } else if (node instanceof Decl.SessionVar v && v.initial() != null) {
            seen.add("session initial");
        } else if (node instanceof Decl.Message m) {
            if (m.tag() != null) {
                seen.add("message tag");
            }
            if (m.when() != null) {
                seen.add("message when");
            }
            if (m.via() != null) {
                seen.add("message via");
            }
        } else if (node instanceof Decl.Option o && o.name().text().contains(".")) {
            seen.add("qualified option");
        }
        if (node instanceof Decl.Struct s) {
            doc(s.doc(), seen);
        }
    }

    private static void fieldFeatures(Member.Field f, Set<String> seen) {
        if (f.value() != null) {
            seen.add("field value");
        }
        if (f.condition() != null) {
            seen.add("field if");
        }
        if (f.size() != null) {
            seen.add("field size");
        }
        if (f.at() != null) {
            seen.add("field at");
        }
        if (f.transform() != null) {
            seen.add("field transform");
        }
        if (f.isAnonymous()) {
            seen.add("anonymous field");
        }
        doc(f.doc(), seen);
    }

    private static void doc(String doc, Set<String> seen) {
        if (!doc.isEmpty()) {
            seen.add("doc");
        }
    }
}
