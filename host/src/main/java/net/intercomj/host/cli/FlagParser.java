package net.intercomj.host.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reads the peer's command line the way the original peer does (spec
 * upstream-sidechannel-bridge §1.2), with its errors made explicit where the original
 * silently guessed. Holds no global state: the environment and the working directory are
 * given, so tests pass their own.
 */
public final class FlagParser {

    private final Map<String, String> env;
    private final Path workingDirectory;

    /**
     * @param env              environment variables, e.g. {@code System.getenv()}
     * @param workingDirectory base of relative paths (stores, welcome files, password file);
     *                         pass an absolute path to get absolute results
     */
    public FlagParser(Map<String, String> env, Path workingDirectory) {
        this.env = Map.copyOf(env);
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** Decides what to do with {@code args} (the arguments after the program name). */
    public ParseOutcome parse(List<String> args) {
        List<String> flagArgs = args;
        Optional<String> storeLabel = Optional.empty();
        if (!args.isEmpty() && isStoreLabel(args.get(0))) {
            storeLabel = Optional.of(args.get(0));
            flagArgs = args.subList(1, args.size());
        }

        Map<Flag, Optional<String>> given = new HashMap<>();
        CommandLine commandLine = new CommandLine(CommandModel.build(given::put));
        ParseResult result;
        try {
            result = commandLine.parseArgs(CommandModel.normalize(flagArgs).toArray(String[]::new));
        } catch (UnmatchedArgumentException e) {
            return new ParseOutcome.Invalid(unknownOption(e), ParseOutcome.USAGE_ERROR);
        } catch (ParameterException e) {
            return new ParseOutcome.Invalid(e.getMessage(), ParseOutcome.USAGE_ERROR);
        }
        if (result.isUsageHelpRequested()) {
            return new ParseOutcome.ShowHelp(HelpText.render());
        }
        if (result.isVersionHelpRequested()) {
            return new ParseOutcome.ShowVersion("intercom " + version() + "\n");
        }
        List<String> strays = result.matchedPositionalValue(0, List.<String>of());
        if (!strays.isEmpty()) {
            // Upstream ignored stray words, so a mistyped "--sc-bridge-port 1 2" ran silently.
            List<String> lines = new ArrayList<>();
            for (String stray : strays) {
                lines.add("Unexpected argument \"" + stray + "\": only the first argument can be a store label,"
                        + " and flags start with \"--\".");
            }
            return new ParseOutcome.Invalid(String.join("\n", lines), ParseOutcome.USAGE_ERROR);
        }
        return new OptionResolver(given, storeLabel, env, workingDirectory).resolve();
    }

    /**
     * Upstream's rule is "does not start with --"; {@code -h} and {@code -V} are exempt so
     * that they show help and the version rather than create stores named "-h" or "-V".
     */
    private static boolean isStoreLabel(String first) {
        return !first.startsWith("--") && !first.equals(CommandModel.HELP_SHORT)
                && !first.equals(CommandModel.VERSION_SHORT);
    }

    private static String unknownOption(UnmatchedArgumentException e) {
        List<String> unmatched = e.getUnmatched();
        String name = unmatched.isEmpty() ? "?" : unmatched.get(0);
        StringBuilder message = new StringBuilder("Unknown option: ").append(name).append('.');
        List<String> suggestions = closestNames(name);
        if (!suggestions.isEmpty()) {
            message.append(" Did you mean ")
                    .append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))))
                    .append('?');
        }
        return message.toString();
    }

    /** Known names near {@code unknown}, aliases included, closest first (at most three). */
    static List<String> closestNames(String unknown) {
        List<String> names = new ArrayList<>(List.of("--help", "--version"));
        Flags.ALL.forEach(flag -> names.addAll(flag.names()));
        int allowed = Math.max(2, unknown.length() / 5);
        record Candidate(String name, int distance) {}
        return names.stream()
                .map(name -> new Candidate(name, editDistance(unknown, name)))
                .filter(candidate -> candidate.distance() <= allowed)
                .sorted(Comparator.comparingInt(Candidate::distance))
                .limit(3)
                .map(Candidate::name)
                .toList();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String version() {
        // Set in the jar manifest by packaging; absent when running from build output.
        return Optional.ofNullable(FlagParser.class.getPackage().getImplementationVersion())
                .orElse("(development build)");
    }
}
