package io.sqlxwire.codegen.cli;

/** The exit statuses of {@code sqlxwire}, shared by every command so scripts can rely on them. */
public final class ExitCode {

    /** The command did its job and found nothing wrong (warnings allowed). */
    public static final int OK = 0;
    /** The command ran and found problems in its input (e.g. errors in a {@code .wire} file). */
    public static final int FAILED = 1;
    /** The command line itself was wrong: unknown command or option, missing operand. */
    public static final int USAGE = 2;
    /** The tool crashed: a bug in SQLxWire, not in the user's input. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {}
}
