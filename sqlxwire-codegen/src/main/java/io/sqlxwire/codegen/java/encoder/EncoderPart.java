package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.TypedExpr;
import java.util.List;
import java.util.Map;

/**
 * Base of the classes that each generate one part of a layout encoder: the facts about the
 * encoder they all read, copied from the shared {@link EncoderLayout}, and {@code ctx} to reach
 * the other parts.
 */
abstract class EncoderPart {

    static final ClassName BIT_SET = ClassName.get("java.util", "BitSet");
    static final ClassName STANDARD_CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");

    final EncoderLayout ctx;
    final ProtocolModel model;
    final EncoderNames names;
    final EncoderPlanner planner;
    final ExpressionTranslator translator;
    final String ownerName;
    final String doc;
    final List<Parameter> parameters;
    final Layout layout;
    final ClassName self;
    final boolean message;
    final TypedExpr tag;
    final String via;
    final boolean needsSession;
    final boolean needsFrame;
    final ClassName frameType;
    final List<MemberPlan> plans;
    final Map<String, MemberPlan> byName;
    final List<String> unsupported;
    final CodeBlock support;

    /**
     * {@code a = b = value;} over the given state fields that some code reads (nothing when none
     * does): positions and flags are kept only where an expression, a check or a patch uses them.
     */
    CodeBlock assign(Object value, String... fields) {
        StringBuilder chain = new StringBuilder();
        for (String field : fields) {
            if (ctx.isLive(field)) {
                chain.append(field).append(" = ");
            }
        }
        return chain.length() == 0 ? CodeBlock.of("") : CodeBlock.builder().addStatement("$L$L", chain, value).build();
    }

    EncoderPart(EncoderLayout ctx) {
        this.ctx = ctx;
        this.model = ctx.model;
        this.names = ctx.names;
        this.planner = ctx.planner;
        this.translator = ctx.translator;
        this.ownerName = ctx.ownerName;
        this.doc = ctx.doc;
        this.parameters = ctx.parameters;
        this.layout = ctx.layout;
        this.self = ctx.self;
        this.message = ctx.message;
        this.tag = ctx.tag;
        this.via = ctx.via;
        this.needsSession = ctx.needsSession;
        this.needsFrame = ctx.needsFrame;
        this.frameType = ctx.frameType;
        this.plans = ctx.plans;
        this.byName = ctx.byName;
        this.unsupported = ctx.unsupported;
        this.support = ctx.support;
    }
}
