package io.sqlxwire.codegen.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The arguments of one command split into flags and operands. Deliberately small: commands have few
 * options, and a hand-written parser keeps the shaded jar free of a CLI library.
 *
 * <p>A lone {@code --} ends the options, so operands that start with a dash can still be named.
 *
 * @param flags    the flags given, each spelled as in {@code knownFlags}
 * @param operands everything else, in order
 */
public record Arguments(Set<String> flags, List<String> operands) {

    public Arguments {
        flags = Set.copyOf(flags);
        operands = List.copyOf(operands);
    }

    /** Splits {@code args}; any option not in {@code knownFlags} is a usage error. */
    public static Arguments parse(List<String> args, Set<String> knownFlags) throws UsageException {
        Set<String> flags = new LinkedHashSet<>();
        List<String> operands = new ArrayList<>();
        boolean optionsEnded = false;
        for (String arg : args) {
            if (optionsEnded || !isOption(arg)) {
                operands.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (knownFlags.contains(arg)) {
                flags.add(arg);
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return new Arguments(flags, operands);
    }

    /** Whether help was asked for anywhere before a {@code --}. */
    public static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    // A single "-" conventionally means standard input, so it is an operand, not an option.
    private static boolean isOption(String arg) {
        return arg.startsWith("-") && !arg.equals("-");
    }
}
