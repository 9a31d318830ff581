package io.sqlxwire.codegen.interp;

import io.sqlxwire.runtime.error.CodecException;

/**
 * A read reached the end of the bytes received so far while the stream may still bring more: a
 * self-delimited frame (RESP) is not complete yet. Only raised inside an {@linkplain Region#open()
 * open} region, so a frame splitter can tell "wait" from "malformed".
 */
final class NeedMoreBytes extends CodecException {

    NeedMoreBytes(long offset) {
        super("input ends before the frame does", offset);
    }
}
