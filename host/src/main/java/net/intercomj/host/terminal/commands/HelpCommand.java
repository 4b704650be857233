package net.intercomj.host.terminal.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.terminal.CommandRegistry;

/** {@code /help}: every registered command, grouped in the original's sections. */
public final class HelpCommand implements TerminalCommand {

    /** The original's section order; sections added by plugins follow in name order. */
    private static final List<String> SECTION_ORDER = List.of("Setup Commands", "Chat Commands", "System Commands");

    private final CommandRegistry registry;

    public HelpCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "/help";
    }

    @Override
    public String usage() {
        return "/help";
    }

    @Override
    public String description() {
        return "List the available commands.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        for (String line : helpText(registry.all())) {
            out.println(line);
        }
    }

    /** The help text for {@code commands}, as printed at start-up and by {@code /help}. */
    public static List<String> helpText(List<TerminalCommand> commands) {
        Map<String, List<TerminalCommand>> bySection = new LinkedHashMap<>();
        SECTION_ORDER.forEach(section -> bySection.put(section, new ArrayList<>()));
        commands.stream()
                .sorted((a, b) -> a.section().compareTo(b.section()))
                .forEach(command -> bySection.computeIfAbsent(command.section(), s -> new ArrayList<>()).add(command));
        List<String> lines = new ArrayList<>();
        lines.add("Node started. Available commands:");
        bySection.forEach((section, sectionCommands) -> {
            if (sectionCommands.isEmpty()) {
                return;
            }
            lines.add("- " + section + ":");
            for (TerminalCommand command : sectionCommands) {
                String usage = command.usage().equals(command.name()) ? "" : " Usage: '" + command.usage() + "'";
                lines.add("- " + command.name() + " | " + command.description() + usage);
            }
        });
        return lines;
    }
}
