package io.sqlxwire.codegen.java.record;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.codegen.java.decoder.UnionArms;
import io.sqlxwire.codegen.java.values.JavaValueTypes;
import io.sqlxwire.codegen.java.values.TransformNames;
import io.sqlxwire.idl.model.UnionArm;
import io.sqlxwire.idl.model.WireType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Statements that materialise record values from a decoder's accessors (the decoder API of
 * DecoderGenerator): {@code E.of(d.code())}, {@code d.nameAsString()}, a loop over a cursor.
 */
final class FromDecoder {

    private final GenerationContext context;
    private final String owner;
    private int locals;

    FromDecoder(GenerationContext context, String ownerIdlName) {
        this.context = context;
        this.owner = ownerIdlName;
    }

    /**
     * Adds to {@code code} what is needed and returns the expression of the value read by
     * {@code accessor} of {@code decoder}.
     */
    CodeBlock value(WireType type, String decoder, String accessor, String idlField, CodeBlock.Builder code) {
        if (type instanceof WireType.Int || type instanceof WireType.AsciiInt) {
            return CodeBlock.of("$L.$L()", decoder, accessor);
        }
        if (type instanceof WireType.LenEnc) {
            return CodeBlock.of("$L.is$LNull() ? null : $T.valueOf($L.$L())", decoder, capitalize(accessor), Long.class,
                    decoder, accessor);
        }
        if (type instanceof WireType.EnumRef e) {
            return CodeBlock.of("$T.of($L.$L())", JavaValueTypes.enumClass(context, e.name()), decoder, accessor);
        }
        if (type instanceof WireType.FlagsRef f) {
            return CodeBlock.of("new $T($L.$L())", JavaValueTypes.enumClass(context, f.name()), decoder, accessor);
        }
        if (type instanceof WireType.Text || type instanceof WireType.Bytes) {
            CodeBlock plain = type instanceof WireType.Text
                    ? CodeBlock.of("$L.$LAsString()", decoder, accessor)
                    : CodeBlock.of("$L.$L().toByteArray()", decoder, accessor);
            return JavaValueTypes.isNullable(type)
                    ? CodeBlock.of("$L.is$LNull() ? null : $L", decoder, capitalize(accessor), plain) : plain;
        }
        if (type instanceof WireType.Bitmap) {
            String bits = local("bits");
            code.addStatement("$T $L = new $T()", BitSet.class, bits, BitSet.class)
                    .beginControlFlow("for (int i = 0; i < $L.$LBits(); i++)", decoder, accessor)
                    .addStatement("$L.set(i, $L.$L(i))", bits, decoder, accessor)
                    .endControlFlow();
            return CodeBlock.of("$L", bits);
        }
        if (type instanceof WireType.StructRef s) {
            return CodeBlock.of("$T.from($L.$L())", JavaValueTypes.recordClass(context, s.name()), decoder, accessor);
        }
        if (type instanceof WireType.Array a) {
            return array(a, decoder, accessor, code);
        }
        if (type instanceof WireType.Union u) {
            return union(u, decoder, accessor, idlField, code);
        }
        throw new IllegalStateException("no record value for " + type);
    }

    private CodeBlock array(WireType.Array array, String decoder, String accessor, CodeBlock.Builder code) {
        TypeName element = JavaValueTypes.recordType(context, array.element());
        String list = local(accessor);
        String cursor = local("cursor");
        ClassName cursorType = JavaValueTypes.decoderClass(context, owner).nestedClass(capitalize(accessor) + "Cursor");
        code.addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(ClassName.get(List.class), element.box()), list,
                        ArrayList.class)
                .addStatement("$T $L = $L.$L()", cursorType, cursor, decoder, accessor)
                .beginControlFlow("while ($L.hasNext())", cursor);
        WireType type = array.element();
        if (type instanceof WireType.StructRef s) {
            code.addStatement("$L.add($T.from($L.next()))", list, JavaValueTypes.recordClass(context, s.name()), cursor);
        } else if (type instanceof WireType.EnumRef e) {
            code.addStatement("$L.add($T.of($L.next()))", list, JavaValueTypes.enumClass(context, e.name()), cursor);
        } else if (type instanceof WireType.FlagsRef f) {
            code.addStatement("$L.add(new $T($L.next()))", list, JavaValueTypes.enumClass(context, f.name()), cursor);
        } else if (JavaValueTypes.isByteLike(type)) {
            code.addStatement("$L.next()", cursor);
            code.addStatement("$L.add($L)", list, value(type, cursor, "value", accessor, code));
        } else {
            code.addStatement("$L.add($L.next())", list, cursor);
        }
        code.endControlFlow();
        // Not List.copyOf: elements may be NULL (DataRow columns).
        return CodeBlock.of("$T.unmodifiableList($L)", Collections.class, list);
    }

    private CodeBlock union(WireType.Union union, String decoder, String accessor, String idlField, CodeBlock.Builder code) {
        ClassName face = JavaValueTypes.unionInterface(context, owner, idlField);
        String result = local(accessor);
        List<String> names = UnionArms.names(context, union);
        code.addStatement("$T $L", face, result).beginControlFlow("switch ($L.$LArm())", decoder, accessor);
        for (int i = 0; i < union.arms().size(); i++) {
            code.add("case $L:\n", i).indent();
            armValue(union.arms().get(i), names.get(i), face, decoder, accessor, idlField, result, code);
            code.addStatement("break").unindent();
        }
        code.add("default:\n").indent();
        if (union.fallback() != null) {
            armValue(union.fallback(), UnionArms.FALLBACK, face, decoder, accessor, idlField, result, code);
        } else {
            code.addStatement("throw new $T($S)", IllegalStateException.class, "no case was read");
        }
        code.unindent().endControlFlow();
        return CodeBlock.of("$L", result);
    }

    private void armValue(UnionArm arm, String armName, ClassName face, String decoder, String accessor, String idlField,
                          String result, CodeBlock.Builder code) {
        ClassName armClass = face.nestedClass(armName);
        if (arm.type() instanceof WireType.Empty) {
            code.addStatement("$L = new $T()", result, armClass);
        } else {
            CodeBlock.Builder inner = CodeBlock.builder();
            CodeBlock value = value(arm.type(), decoder, accessor + "As" + armName, idlField, inner);
            code.add(inner.build()).addStatement("$L = new $T($L)", result, armClass, value);
        }
    }

    /**
     * The plain value of a field marked {@code transform(name)}: the decoder shows the wire bytes,
     * so they are copied and handed to the installed hand-written transform, which rewrites them
     * in place into their plain form.
     */
    CodeBlock transformed(WireType type, String transform, String decoder, String accessor, CodeBlock.Builder code) {
        String bytes = local(accessor + "Plain");
        if (type instanceof WireType.Text) {
            code.addStatement("byte[] $L = new $T().wrap($L.$L().buffer(), 0, $L.$L().byteLength()).toByteArray()", bytes,
                    RuntimeTypes.BYTE_VIEW, decoder, accessor, decoder, accessor);
        } else {
            code.addStatement("byte[] $L = $L.$L().toByteArray()", bytes, decoder, accessor);
        }
        code.addStatement("$L.$L($L, 0, $L.length)", TransformNames.require(context, transform),
                TransformNames.decodeMethod(transform), bytes, bytes);
        return type instanceof WireType.Text t
                ? CodeBlock.of("new $T($L, $L)", String.class, bytes, JavaValueTypes.charset(t.encoding()))
                : CodeBlock.of("$L", bytes);
    }

    private String local(String base) {
        return Naming.escape(base) + "_" + (++locals);
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
