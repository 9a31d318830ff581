package io.sqlxwire.idl.ast;

import io.sqlxwire.idl.diag.SourceSpan;
import java.util.List;

/** One statement of a {@code framing} block. */
public sealed interface FramingItem {

    SourceSpan span();

    /** {@code header { tag: u8; length: u32; }}: the fields in front of every frame body. */
    record Header(List<Member> members, SourceSpan span) implements FramingItem {
        public Header {
            members = List.copyOf(members);
        }
    }

    /** {@code tag tag;}: the header field whose value selects the message. */
    record Tag(Name field, SourceSpan span) implements FramingItem {}

    /** {@code body length - 4;}: the body size in bytes, from header fields. */
    record Body(Expr size, SourceSpan span) implements FramingItem {}

    /** {@code delimited RespValue;}: no header; a frame ends where a value of this type ends. */
    record Delimited(TypeRef type, SourceSpan span) implements FramingItem {}

    /** {@code max 1 << 30;}: the largest body accepted, in bytes. */
    record Max(Expr bytes, SourceSpan span) implements FramingItem {}

    /** {@code continued if payload_length == 0xFFFFFF;}: the body goes on in the next frame. */
    record Continued(Expr condition, SourceSpan span) implements FramingItem {}

    /** {@code sequence sequence_id;}: a header field that counts frames. */
    record Sequence(Name field, SourceSpan span) implements FramingItem {}

    /** {@code transform zlib;}: a hand-written transform applied to whole bodies (compression). */
    record Transform(Name transform, SourceSpan span) implements FramingItem {}
}
