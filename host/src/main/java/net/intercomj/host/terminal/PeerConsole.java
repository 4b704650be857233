package net.intercomj.host.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The peer's console. On a real terminal it is a JLine prompt with completion of command
 * names and a persistent history; when standard input is a pipe or a file it reads plain
 * lines with no prompt, so scripts and tests drive the peer exactly as a person types.
 */
public abstract sealed class PeerConsole implements AutoCloseable {

    /** Where everything the operator should read goes, from any thread. */
    public abstract CommandOutput output();

    /** Blocks for the next line. */
    public abstract ConsoleInput read();

    /** Whether this console is an interactive terminal. */
    public abstract boolean interactive();

    @Override
    public abstract void close();

    /**
     * Opens the process's console: interactive when stdin and stdout are a terminal, plain
     * line mode otherwise.
     */
    public static PeerConsole system(CommandRegistry registry, Path historyFile) {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                terminal.close();
                return lines(System.in, System.out);
            }
            return new Interactive(terminal, registry, historyFile);
        } catch (IOException e) {
            return lines(System.in, System.out);
        }
    }

    /** A console reading plain lines from {@code in} and writing to {@code out}. */
    public static PeerConsole lines(InputStream in, PrintStream out) {
        return new Lines(in, out);
    }

    private static final class Lines extends PeerConsole {
        private final BufferedReader reader;
        private final PrintStream out;

        Lines(InputStream in, PrintStream out) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.out = out;
        }

        @Override
        public CommandOutput output() {
            return line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            };
        }

        @Override
        public ConsoleInput read() {
            try {
                String line = reader.readLine();
                return line == null ? new ConsoleInput.EndOfInput() : new ConsoleInput.Line(line);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read standard input", e);
            }
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class Interactive extends PeerConsole {
        private static final String PROMPT = "> ";

        private final Terminal terminal;
        private final LineReader reader;

        Interactive(Terminal terminal, CommandRegistry registry, Path historyFile) {
            this.terminal = terminal;
            this.reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("intercom")
                    // Completion reads the registry each time, so plugin commands appear as they load.
                    .completer((lineReader, line, candidates) -> {
                        if (line.wordIndex() == 0) {
                            new StringsCompleter(registry.all().stream().map(TerminalCommand::name).toList())
                                    .complete(lineReader, line, candidates);
                        }
                    })
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .build();
        }

        @Override
        public CommandOutput output() {
            return reader::printAbove;
        }

        @Override
        public ConsoleInput read() {
            try {
                return new ConsoleInput.Line(reader.readLine(PROMPT));
            } catch (UserInterruptException e) {
                return new ConsoleInput.Interrupted();
            } catch (EndOfFileException e) {
                return new ConsoleInput.EndOfInput();
            }
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public void close() {
            try {
                reader.getHistory().save();
                terminal.close();
            } catch (IOException e) {
                // Losing history on shutdown is not worth failing the shutdown for.
            }
        }
    }
}
