package io.sqlxwire.codegen.java.decoder;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.Parameter;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * What the parts of one decoder share: the layout, the class being built and its owner host,
 * which region checks, byte constants and checksum engines the class needs, and the parts.
 */
final class DecoderLayout {

    final GenerationContext context;
    final String idlName;
    final String doc;
    final Layout layout;
    final List<Parameter> parameters;
    final boolean recursive;
    final boolean needsSession;
    final ClassName self;
    final TypeSpec.Builder type;
    final DecoderHost ownerHost;
    /** The {@code RegionChecks} methods the class calls (statically imported). */
    final TreeSet<String> helpers = new TreeSet<>();
    final StorageNames storage;
    final Map<String, byte[]> byteConstants = new TreeMap<>();
    boolean usesChecksums;
    /** Whether the layout reaches a checksum over the whole frame, so the decoder keeps the frame. */
    final boolean coversFrame;
    /** Fields whose size an expression asks for ({@code sizeof}): their start and end are kept. */
    final Set<String> sizedFields = new HashSet<>();
    /** Fields a checksum's range starts at: their start is kept. */
    final Set<String> checksumStarts = new HashSet<>();
    /** Anonymous fields numbered so far (their slots are {@code reserved<n>}). */
    int anonymous;

    final DecoderWrapMethods decoderWrapMethods;
    final FieldReaders fieldReaders;
    final ByteLikeReaders byteLikeReaders;
    final StructAndUnionReaders structAndUnionReaders;
    final ArrayReaders arrayReaders;
    final ValueChecks valueChecks;

    DecoderLayout(GenerationContext context, String idlName, String doc, Layout layout, List<Parameter> parameters,
                  boolean recursive, boolean needsSession) {
        this.context = context;
        this.idlName = idlName;
        this.doc = doc;
        this.layout = layout;
        this.parameters = parameters;
        this.recursive = recursive;
        this.needsSession = needsSession;
        this.self = JavaValueTypes.decoderClass(context, idlName);
        this.type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        this.storage = new StorageNames(memberNames(layout, parameters));
        this.coversFrame = DecoderBuilder.coversFrame(context, layout, new java.util.TreeSet<>());
        this.ownerHost = new DecoderHost(type, new ExpressionWriter("this", names()), "this");
        this.decoderWrapMethods = new DecoderWrapMethods(this);
        this.fieldReaders = new FieldReaders(this);
        this.byteLikeReaders = new ByteLikeReaders(this);
        this.structAndUnionReaders = new StructAndUnionReaders(this);
        this.arrayReaders = new ArrayReaders(this);
        this.valueChecks = new ValueChecks(this);
        LayoutWalker.forEachExpression(layout, expr -> {
            if (expr instanceof TypedExpr.SizeOf size) {
                sizedFields.add(size.field().get(0));
            }
        });
        for (Field field : layout.fields()) {
            if (field.value() instanceof FieldValue.Checksum checksum && checksum.fromField() != null) {
                checksumStarts.add(checksum.fromField());
            }
        }
    }

    /** The names a decoder's own fields take before any derived storage is named. */
    private static Set<String> memberNames(Layout layout, List<Parameter> parameters) {
        Set<String> names = new HashSet<>(DecoderNames.OWN_FIELDS);
        int anonymous = 0;
        for (Member member : layout.members()) {
            if (member instanceof Field field) {
                names.add(field.isAnonymous() ? FieldReaders.anonymousSlot(++anonymous) : DecoderNames.slot(field.name()));
            } else {
                names.add(DecoderNames.slot(((Let) member).name()));
            }
        }
        for (Parameter parameter : parameters) {
            names.add(DecoderNames.parameter(parameter.name()));
        }
        return names;
    }

    ExpressionWriter.Names names() {
        return new ExpressionWriter.Names() {
            @Override
            public WireType typeOf(List<String> path) {
                return fieldType(layout, parameters, path);
            }

            @Override
            public String byteConstant(String slot, String what, byte[] bytes) {
                return byteLikeReaders.byteConstant(slot, what, bytes);
            }

            @Override
            public String stored(String slot, StorageNames.Kind kind) {
                return storage.of(slot, kind);
            }
        };
    }

    private WireType fieldType(Layout in, List<Parameter> params, List<String> path) {
        WireType found = null;
        for (Parameter p : params) {
            if (p.name().equals(path.get(0))) {
                found = p.type();
            }
        }
        java.util.Optional<Field> field = in.field(path.get(0));
        if (field.isPresent()) {
            found = field.get().type();
        }
        if (path.size() == 1 || !(found instanceof WireType.StructRef s)) {
            return path.size() == 1 ? found : null;
        }
        StructModel struct = context.model().struct(s.name()).orElseThrow();
        return fieldType(struct.layout(), struct.parameters(), path.subList(1, path.size()));
    }
}
