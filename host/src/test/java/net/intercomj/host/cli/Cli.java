package net.intercomj.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shorthands for running the parser in tests. */
final class Cli {

    private final Path workingDirectory;
    private final Map<String, String> env;

    Cli(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = env;
    }

    Cli(Path workingDirectory) {
        this(workingDirectory, Map.of());
    }

    Cli withEnv(Map<String, String> env) {
        return new Cli(workingDirectory, env);
    }

    ParseOutcome parse(String... args) {
        return parse(List.of(args));
    }

    ParseOutcome parse(List<String> args) {
        return new FlagParser(env, workingDirectory).parse(args);
    }

    PeerOptions run(String... args) {
        return run(List.of(args));
    }

    PeerOptions run(List<String> args) {
        ParseOutcome outcome = parse(args);
        assertThat(outcome).as("outcome of %s", args).isInstanceOf(ParseOutcome.Run.class);
        return ((ParseOutcome.Run) outcome).options();
    }

    ParseOutcome.Invalid invalid(String... args) {
        ParseOutcome outcome = parse(args);
        assertThat(outcome).as("outcome of %s", List.of(args)).isInstanceOf(ParseOutcome.Invalid.class);
        ParseOutcome.Invalid invalid = (ParseOutcome.Invalid) outcome;
        assertThat(invalid.exitCode()).isNotZero();
        return invalid;
    }

    /** The message of an invalid command line. */
    String error(String... args) {
        return invalid(args).message();
    }
}
