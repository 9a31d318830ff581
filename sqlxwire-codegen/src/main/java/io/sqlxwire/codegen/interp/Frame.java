package io.sqlxwire.codegen.interp;

import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.runtime.buffer.WireBuffer;

/**
 * One complete frame cut from a stream: its header values and its bytes (header then body; the
 * bodies of continued frames joined). Error offsets inside it are relative to its first byte.
 *
 * @param streamOffset where the frame starts in its direction's stream
 * @param streamLength how many stream bytes it took (all parts of a continued frame)
 */
public record Frame(FramingModel framing, long streamOffset, int streamLength, Value.Obj header,
                    WireBuffer bytes, int bodyOffset, int bodyLength) {

    /** The body as a view whose error offsets count from the frame's first byte. */
    WireBuffer body() {
        return bytes.slice(bodyOffset, bodyLength, new WireBuffer());
    }
}
