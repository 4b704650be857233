package net.intercomj.host.terminal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import net.intercomj.api.command.TerminalCommand;

/**
 * The commands the terminal knows, by exact name. Thread-safe: plugins add and remove
 * commands while the terminal runs.
 */
public final class CommandRegistry {

    private final ConcurrentSkipListMap<String, TerminalCommand> commands = new ConcurrentSkipListMap<>();
    private volatile UnknownCommandHandler unknown = UnknownCommandHandler.NONE;

    /**
     * Adds a command.
     *
     * @throws IllegalArgumentException if the name is malformed or already taken
     */
    public void register(TerminalCommand command) {
        String name = command.name();
        if (!name.matches("/[a-z0-9_]+")) {
            throw new IllegalArgumentException("Invalid command name \"" + name + "\": expected a slash and lowercase letters, digits or _.");
        }
        TerminalCommand previous = commands.putIfAbsent(name, command);
        if (previous != null) {
            throw new IllegalArgumentException("Command " + name + " is already registered.");
        }
    }

    /** Removes a command if it is the registered one; returns whether it was removed. */
    public boolean unregister(TerminalCommand command) {
        return commands.remove(command.name(), command);
    }

    /** The command with exactly this name. */
    public Optional<TerminalCommand> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Sets who takes the lines no command matches. */
    public void onUnknown(UnknownCommandHandler handler) {
        unknown = Objects.requireNonNull(handler, "handler");
    }

    /** Who takes the lines no command matches. */
    public UnknownCommandHandler unknown() {
        return unknown;
    }

    /** All commands, sorted by name. */
    public List<TerminalCommand> all() {
        return List.copyOf(commands.values());
    }
}
