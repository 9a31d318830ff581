package io.sqlxwire.idl.model;

import java.math.BigInteger;
import java.util.List;

/** An open enum (unknown values survive a round trip) or a flag set; constants in declaration order. */
public record EnumModel(String name, String doc, WireType.Int base, boolean flags, List<Constant> constants) {

    public EnumModel {
        constants = List.copyOf(constants);
    }

    public record Constant(String name, String doc, BigInteger value) {}
}
