package io.sqlxwire.codegen.java.arbitrary;

import io.sqlxwire.idl.model.Extent;
import io.sqlxwire.idl.model.TypedExpr;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.List;

/** The size and count expressions a type reads (computed extents, bitmap widths). */
final class Extents {

    private Extents() {}

    static List<TypedExpr> sizes(WireType type) {
        List<TypedExpr> out = new ArrayList<>();
        collect(type, out);
        return out;
    }

    private static void collect(WireType type, List<TypedExpr> out) {
        if (type instanceof WireType.Bytes b) {
            add(b.extent(), out);
        } else if (type instanceof WireType.Text t) {
            add(t.extent(), out);
        } else if (type instanceof WireType.Bitmap bitmap) {
            out.add(bitmap.bits());
        } else if (type instanceof WireType.Array array) {
            add(array.count(), out);
            collect(array.element(), out);
        }
    }

    private static void add(Extent extent, List<TypedExpr> out) {
        if (extent instanceof Extent.Computed computed) {
            out.add(computed.value());
        }
    }
}
