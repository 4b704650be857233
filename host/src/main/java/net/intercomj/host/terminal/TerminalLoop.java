package net.intercomj.host.terminal;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads commands from a console and runs them until a stop is requested: {@code /exit}, Ctrl-C
 * (as {@code /exit}), or the end of a terminal's input. When input that is not a terminal ends
 * (a service started with {@code </dev/null}), the process keeps running until the stop comes
 * another way (SIGTERM).
 */
public final class TerminalLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalLoop.class);

    private TerminalLoop() {}

    /** Blocks until a stop is requested. */
    @FunctionalInterface
    public interface StopWait {
        void await() throws InterruptedException;
    }

    /**
     * @param stopRequested whether a stop was requested ({@code /exit} requests one)
     * @param awaitStop     blocks until then
     */
    public static void run(CommandRegistry commands, PeerConsole console, BooleanSupplier stopRequested,
            StopWait awaitStop) throws InterruptedException {
        CommandDispatcher dispatcher = new CommandDispatcher(commands);
        while (!stopRequested.getAsBoolean()) {
            switch (console.read()) {
                case ConsoleInput.Line line -> dispatcher.run(line.text(), console.output());
                case ConsoleInput.Interrupted interrupted -> dispatcher.run("/exit", console.output());
                case ConsoleInput.EndOfInput end -> {
                    if (console.interactive()) {
                        dispatcher.run("/exit", console.output());
                    } else {
                        LOG.info("Standard input closed; the process keeps running until stopped (SIGTERM).");
                        awaitStop.await();
                    }
                }
            }
        }
    }
}
