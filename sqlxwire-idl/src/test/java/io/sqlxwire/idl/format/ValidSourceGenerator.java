package io.sqlxwire.idl.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random descriptions that the checker accepts: enums, structs and messages with integer
 * fields, counts and sizes that refer to earlier fields, C strings, sized and prefixed bytes, enum
 * fields, arrays of earlier structs and unions over an earlier enum field. Tokens are separated by
 * random whitespace so that formatting has something to change.
 */
final class ValidSourceGenerator {

    private static final String[] INTEGERS = {"u8", "u16", "u32", "i32", "u16le", "i16be"};
    private static final String[] SPACES = {" ", "  ", "\n", "\n    ", "\t"};

    private final Random random;
    private final List<String> tokens = new ArrayList<>();
    private final List<List<String>> enumConstants = new ArrayList<>();
    private int structCount;

    private ValidSourceGenerator(Random random) {
        this.random = random;
    }

    static String source(Random random) {
        return new ValidSourceGenerator(random).file();
    }

    private String file() {
        words("protocol p ;");
        words("direction d from client ;");
        int enums = 1 + random.nextInt(2);
        for (int e = 0; e < enums; e++) {
            enumDecl(e);
        }
        int structs = random.nextInt(3);
        for (int s = 0; s < structs; s++) {
            doc();
            words("struct S" + s + " {");
            members();
            words("}");
            structCount++;
        }
        int messages = 1 + random.nextInt(3);
        for (int m = 0; m < messages; m++) {
            doc();
            words("message M" + m + ": d tag '" + (char) ('A' + m) + "' {");
            members();
            words("}");
        }
        StringBuilder out = new StringBuilder();
        for (String token : tokens) {
            out.append(token).append(token.startsWith("///") ? "\n" : SPACES[random.nextInt(SPACES.length)]);
        }
        return out.toString();
    }

    private void enumDecl(int index) {
        List<String> constants = new ArrayList<>();
        doc();
        words("enum E" + index + ": " + INTEGERS[random.nextInt(3)] + " {");
        int count = 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            String name = "E" + index + "_C" + c;
            constants.add(name);
            words(name + " = " + (random.nextBoolean() ? String.valueOf(c) : "0x" + Integer.toHexString(c)) + " ;");
        }
        words("}");
        enumConstants.add(constants);
    }

    private void members() {
        List<String> integers = new ArrayList<>();
        List<String> enumFields = new ArrayList<>();
        List<Integer> enumOfField = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int f = 0; f < count; f++) {
            String name = "f" + f;
            doc();
            switch (random.nextInt(8)) {
                case 0 -> words(name + ": cstring ;");
                case 1 -> words(name + ": bytes[" + (integers.isEmpty() ? "4" : pick(integers)) + "] ;");
                case 2 -> words(name + ": bytes prefix(" + INTEGERS[random.nextInt(3)] + ") ;");
                case 3 -> {
                    int e = random.nextInt(enumConstants.size());
                    words(name + ": E" + e + " ;");
                    enumFields.add(name);
                    enumOfField.add(e);
                }
                case 4 -> {
                    if (structCount > 0 && !integers.isEmpty()) {
                        words(name + ": S" + random.nextInt(structCount) + "[" + pick(integers) + "] ;");
                    } else {
                        words(name + ": u8 ;");
                    }
                }
                case 5 -> {
                    if (enumFields.isEmpty()) {
                        words(name + ": u32 ;");
                    } else {
                        int which = random.nextInt(enumFields.size());
                        union(name, enumFields.get(which), enumConstants.get(enumOfField.get(which)));
                    }
                }
                default -> {
                    words(name + ": " + INTEGERS[random.nextInt(INTEGERS.length)] + " ;");
                    integers.add(name);
                }
            }
        }
    }

    private void union(String name, String subject, List<String> constants) {
        words(name + ": switch (" + subject + ") {");
        for (String constant : constants) {
            if (random.nextBoolean()) {
                words(constant + " => " + (random.nextBoolean() ? "u8" : "bytes[2]") + " ;");
            }
        }
        words("_ => empty ; } ;");
    }

    private void doc() {
        if (random.nextInt(4) == 0) {
            tokens.add("/// Doc " + random.nextInt(100) + ".");
        }
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private void words(String text) {
        tokens.addAll(List.of(text.split(" ")));
    }
}
