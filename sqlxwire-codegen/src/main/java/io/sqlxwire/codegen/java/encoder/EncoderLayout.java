package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.TypedExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parts of one layout encoder share: the layout and its member plans, the encoder's
 * names and arguments, which runtime helpers the generated class needs, and the parts themselves
 * (each generates one concern and reaches the others through here).
 */
final class EncoderLayout {

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
    final List<MemberPlan> plans = new ArrayList<>();
    final Map<String, MemberPlan> byName = new LinkedHashMap<>();
    final List<String> unsupported = new ArrayList<>();
    final CodeBlock support;
    /**
     * State fields ({@code xxxStart}, {@code xxxEnd}, {@code xxxPresent}, {@code xxxText},
     * {@code xxxValue}) that no generated code reads: neither declared nor assigned.
     */
    final Set<String> deadFields;

    /** Fields the generated class needs, set while its code is generated. */
    boolean usesCrc32;
    boolean usesCrc32c;
    boolean usesView;
    boolean usesShift;

    final UnsupportedMembers unsupportedMembers;
    final EncoderScopes encoderScopes;
    final ByteConstants byteConstants;
    final EncoderStateFields encoderStateFields;
    final WrapAndFinish wrapAndFinish;
    final EncoderCursor encoderCursor;
    final MemberConditions memberConditions;
    final BackPatching backPatching;
    final OwnedMemberWriters ownedMemberWriters;
    final ValueWriters valueWriters;
    final ValueSetters valueSetters;
    final StructAndArraySetters structAndArraySetters;
    final UnionSetters unionSetters;

    EncoderLayout(ProtocolModel model, EncoderNames names, EncoderPlanner planner, String ownerName, String doc,
                  List<Parameter> parameters, Layout layout, boolean message, TypedExpr tag, String via,
                  Set<String> deadFields) {
        this.deadFields = Set.copyOf(deadFields);
        this.model = model;
        this.names = names;
        this.planner = planner;
        this.translator = new ExpressionTranslator(model, names);
        this.ownerName = ownerName;
        this.doc = doc;
        this.parameters = parameters;
        this.layout = layout;
        this.self = names.encoder(ownerName);
        this.message = message;
        this.tag = tag;
        this.via = via;
        this.needsSession = planner.needsSession(layout);
        this.needsFrame = planner.needsFrame(layout);
        this.frameType = needsFrame ? planner.checksumFraming(via).map(f -> names.frameEncoder(f.name())).orElse(null) : null;
        this.support = CodeBlock.of("$T", names.support());
        for (int i = 0; i < layout.members().size(); i++) {
            MemberPlan plan = new MemberPlan(i, layout.members().get(i));
            plans.add(plan);
            byName.put(plan.idlName(), plan);
        }
        this.unsupportedMembers = new UnsupportedMembers(this);
        this.encoderScopes = new EncoderScopes(this);
        this.byteConstants = new ByteConstants(this);
        this.encoderStateFields = new EncoderStateFields(this);
        this.wrapAndFinish = new WrapAndFinish(this);
        this.encoderCursor = new EncoderCursor(this);
        this.memberConditions = new MemberConditions(this);
        this.backPatching = new BackPatching(this);
        this.ownedMemberWriters = new OwnedMemberWriters(this);
        this.valueWriters = new ValueWriters(this);
        this.valueSetters = new ValueSetters(this);
        this.structAndArraySetters = new StructAndArraySetters(this);
        this.unionSetters = new UnionSetters(this);
        unsupportedMembers.markUnsupported();
    }

    /** The same encoder generated again without the given unread state fields. */
    EncoderLayout withoutFields(Set<String> dead) {
        return new EncoderLayout(model, names, planner, ownerName, doc, parameters, layout, message, tag, via, dead);
    }

    /** Whether any member hands out a nested encoder (else {@code childOpen} is never set). */
    boolean hasChildren() {
        return plans.stream().anyMatch(p -> !encoderStateFields.children(p).isEmpty());
    }

    boolean isLive(String field) {
        return !deadFields.contains(field);
    }
}
