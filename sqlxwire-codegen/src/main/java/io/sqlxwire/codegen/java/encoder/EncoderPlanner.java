package io.sqlxwire.codegen.java.encoder;

import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.Layout;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Protocol-wide facts encoders need about each other: which layouts read the session (their
 * encoders take it and hand it to nested encoders), and which hold a checksum over the frame
 * header (their encoders take the frame encoder).
 */
public final class EncoderPlanner {

    private final ProtocolModel model;

    public EncoderPlanner(ProtocolModel model) {
        this.model = model;
    }

    public boolean needsSession(Layout layout) {
        return reaches(layout, new HashSet<>(), true);
    }

    public boolean needsFrame(Layout layout) {
        return reaches(layout, new HashSet<>(), false);
    }

    /** The framing whose encoder a frame checksum patches: the message's own, else the only framing with a header. */
    public Optional<FramingModel> checksumFraming(String via) {
        if (via != null) {
            return model.framing(via);
        }
        List<FramingModel> withHeader = model.framings().stream().filter(EncoderPlanner::hasHeader).toList();
        return withHeader.size() == 1 ? Optional.of(withHeader.get(0)) : Optional.empty();
    }

    public static boolean hasHeader(FramingModel framing) {
        return framing.bodySize() != null && !framing.header().members().isEmpty();
    }

    private boolean reaches(Layout layout, Set<String> seen, boolean session) {
        for (Member member : layout.members()) {
            if (member instanceof io.sqlxwire.idl.model.Let let) {
                if (session && ExpressionTranslator.readsSession(let.value())) {
                    return true;
                }
                continue;
            }
            Field field = (Field) member;
            if (session) {
                for (TypedExpr e : expressions(field)) {
                    if (ExpressionTranslator.readsSession(e)) {
                        return true;
                    }
                }
            } else if (field.value() instanceof FieldValue.Checksum c && c.fromFrame()) {
                return true;
            }
            for (String struct : structsIn(field.type())) {
                if (seen.add(struct)) {
                    StructModel s = model.struct(struct).orElse(null);
                    if (s != null && reaches(s.layout(), seen, session)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every expression a field's encoding may evaluate. */
    static List<TypedExpr> expressions(Field field) {
        List<TypedExpr> all = new ArrayList<>();
        all.add(field.condition());
        all.add(field.regionSize());
        all.add(field.position());
        collect(field.type(), all);
        all.removeIf(java.util.Objects::isNull);
        return all;
    }

    private static void collect(WireType type, List<TypedExpr> all) {
        if (type instanceof WireType.Bytes b) {
            extent(b.extent(), all);
        } else if (type instanceof WireType.Text t) {
            extent(t.extent(), all);
        } else if (type instanceof WireType.Padding p) {
            extent(p.extent(), all);
        } else if (type instanceof WireType.Bitmap b) {
            all.add(b.bits());
        } else if (type instanceof WireType.StructRef s) {
            all.addAll(s.arguments());
        } else if (type instanceof WireType.Array a) {
            extent(a.count(), all);
            collect(a.element(), all);
        } else if (type instanceof WireType.Union u) {
            all.add(u.subject());
            for (UnionArm arm : u.allArms()) {
                all.add(arm.guard());
                collect(arm.type(), all);
            }
        }
    }

    private static void extent(Extent extent, List<TypedExpr> all) {
        if (extent instanceof Extent.Computed c) {
            all.add(c.value());
        }
    }

    /** Struct names a type refers to (through arrays and union arms). */
    public static List<String> structsIn(WireType type) {
        List<String> out = new ArrayList<>();
        if (type instanceof WireType.StructRef s) {
            out.add(s.name());
        } else if (type instanceof WireType.Array a) {
            out.addAll(structsIn(a.element()));
        } else if (type instanceof WireType.Union u) {
            for (UnionArm arm : u.allArms()) {
                out.addAll(structsIn(arm.type()));
            }
        }
        return out;
    }
}
