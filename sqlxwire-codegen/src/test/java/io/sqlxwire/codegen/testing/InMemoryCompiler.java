package io.sqlxwire.codegen.testing;

import com.palantir.javapoet.JavaFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in-process (javax.tools) against the test class path, which holds the
 * runtime, and loads them. Any compiler warning fails the compilation: generated code must compile
 * without warnings under {@code -Xlint:all}.
 */
public final class InMemoryCompiler {

    private InMemoryCompiler() {}

    /** Compiles and returns a class loader that sees the compiled classes (and the test class path). */
    public static ClassLoader compile(List<JavaFile> files) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<JavaFileObject> sources = new ArrayList<>();
        for (JavaFile file : files) {
            sources.add(file.toJavaFileObject());
        }
        List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror",
                "-classpath", System.getProperty("java.class.path"));
        StringWriter out = new StringWriter();
        boolean ok = compiler.getTask(out, manager, diagnostics, options, null, sources).call();
        if (!ok) {
            throw new AssertionError("generated code does not compile cleanly:\n" + describe(diagnostics) + out);
        }
        try {
            manager.close();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] code = bytes.toByteArray();
                return defineClass(name, code, 0, code.length);
            }
        };
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber()
                        + ": " + d.getMessage(Locale.ROOT) + (d.getKind() == Diagnostic.Kind.ERROR ? "" : ""))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
