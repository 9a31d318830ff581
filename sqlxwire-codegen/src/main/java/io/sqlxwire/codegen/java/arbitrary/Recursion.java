package io.sqlxwire.codegen.java.arbitrary;

import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;

/** Whether a value of a type contains a recursive struct, so choosing it nests one level deeper. */
final class Recursion {

    private Recursion() {}

    static boolean nests(GenerationContext context, WireType type) {
        if (type instanceof WireType.StructRef ref) {
            StructModel struct = context.model().struct(ref.name()).orElseThrow();
            return struct.recursive();
        }
        if (type instanceof WireType.Array array) {
            return nests(context, array.element());
        }
        if (type instanceof WireType.Union union) {
            for (UnionArm arm : union.allArms()) {
                if (nests(context, arm.type())) {
                    return true;
                }
            }
        }
        return false;
    }
}
