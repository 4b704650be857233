package net.intercomj.host;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.host.cli.FlagParser;
import net.intercomj.host.cli.ParseOutcome;
import net.intercomj.host.cli.PeerOptions;
import net.intercomj.host.logging.LogLevels;
import net.intercomj.host.terminal.PeerConsole;
import net.intercomj.host.terminal.TerminalLoop;
import net.intercomj.host.terminal.commands.HelpCommand;

/** The {@code intercom} command: parses flags, starts the peer, runs the terminal until {@code /exit} or SIGTERM. */
public final class Main {

    private final Map<String, String> env;
    private final Path workingDirectory;
    private final PrintStream out;
    private final PrintStream err;

    Main(Map<String, String> env, Path workingDirectory, PrintStream out, PrintStream err) {
        this.env = env;
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(DhtNodeCommand.NAME)) {
            System.exit(new DhtNodeCommand(System.in, System.out, System.err)
                    .run(List.of(args).subList(1, args.length)));
        }
        if (args.length > 0 && args[0].equals(MsbNodeCommand.NAME)) {
            CommandOutput stdout = line -> {
                System.out.println(line);
                System.out.flush();
            };
            System.exit(new MsbNodeCommand(System.getenv(), Path.of(""), stdout, System.err::println)
                    .run(List.of(args).subList(1, args.length), commands -> PeerConsole.lines(System.in, System.out)));
        }
        // The empty path keeps relative store paths relative, so the banner and messages print
        // "stores/<name>" as the original does rather than an absolute path.
        Main main = new Main(System.getenv(), Path.of(""), System.out, System.err);
        int code = main.run(List.of(args), host -> PeerConsole.system(host.commands(), host.store().historyFile()));
        System.exit(code);
    }

    /**
     * Runs the command line and returns the process exit code.
     *
     * @param consoleFor opens the console once the peer is up (its history lives in the store)
     */
    int run(List<String> args, Function<PeerHost, PeerConsole> consoleFor) {
        ParseOutcome outcome = new FlagParser(env, workingDirectory).parse(args);
        return switch (outcome) {
            case ParseOutcome.ShowHelp help -> {
                out.print(help.text());
                out.flush();
                yield 0;
            }
            case ParseOutcome.ShowVersion version -> {
                out.print(version.text());
                out.flush();
                yield 0;
            }
            case ParseOutcome.Invalid invalid -> {
                err.println(invalid.message());
                yield invalid.exitCode();
            }
            case ParseOutcome.Run run -> runPeer(run.options(), consoleFor);
        };
    }

    private int runPeer(PeerOptions options, Function<PeerHost, PeerConsole> consoleFor) {
        LogLevels.apply(options.logLevel());
        CommandOutput stdout = line -> {
            out.println(line);
            out.flush();
        };
        PeerHost host;
        try {
            CommandOutput stderr = line -> {
                err.println(line);
                err.flush();
            };
            host = PeerHost.start(options, stdout, stderr, Clock.systemUTC(), pluginsFolder());
        } catch (StartupException e) {
            err.println(e.getMessage());
            return 1;
        }
        Thread shutdownHook = new Thread(host::close, "intercom-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try (PeerConsole console = consoleFor.apply(host)) {
            host.banner().forEach(console.output()::println);
            HelpCommand.helpText(host.commands().all()).forEach(console.output()::println);
            TerminalLoop.run(host.commands(), console, host::isStopRequested, host::awaitStop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            host.close();
            removeHook(shutdownHook);
        }
        return 0;
    }

    /** The distribution's {@code plugins/} folder; none when run outside a distribution (tests). */
    private static Optional<Path> pluginsFolder() {
        return Optional.ofNullable(System.getProperty("intercom.home")).map(home -> Path.of(home, "plugins"));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting (SIGTERM): the hook is running or has run, which is what we want.
        }
    }
}
