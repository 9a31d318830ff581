package io.sqlxwire.codegen.cli;

/**
 * A command line that cannot be run as written. {@link Main} prints the message with the usage of
 * the command concerned and exits with {@link ExitCode#USAGE}.
 */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
