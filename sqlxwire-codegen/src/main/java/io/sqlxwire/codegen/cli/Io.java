package io.sqlxwire.codegen.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results to {@code out}, diagnostics and complaints to {@code err}. Passed
 * in rather than taken from {@link System} so the whole tool runs in-process in tests.
 */
public record Io(PrintStream out, PrintStream err) {}
