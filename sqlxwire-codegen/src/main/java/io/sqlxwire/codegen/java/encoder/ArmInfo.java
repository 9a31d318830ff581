package io.sqlxwire.codegen.java.encoder;

import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;

/** The union arm a setter writes: the union, the arm, and its index in {@code union.allArms()}. */
record ArmInfo(WireType.Union union, UnionArm arm, int index) {}
