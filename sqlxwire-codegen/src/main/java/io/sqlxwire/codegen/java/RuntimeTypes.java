package io.sqlxwire.codegen.java;

import com.palantir.javapoet.ClassName;

/** The runtime classes generated code refers to, named once. */
public final class RuntimeTypes {

    private static final String ROOT = "io.sqlxwire.runtime";

    public static final ClassName WIRE_BUFFER = ClassName.get(ROOT + ".buffer", "WireBuffer");
    public static final ClassName WIRE_WRITER = ClassName.get(ROOT + ".buffer", "WireWriter");
    public static final ClassName BYTE_VIEW = ClassName.get(ROOT + ".buffer", "ByteView");
    public static final ClassName REGION_CHECKS = ClassName.get(ROOT + ".buffer", "RegionChecks");
    public static final ClassName RECORDED_ELEMENTS = ClassName.get(ROOT + ".cursor", "RecordedElements");
    public static final ClassName KEPT_DECODERS = ClassName.get(ROOT + ".cursor", "KeptDecoders");
    public static final ClassName TEXT_VIEW = ClassName.get(ROOT + ".buffer", "TextView");
    public static final ClassName CODEC_EXCEPTION = ClassName.get(ROOT + ".error", "CodecException");
    public static final ClassName PROTOCOL_STATE_EXCEPTION = ClassName.get(ROOT + ".error", "ProtocolStateException");
    public static final ClassName LIMITS = ClassName.get(ROOT, "Limits");
    public static final ClassName DIRECTION = ClassName.get(ROOT, "Direction");
    public static final ClassName LENGTH_ENCODED_INT = ClassName.get(ROOT + ".codec", "LengthEncodedInt");
    public static final ClassName TERMINATORS = ClassName.get(ROOT + ".codec", "Terminators");
    public static final ClassName ASCII_DECIMAL = ClassName.get(ROOT + ".codec", "AsciiDecimal");
    public static final ClassName CHARSETS = ClassName.get(ROOT + ".codec", "Charsets");
    public static final ClassName CHECKSUMS = ClassName.get(ROOT + ".codec", "Checksums");
    public static final ClassName BITMAP = ClassName.get(ROOT + ".codec", "Bitmap");
    public static final ClassName FRAME_HEADER_READER = ClassName.get(ROOT + ".frame", "FrameHeaderReader");
    public static final ClassName FRAME_SCAN = ClassName.get(ROOT + ".frame", "FrameScan");
    public static final ClassName FRAME_ACCUMULATOR = ClassName.get(ROOT + ".frame", "FrameAccumulator");
    public static final ClassName STATE_MACHINE = ClassName.get(ROOT + ".machine", "StateMachine");
    public static final ClassName TRANSITION_TABLE = ClassName.get(ROOT + ".machine", "TransitionTable");
    public static final ClassName WIRE_OBSERVER = ClassName.get(ROOT + ".observe", "WireObserver");

    private RuntimeTypes() {}
}
