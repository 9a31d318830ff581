package io.sqlxwire.codegen.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sqlxwire} command-line tool: reads the command name, answers {@code --help} and
 * {@code --version}, and hands the remaining arguments to the command.
 *
 * <p>{@link #run} does everything except exiting, so tests drive the tool in-process and see the exit
 * status as a return value.
 */
public final class Main {

    static final String PROGRAM = "sqlxwire";

    private final List<Command> commands;

    private Main(List<Command> toolCommands) {
        List<Command> all = new ArrayList<>(toolCommands);
        all.add(new HelpCommand(this::find, this::usage));
        this.commands = List.copyOf(all);
    }

    /**
     * Every command of the tool, in the order the help lists them ({@code help} itself comes last).
     * A new command is one class that implements {@link Command} and one entry here.
     */
    static List<Command> commands() {
        return List.of(new LintCommand(), new DecodeCommand(), new DetectCommand());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool as if started with {@code args}; returns the exit status (see {@link ExitCode}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(commands(), args, out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with another set of commands (tests). */
    static int run(List<Command> toolCommands, String[] args, PrintStream out, PrintStream err) {
        try {
            return new Main(toolCommands).dispatch(List.of(args), new Io(out, err));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> args, Io io) {
        if (args.isEmpty()) {
            io.err().print(usage());
            return ExitCode.USAGE;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h")) {
            io.out().print(usage());
            return ExitCode.OK;
        }
        if (first.equals("--version") || first.equals("-V")) {
            io.out().println(PROGRAM + " " + Version.current());
            return ExitCode.OK;
        }
        if (first.startsWith("-")) {
            io.err().println(PROGRAM + ": unknown option '" + first + "'");
            io.err().print(usage());
            return ExitCode.USAGE;
        }
        Optional<Command> command = find(first);
        if (command.isEmpty()) {
            io.err().println(PROGRAM + ": unknown command '" + first + "'");
            io.err().print(usage());
            return ExitCode.USAGE;
        }
        return runCommand(command.get(), args.subList(1, args.size()), io);
    }

    private static int runCommand(Command command, List<String> args, Io io) {
        String prefix = PROGRAM + " " + command.name() + ": ";
        if (Arguments.asksForHelp(args)) {
            io.out().print(command.usage());
            return ExitCode.OK;
        }
        try {
            return command.run(args, io);
        } catch (UsageException e) {
            io.err().println(prefix + e.getMessage());
            io.err().print(command.usage());
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            // A crash is our bug, not the user's: say so, and keep the trace for the report.
            io.err().println(prefix + "internal error: " + e);
            e.printStackTrace(io.err());
            return ExitCode.INTERNAL_ERROR;
        }
    }

    private Optional<Command> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private String usage() {
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        text.append("usage: ").append(PROGRAM).append(" COMMAND [ARGUMENTS...]\n");
        text.append("       ").append(PROGRAM).append(" --help | --version\n\n");
        text.append("Checks database wire-protocol descriptions written in the SQLxWire IDL (.wire files).\n\n");
        text.append("commands:\n");
        for (Command command : commands) {
            text.append("  ").append(String.format("%-" + width + "s", command.name()))
                    .append("  ").append(command.summary()).append('\n');
        }
        text.append("\nRun '").append(PROGRAM).append(" help COMMAND' for the help of one command.\n");
        return text.toString();
    }
}
