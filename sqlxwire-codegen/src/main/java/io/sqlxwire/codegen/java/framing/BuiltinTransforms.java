package io.sqlxwire.codegen.java.framing;

import com.palantir.javapoet.ClassName;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.TypedExpr;
import java.util.Optional;

/**
 * Whole-body framing transforms the runtime implements itself, so that generated code applies
 * them rather than calling a hand-written one: {@code transform zlib;} (RFC 1950 streams, through
 * {@code java.util.zip}). The header says how large the plain body is with a let named
 * {@value #PLAIN_LENGTH} ({@code 0}: the body is stored as is); without it bodies are inflated to
 * the end of their stream.
 */
public final class BuiltinTransforms {

    /** The built-in zlib transform's name. */
    public static final String ZLIB = "zlib";
    /** The header let giving a body's size after the transform. */
    public static final String PLAIN_LENGTH = "plain_length";

    public static final ClassName ZLIB_FRAMING = ClassName.get("io.sqlxwire.runtime.frame", "ZlibFraming");
    public static final ClassName ZLIB_DEFLATER = ClassName.get("io.sqlxwire.runtime.codec", "ZlibDeflater");

    private BuiltinTransforms() {}

    /** Whether the framing's bodies are zlib streams the generated code inflates and deflates. */
    public static boolean isZlib(FramingModel framing) {
        return ZLIB.equals(framing.transform());
    }

    /** The header let announcing the plain size, when the framing declares one. */
    public static Optional<Let> plainLength(FramingModel framing) {
        if (!isZlib(framing) || framing.header() == null) {
            return Optional.empty();
        }
        Optional<Member> member = framing.header().member(PLAIN_LENGTH);
        return member.filter(Let.class::isInstance).map(Let.class::cast);
    }

    /** The header field the plain size is written into on encode: the let must name one field. */
    public static Optional<String> plainLengthField(FramingModel framing) {
        return plainLength(framing).map(Let::value)
                .filter(v -> v instanceof TypedExpr.FieldRef f && f.path().size() == 1)
                .map(v -> ((TypedExpr.FieldRef) v).path().get(0));
    }
}
