package io.sqlxwire.codegen.java;

import com.palantir.javapoet.JavaFile;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Compiles a dialect's encoders once and drives them by reflection; reads capture streams. */
final class EncoderHarness {

    final ProtocolModel model;
    final ClassLoader loader;

    EncoderHarness(String dialect) {
        model = EncoderGenerationTest.model(EncoderGenerationTest.DIALECTS.resolve(dialect));
        List<JavaFile> files = new ArrayList<>(EncoderGenerationTest.generate(model));
        files.addAll(EncoderStandIns.forModel(model));
        loader = InMemoryCompiler.compile(files);
    }

    Object make(String simpleName, Object... args) {
        try {
            Class<?> type = loader.loadClass(model.javaPackage() + "." + simpleName);
            for (var c : type.getConstructors()) {
                if (c.getParameterCount() == args.length) {
                    return c.newInstance(args);
                }
            }
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getField(field);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls the public method {@code name} whose parameters accept {@code args}; rethrows what it throws. */
    static Object call(Object target, String name, Object... args) {
        for (Method m : target.getClass().getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != args.length) {
                continue;
            }
            Object[] converted = convert(m.getParameterTypes(), args);
            if (converted == null) {
                continue;
            }
            try {
                return m.invoke(target, converted);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new AssertionError(e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no method " + name + "/" + args.length + " on " + target.getClass().getSimpleName());
    }

    private static Object[] convert(Class<?>[] types, Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Class<?> t = types[i];
            Object a = args[i];
            if (t == int.class && a instanceof Integer || t == long.class && a instanceof Long
                    || t == boolean.class && a instanceof Boolean || !t.isPrimitive() && (a == null || t.isInstance(a))) {
                out[i] = a;
            } else if (t == long.class && a instanceof Integer n) {
                out[i] = n.longValue();
            } else if (t == int.class && a instanceof Character c) {
                out[i] = (int) c;
            } else {
                return null;
            }
        }
        return out;
    }

    /** Encodes one framed message: {@code frame.wrap(out)}, header setters, {@code body()}, {@code body}, finish both. */
    static byte[] framed(Object frame, java.util.function.Consumer<WireWriter> header, java.util.function.Consumer<WireWriter> body) {
        WireWriter out = WireWriter.growable();
        call(frame, "wrap", out);
        header.accept(out);
        call(frame, "body");
        body.accept(out);
        call(frame, "finish");
        return out.toByteArray();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** The client and server byte streams of a {@code .conv} capture (lines {@code C <hex>} / {@code S <hex>}). */
    static byte[][] streams(Path conv) throws IOException {
        java.io.ByteArrayOutputStream client = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream server = new java.io.ByteArrayOutputStream();
        for (String line : Files.readAllLines(conv)) {
            if (line.startsWith("C ")) {
                client.writeBytes(hex(line.substring(2).strip()));
            } else if (line.startsWith("S ")) {
                server.writeBytes(hex(line.substring(2).strip()));
            }
        }
        return new byte[][] {client.toByteArray(), server.toByteArray()};
    }

    /** PostgreSQL frames of a stream: optionally one untagged startup frame, then tagged frames. */
    static List<byte[]> pgFrames(byte[] stream, boolean startupFirst) {
        List<byte[]> frames = new ArrayList<>();
        int i = 0;
        if (startupFirst) {
            int n = u32(stream, 0);
            frames.add(java.util.Arrays.copyOfRange(stream, 0, n));
            i = n;
        }
        while (i + 5 <= stream.length) {
            int n = u32(stream, i + 1);
            frames.add(java.util.Arrays.copyOfRange(stream, i, i + 1 + n));
            i += 1 + n;
        }
        return frames;
    }

    /** MySQL packets of a stream (3-byte little-endian length, sequence id, payload). */
    static List<byte[]> mysqlPackets(byte[] stream) {
        List<byte[]> packets = new ArrayList<>();
        int i = 0;
        while (i + 4 <= stream.length) {
            int n = (stream[i] & 0xFF) | (stream[i + 1] & 0xFF) << 8 | (stream[i + 2] & 0xFF) << 16;
            packets.add(java.util.Arrays.copyOfRange(stream, i, i + 4 + n));
            i += 4 + n;
        }
        return packets;
    }

    /** The first frame starting with {@code tag}, the {@code nth} (0-based) when several. */
    static byte[] pgFrame(List<byte[]> frames, char tag, int nth) {
        int seen = 0;
        for (byte[] f : frames) {
            if (f[0] == tag && seen++ == nth) {
                return f;
            }
        }
        throw new AssertionError("no frame " + tag + " #" + nth);
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
