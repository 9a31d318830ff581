package io.sqlxwire.codegen.java.encoder;

import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.idl.model.Field;
import io.sqlxwire.idl.model.FieldRole;
import io.sqlxwire.idl.model.FieldValue;
import io.sqlxwire.idl.model.Let;
import io.sqlxwire.idl.model.Member;
import io.sqlxwire.idl.model.WireType;

/**
 * How an encoder treats one member of a layout: something the user sets (and how), or something
 * the encoder writes itself (constant, padding, checksum, derived length/count/offset, part of a
 * joined let), or nothing on the wire (a computed let).
 */
final class MemberPlan {

    enum Kind {
        /** A number, enum, flags, lenenc or ascii_int value the user sets. */
        SCALAR,
        /** Bytes or text the user sets. */
        BYTES,
        BITMAP,
        STRUCT,
        ARRAY,
        UNION,
        /** A join let: the user sets it, its parts are derived. */
        JOIN_LET,
        /** A computed let: nothing to write. */
        LET,
        CONSTANT,
        PADDING,
        CHECKSUM,
        /** A length, count or offset derived from another member. */
        DERIVED,
        /** A part of a joined let. */
        PART
    }

    final int index;
    final Member member;
    final Field field;
    final Kind kind;
    /** Base of the encoder's state field names: {@code fieldCount} gives {@code fieldCountStart}, ... */
    final String base;
    /** The public setter name (user-set members only). */
    final String setter;
    /** Why the encoder cannot write this member, or {@code null}. */
    String unsupported;

    MemberPlan(int index, Member member) {
        this.index = index;
        this.member = member;
        this.field = member instanceof Field f ? f : null;
        this.kind = kindOf(member);
        String name = member.name();
        this.base = name.equals("_") ? "reserved" + index : stripEscape(Naming.member(name));
        this.setter = name.equals("_") ? null : Naming.member(name);
    }

    private static String stripEscape(String javaName) {
        return javaName.endsWith("_") ? javaName.substring(0, javaName.length() - 1) + "Field" : javaName;
    }

    private static Kind kindOf(Member member) {
        if (member instanceof Let let) {
            return let.isJoin() ? Kind.JOIN_LET : Kind.LET;
        }
        Field field = (Field) member;
        if (field.value() instanceof FieldValue.Checksum) {
            return Kind.CHECKSUM;
        }
        if (field.value() instanceof FieldValue.Constant) {
            return Kind.CONSTANT;
        }
        FieldRole role = field.role();
        if (role instanceof FieldRole.Padding || field.type() instanceof WireType.Padding) {
            return Kind.PADDING;
        }
        if (role instanceof FieldRole.LengthOf || role instanceof FieldRole.CountOf || role instanceof FieldRole.OffsetOf) {
            return Kind.DERIVED;
        }
        if (role instanceof FieldRole.PartOf) {
            return Kind.PART;
        }
        WireType type = field.type();
        if (type instanceof WireType.StructRef) {
            return Kind.STRUCT;
        }
        if (type instanceof WireType.Array) {
            return Kind.ARRAY;
        }
        if (type instanceof WireType.Union) {
            return Kind.UNION;
        }
        if (type instanceof WireType.Bitmap) {
            return Kind.BITMAP;
        }
        if (EncoderValueTypes.isByteLike(type)) {
            return Kind.BYTES;
        }
        return Kind.SCALAR;
    }

    boolean isUserSet() {
        return switch (kind) {
            case SCALAR, BYTES, BITMAP, STRUCT, ARRAY, UNION, JOIN_LET -> true;
            default -> false;
        };
    }

    boolean isField() {
        return field != null;
    }

    boolean isOptional() {
        return field != null && field.isOptional();
    }

    /** Whether the encoder keeps this member's numeric value for later expressions. */
    boolean keepsValue() {
        return kind == Kind.JOIN_LET || field != null && EncoderValueTypes.isIntegral(field.type());
    }

    String idlName() {
        return member.name();
    }

    /** The name used in error messages: the setter, or the IDL name for members the encoder fills. */
    String displayName() {
        return setter != null ? setter : "_";
    }
}
