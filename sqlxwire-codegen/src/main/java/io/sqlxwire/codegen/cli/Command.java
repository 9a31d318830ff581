package io.sqlxwire.codegen.cli;

import java.util.List;

/**
 * One subcommand of {@code sqlxwire}. Each command is its own class; {@link Main} lists them and
 * dispatches on the first argument, and handles {@code --help} for all of them, so a new command
 * ({@code generate}, {@code decode}, {@code fmt}) is one class plus one entry in {@link Main#commands()}.
 */
public interface Command {

    /** The word typed after {@code sqlxwire}. */
    String name();

    /** One line for the command list of {@code sqlxwire --help}. */
    String summary();

    /** The full help of the command: synopsis, what it does, options, exit status. Ends with a newline. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name ({@code --help} never reaches here)
     * @return the exit status, one of {@link ExitCode}
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, Io io) throws UsageException;
}
