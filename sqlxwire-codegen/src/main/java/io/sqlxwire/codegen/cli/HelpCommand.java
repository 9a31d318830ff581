package io.sqlxwire.codegen.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@code sqlxwire help [COMMAND]}: the tool's help, or the help of one command, on standard output. */
final class HelpCommand implements Command {

    private final Function<String, Optional<Command>> lookup;
    private final Supplier<String> toolUsage;

    HelpCommand(Function<String, Optional<Command>> lookup, Supplier<String> toolUsage) {
        this.lookup = lookup;
        this.toolUsage = toolUsage;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "show this help, or the help of one command";
    }

    @Override
    public String usage() {
        return """
                usage: sqlxwire help [COMMAND]

                Shows the list of commands, or the help of COMMAND.
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws UsageException {
        List<String> operands = Arguments.parse(args, Set.of()).operands();
        if (operands.isEmpty()) {
            io.out().print(toolUsage.get());
            return ExitCode.OK;
        }
        if (operands.size() > 1) {
            throw new UsageException("expected one command name, got " + operands.size());
        }
        String name = operands.get(0);
        Command command = lookup.apply(name)
                .orElseThrow(() -> new UsageException("unknown command '" + name + "'"));
        io.out().print(command.usage());
        return ExitCode.OK;
    }
}
