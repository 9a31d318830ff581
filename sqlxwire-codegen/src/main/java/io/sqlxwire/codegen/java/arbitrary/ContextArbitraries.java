package io.sqlxwire.codegen.java.arbitrary;

import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;

/**
 * Arbitraries of what a record needs besides its bytes: each parameter (raw numbers and booleans,
 * as {@code decode} takes them) and the session. Shared by the arbitraries and the property tests.
 */
public final class ContextArbitraries {

    private ContextArbitraries() {}

    /** In the order of {@link #names}: the parameters, then the session when needed. */
    public static List<CodeBlock> of(GenerationContext context, RecordShape shape) {
        return of(shape, CodeBlock.of(""));
    }

    /**
     * The same, calling the arbitraries class's methods through {@code owner} (a type and a dot)
     * from outside it.
     */
    public static List<CodeBlock> of(RecordShape shape, CodeBlock owner) {
        List<CodeBlock> arbitraries = new ArrayList<>();
        for (Parameter parameter : shape.parameters()) {
            arbitraries.add(givesASize(shape, parameter)
                    ? CodeBlock.of("$L.between(0, $L$L)", ValueArbitraries.integerKind(parameter.type()), owner,
                            ArbitraryNames.MAX_ELEMENTS)
                    : parameter(parameter, owner));
        }
        if (shape.needsSession()) {
            arbitraries.add(CodeBlock.of("$L$L()", owner, ArbitraryNames.SESSION_METHOD));
        }
        return arbitraries;
    }

    /** A parameter read by a size, count or region size is kept small, like a field that gives a size. */
    private static boolean givesASize(RecordShape shape, Parameter parameter) {
        List<io.sqlxwire.idl.model.TypedExpr> sizes = new ArrayList<>();
        for (io.sqlxwire.idl.model.Field field : shape.layout().fields()) {
            sizes.addAll(Extents.sizes(field.type()));
            if (field.regionSize() != null) {
                sizes.add(field.regionSize());
            }
        }
        return !(parameter.type() instanceof WireType.Bool) && sizes.stream().flatMap(e -> Exprs.leaves(e).stream())
                .anyMatch(e -> e instanceof io.sqlxwire.idl.model.TypedExpr.ParamRef p && p.name().equals(parameter.name()));
    }

    public static List<String> names(RecordShape shape) {
        List<String> names = new ArrayList<>();
        shape.parameters().forEach(p -> names.add(Naming.member(p.name())));
        if (shape.needsSession()) {
            names.add("session");
        }
        return names;
    }

    /** A parameter value: named constants and unknown values of enums, any value of integers. */
    static CodeBlock parameter(Parameter parameter, CodeBlock owner) {
        WireType type = parameter.type();
        if (type instanceof WireType.Bool) {
            return CodeBlock.of("$T.of(true, false)", ValueArbitraries.ARBITRARIES);
        }
        if (type instanceof WireType.EnumRef e) {
            return CodeBlock.of("$L$L().map(e -> e.value())", owner, ArbitraryNames.method(e.name()));
        }
        if (type instanceof WireType.FlagsRef f) {
            // Flag sets hold a long; a parameter over a narrow base takes the int it fits in.
            boolean narrow = com.palantir.javapoet.TypeName.INT.equals(RecordShape.parameterType(parameter));
            return CodeBlock.of("$L$L().map(f -> $Lf.bits())", owner, ArbitraryNames.method(f.name()), narrow ? "(int) " : "");
        }
        if (type instanceof WireType.Int i) {
            return ValueArbitraries.integer(i.kind());
        }
        return CodeBlock.of("$T.longs()", ValueArbitraries.ARBITRARIES);
    }
}
