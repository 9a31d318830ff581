package io.sqlxwire.codegen.java.encoder;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the optional state fields of a generated encoder that no code reads: every occurrence
 * of the name in its methods is the target of a plain assignment ({@code x = ...}, also
 * {@code this.x = ...} and chains {@code a = x = ...}). Anything else ({@code x++}, {@code x += n},
 * a comparison, an argument) counts as a read, so the answer errs on the side of keeping a field.
 */
final class DeadStateFields {

    private DeadStateFields() {
    }

    static Set<String> unread(TypeSpec type, List<String> candidates) {
        String code = methodsOf(type);
        Set<String> dead = new LinkedHashSet<>();
        for (String name : candidates) {
            if (!isRead(code, name)) {
                dead.add(name);
            }
        }
        return dead;
    }

    /** Fails when the regenerated class still mentions a field it no longer declares (a generator bug). */
    static void requireAbsent(TypeSpec type, Set<String> dead) {
        String code = methodsOf(type);
        for (String name : dead) {
            if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(code).find()) {
                throw new IllegalStateException(type.name() + ": " + name + " is still assigned after it was found unread");
            }
        }
    }

    private static boolean isRead(String code, String name) {
        // An occurrence not followed by "=" (but "==" is a comparison) reads the field.
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b(?!\\s*=(?!=))").matcher(code).find();
    }

    private static String methodsOf(TypeSpec type) {
        StringBuilder code = new StringBuilder();
        for (MethodSpec method : type.methodSpecs()) {
            code.append(method).append('\n');
        }
        return code.toString();
    }
}
