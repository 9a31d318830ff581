package io.sqlxwire.idl;

import io.sqlxwire.idl.check.Checker;
import java.nio.file.Path;
import java.util.Map;

/**
 * The front door of the IDL: a {@code .wire} file in, a checked model or diagnostics out.
 *
 * <pre>{@code
 * CheckResult result = WireCompiler.checkFile(Path.of("postgresql.wire"));
 * if (result.hasErrors()) System.err.println(result.render());
 * else generate(result.modelOrThrow());
 * }</pre>
 */
public final class WireCompiler {

    private WireCompiler() {}

    public static CheckResult checkFile(Path file) {
        return check(file.toString(), SourceLoader.fileSystem());
    }

    /** Checks one in-memory source; imports are looked up in {@code others} (path to text). */
    public static CheckResult checkSource(String path, String text, Map<String, String> others) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(others);
        all.put(path, text);
        return check(path, SourceLoader.inMemory(all));
    }

    public static CheckResult checkSource(String path, String text) {
        return checkSource(path, text, Map.of());
    }

    public static CheckResult check(String path, SourceLoader loader) {
        return new Checker(loader).check(path);
    }
}
