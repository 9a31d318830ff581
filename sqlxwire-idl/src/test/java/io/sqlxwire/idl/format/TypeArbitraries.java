package io.sqlxwire.idl.format;

import static io.sqlxwire.idl.format.ExprArbitraries.SPAN;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.ast.SwitchArm;
import io.sqlxwire.idl.ast.TypeRef;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random type references: named types with and without arguments, every suffix ({@code [n]},
 * {@code []}, {@code until}, {@code rest}, {@code prefix(T, null = v)}), and unions with value,
 * range and guarded arms, a fallback and doc comments, nested up to a fixed depth.
 */
final class TypeArbitraries {

    static final int MAX_DEPTH = 2;

    private static final List<String> BUILT_IN = List.of("u8", "u16", "u16le", "u24be", "u32", "u64", "i8", "i16",
            "i32", "i64le", "f32", "f64be", "lenenc", "ascii_int", "bytes", "text", "cstring", "pad", "empty",
            "bitmap", "bool");

    private final ExprArbitraries exprs;
    private final List<Arbitrary<TypeRef>> byDepth;

    TypeArbitraries(ExprArbitraries exprs) {
        this.exprs = exprs;
        List<Arbitrary<TypeRef>> levels = new java.util.ArrayList<>();
        levels.add(named(null));
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            Arbitrary<TypeRef> inner = levels.get(depth - 1);
            levels.add(Arbitraries.frequencyOf(Tuple.of(4, named(inner)), Tuple.of(1, union(inner))));
        }
        this.byDepth = List.copyOf(levels);
    }

    Arbitrary<TypeRef> types() {
        return byDepth.get(MAX_DEPTH);
    }

    /** @param inner the types a {@code prefix(...)} suffix may use, or {@code null} for none */
    private Arbitrary<TypeRef> named(Arbitrary<TypeRef> inner) {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(BUILT_IN)),
                Tuple.of(1, ExprArbitraries.names().map(n -> n.text())));
        Arbitrary<List<Argument>> arguments =
                ExprArbitraries.arguments(exprs.exprs(1)).injectNull(0.7);
        Arbitrary<List<TypeRef.Suffix>> suffixes = suffix(inner).list().ofMaxSize(3)
                .filter(TypeArbitraries::expressible);
        return Combinators.combine(names, arguments, suffixes)
                .as((name, args, list) -> new TypeRef.Named(new Name(name, SPAN), args, list, SPAN));
    }

    /**
     * {@code T until x [n]} always reads as {@code until (x[n])}: the grammar offers no way to write a
     * bracket suffix right after a terminator, so such trees have no text and are not generated.
     */
    static boolean expressible(List<TypeRef.Suffix> suffixes) {
        for (int i = 1; i < suffixes.size(); i++) {
            if (suffixes.get(i - 1) instanceof TypeRef.Until && suffixes.get(i) instanceof TypeRef.Brackets) {
                return false;
            }
        }
        return true;
    }

    private Arbitrary<TypeRef.Suffix> suffix(Arbitrary<TypeRef> inner) {
        Arbitrary<Expr> values = exprs.exprs(2);
        Arbitrary<TypeRef.Suffix> brackets = values.injectNull(0.3).map(e -> new TypeRef.Brackets(e, SPAN));
        Arbitrary<TypeRef.Suffix> until = values.map(e -> new TypeRef.Until(e, SPAN));
        Arbitrary<TypeRef.Suffix> rest = Arbitraries.just(new TypeRef.Rest(SPAN));
        if (inner == null) {
            return Arbitraries.oneOf(brackets, until, rest);
        }
        Arbitrary<TypeRef.Suffix> prefix = Combinators.combine(inner, exprs.exprs(1).injectNull(0.5))
                .as((type, nullValue) -> new TypeRef.Prefix(type, nullValue, SPAN));
        return Arbitraries.oneOf(brackets, until, rest, prefix);
    }

    private Arbitrary<TypeRef> union(Arbitrary<TypeRef> inner) {
        Arbitrary<SwitchArm.Pattern> pattern = Combinators.combine(exprs.exprs(1), exprs.exprs(1).injectNull(0.6))
                .as((low, high) -> new SwitchArm.Pattern(low, high, SPAN));
        // No patterns is the fallback arm `_`.
        Arbitrary<List<SwitchArm.Pattern>> patterns = Arbitraries.frequencyOf(
                Tuple.of(4, pattern.list().ofMinSize(1).ofMaxSize(3)),
                Tuple.of(1, Arbitraries.just(List.of())));
        Arbitrary<SwitchArm> arm = Combinators.combine(patterns, exprs.exprs(2).injectNull(0.7), inner, DocArbitraries.docs())
                .as((list, guard, type, doc) -> new SwitchArm(list, guard, type, doc, SPAN));
        return Combinators.combine(exprs.exprs(2), arm.list().ofMaxSize(4))
                .as((subject, arms) -> new TypeRef.Switch(subject, arms, SPAN));
    }
}
