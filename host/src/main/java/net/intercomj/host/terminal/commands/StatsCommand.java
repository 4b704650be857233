package net.intercomj.host.terminal.commands;

import java.util.List;
import java.util.function.Supplier;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;

/**
 * {@code /stats}: the peer's status as {@code key: value} lines under {@code --- Stats ---}.
 * Each part of the host contributes its own lines, so the command grows with the planes.
 */
public final class StatsCommand implements TerminalCommand {

    private final List<Supplier<List<String>>> sections;

    /** @param sections each supplies current {@code key: value} lines, read on every call */
    public StatsCommand(List<Supplier<List<String>>> sections) {
        this.sections = List.copyOf(sections);
    }

    @Override
    public String name() {
        return "/stats";
    }

    @Override
    public String usage() {
        return "/stats";
    }

    @Override
    public String description() {
        return "Print the peer's status: identity, store, uptime.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        out.println("--- Stats ---");
        for (Supplier<List<String>> section : sections) {
            section.get().forEach(out::println);
        }
    }
}
