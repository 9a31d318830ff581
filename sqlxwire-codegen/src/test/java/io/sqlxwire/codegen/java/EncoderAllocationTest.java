package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.buffer.WireWriter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * A reused encoder writing into a reused writer allocates nothing: a driver compiled with the
 * generated PostgreSQL encoders encodes framed Query, RowDescription and DataRow messages in a
 * loop and reports the bytes its thread allocated (no reflection in the measured loop).
 */
class EncoderAllocationTest {

    @Test
    void encodingAllocatesNothing() throws ReflectiveOperationException {
        ProtocolModel model = EncoderGenerationTest.model(EncoderGenerationTest.DIALECTS.resolve("postgresql.wire"));
        List<JavaFile> files = new ArrayList<>(EncoderGenerationTest.generate(model));
        files.addAll(EncoderStandIns.forModel(model));
        files.add(JavaFile.builder(model.javaPackage(), driver(model.javaPackage())).build());
        ClassLoader loader = InMemoryCompiler.compile(files);
        Class<?> driver = loader.loadClass(model.javaPackage() + ".AllocationDriver");
        driver.getMethod("allocated", int.class).invoke(null, 20_000); // warm up, create nested encoders
        long allocated = (long) driver.getMethod("allocated", int.class).invoke(null, 100_000);
        assertTrue(allocated >= 0, "thread allocation measurement is unavailable");
        assertTrue(allocated < 100_000, "allocated " + allocated + " bytes for 100000 rounds");
    }

    private static TypeSpec driver(String pkg) {
        ClassName frame = ClassName.get(pkg, "PgTaggedFrameEncoder");
        ClassName query = ClassName.get(pkg, "PgQueryEncoder");
        ClassName rows = ClassName.get(pkg, "PgRowDescriptionEncoder");
        ClassName data = ClassName.get(pkg, "PgDataRowEncoder");
        ClassName mx = ClassName.get("com.sun.management", "ThreadMXBean");
        ClassName factory = ClassName.get("java.lang.management", "ManagementFactory");
        MethodSpec allocated = MethodSpec.methodBuilder("allocated").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(TypeName.LONG).addParameter(TypeName.INT, "rounds")
                .addStatement("$T f = new $T()", frame, frame)
                .addStatement("$T q = new $T()", query, query)
                .addStatement("$T r = new $T()", rows, rows)
                .addStatement("$T d = new $T()", data, data)
                .addStatement("byte[] target = new byte[4096]")
                .addStatement("byte[] one = {'1'}")
                .addStatement("$T out = $T.into(target, 0, target.length)", WireWriter.class, WireWriter.class)
                .addStatement("$T mx = ($T) $T.getThreadMXBean()", mx, mx, factory)
                .addStatement("long id = Thread.currentThread().getId()")
                .addStatement("long before = mx.getThreadAllocatedBytes(id)")
                .beginControlFlow("for (int i = 0; i < rounds; i++)")
                .addStatement("out.reset()")
                .addStatement("f.wrap(out).tag($T.TAG).body()", query)
                .addStatement("q.wrap(out).sql(\"select id, name from t\").finish()")
                .addStatement("f.finish()")
                .addStatement("f.wrap(out).tag($T.TAG).body()", rows)
                .addStatement("r.wrap(out)")
                .addStatement("r.fieldsAdd().name(\"id\").tableOid(0L).columnAttribute(0).typeOid(23L).typeSize(4).typeModifier(-1).format(0)")
                .addStatement("r.fieldsAdd().name(\"name\").tableOid(0L).columnAttribute(0).typeOid(25L).typeSize(-1).typeModifier(-1).format(0)")
                .addStatement("r.finish()")
                .addStatement("f.finish()")
                .addStatement("f.wrap(out).tag($T.TAG).body()", data)
                .addStatement("d.wrap(out).columnsAdd(one).columnsAddNull().finish()")
                .addStatement("f.finish()")
                .endControlFlow()
                .addStatement("return mx.getThreadAllocatedBytes(id) - before")
                .build();
        return TypeSpec.classBuilder("AllocationDriver").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(allocated).build();
    }
}
