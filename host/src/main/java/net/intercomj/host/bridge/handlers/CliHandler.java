package net.intercomj.host.bridge.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.CommandTrait;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.JsValues;
import net.intercomj.host.bridge.Replies;
import net.intercomj.host.terminal.CommandDispatcher;
import net.intercomj.host.terminal.CommandRegistry;

/**
 * {@code cli} → {@code cli_result}: runs a terminal line, built-in or a plugin's, and returns what
 * it printed (values as JSON, as the original captured printed objects). Unlike the original, the output is the command's own (not every line the process
 * logged meanwhile, §6.31), and commands that reveal secrets or stop the peer are refused unless
 * the operator started the peer with {@code --sc-bridge-cli-unsafe 1}.
 */
public final class CliHandler implements BridgeHandler {

    static final String DISABLED = "CLI over WS is disabled.";
    static final String MISSING_COMMAND = "Missing command.";

    private final boolean enabled;
    private final boolean unsafeAllowed;
    private final CommandRegistry commands;
    private final CommandDispatcher dispatcher;
    // The original ran one command at a time; commands that print progress stay readable.
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public CliHandler(boolean enabled, boolean unsafeAllowed, CommandRegistry commands) {
        this.enabled = enabled;
        this.unsafeAllowed = unsafeAllowed;
        this.commands = commands;
        this.dispatcher = new CommandDispatcher(commands);
    }

    @Override
    public String type() {
        return "cli";
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        if (!enabled) {
            client.send(Replies.error(request.id(), DISABLED));
            return;
        }
        String line = JsValues.text(request.body().path("command")).trim();
        if (line.isEmpty()) {
            client.send(Replies.error(request.id(), MISSING_COMMAND));
            return;
        }
        Optional<String> refusal = refusal(line);
        if (refusal.isPresent()) {
            client.send(result(request, line, false, List.of(), refusal));
            return;
        }
        List<String> output = new ArrayList<>();
        CommandDispatcher.Result outcome;
        oneAtATime.lock();
        try {
            outcome = dispatcher.execute(line, new CommandOutput() {
                @Override
                public void println(String text) {
                    output.add(text);
                }

                @Override
                public void printValue(String json, String text) {
                    output.add(json);
                }
            });
        } finally {
            oneAtATime.unlock();
        }
        boolean ok = outcome.outcome() == CommandDispatcher.Outcome.DONE
                || outcome.outcome() == CommandDispatcher.Outcome.EMPTY;
        client.send(result(request, line, ok, output, outcome.problem()));
    }

    private Optional<String> refusal(String line) {
        if (unsafeAllowed) {
            return Optional.empty();
        }
        String name;
        try {
            name = CommandArgs.parse(line).command();
        } catch (CommandException e) {
            return Optional.empty();
        }
        Set<CommandTrait> traits = commands.find(name).map(TerminalCommand::traits).orElse(Set.of());
        if (traits.contains(CommandTrait.REVEALS_SECRETS)) {
            return Optional.of(name + " is refused over the SC-Bridge because it reveals secrets;"
                    + " start the peer with --sc-bridge-cli-unsafe 1 to allow it.");
        }
        if (traits.contains(CommandTrait.STOPS_PEER)) {
            return Optional.of(name + " is refused over the SC-Bridge because it stops the peer;"
                    + " start the peer with --sc-bridge-cli-unsafe 1 to allow it.");
        }
        return Optional.empty();
    }

    private static ObjectNode result(BridgeRequest request, String line, boolean ok,
            List<String> output, Optional<String> error) {
        var reply = Replies.reply(request.id(), "cli_result");
        reply.put("command", line);
        reply.put("ok", ok);
        var lines = reply.putArray("output");
        output.forEach(lines::add);
        reply.put("error", error.orElse(null));
        return reply;
    }
}
