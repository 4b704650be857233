package net.intercomj.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds picocli's model from {@link Flags#ALL} and feeds it arguments in a form where
 * picocli's reading and upstream's rules agree.
 *
 * <p>Picocli's own handling of an optional value differs from upstream's
 * ({@code runnerArgs.js}) in three ways, all covered by tests: it takes an unknown
 * {@code --word} as the value ({@code --sc-bridge-token --typo}), it takes a value that
 * happens to be one of its short options as that option ({@code --peer-store-name -h}
 * showed help, even written as {@code --peer-store-name=-h}), and it refuses
 * {@code --k=--}. So {@link #normalize} first applies upstream's rule for where a value
 * is, and hands picocli every known flag in the attached form {@code --name=<marked value>};
 * a parameter consumer then takes that text verbatim, bypassing picocli's guesses.
 * Picocli still matches names and aliases, reports unknown options with suggestions,
 * collects stray words, and renders help.
 */
final class CommandModel {

    /** Prefix of a real value in the attached form; anything else marks a bare flag. */
    private static final String VALUE_MARK = "=";
    private static final String BARE_MARK = "!";

    static final String HELP_SHORT = "-h";
    static final String VERSION_SHORT = "-V";

    private CommandModel() {}

    /**
     * A fresh model whose flags report their value to {@code sink}, in command-line order
     * (so the last one wins): a value, or empty for a bare flag.
     */
    static CommandSpec build(BiConsumer<Flag, Optional<String>> sink) {
        CommandSpec spec = CommandSpec.create().name("intercom");
        spec.interpolateVariables(false);
        spec.parser()
                .expandAtFiles(false) // "@file" is welcome syntax and a valid store label, never an args file
                .trimQuotes(false)
                .splitQuotedStrings(false)
                .overwrittenOptionsAllowed(true)
                .abbreviatedOptionsAllowed(false)
                .caseInsensitiveEnumValuesAllowed(false);
        spec.addOption(OptionSpec.builder(HELP_SHORT, "--help").usageHelp(true)
                .description("Show this help and exit.").build());
        spec.addOption(OptionSpec.builder(VERSION_SHORT, "--version").versionHelp(true)
                .description("Print the version and exit.").build());
        for (Flag flag : Flags.ALL) {
            spec.addOption(OptionSpec.builder(flag.names().toArray(String[]::new))
                    // Arity matters only for how help draws the flag: the consumer reads the value.
                    .arity(flag.kind().acceptsBareFlag() ? "0..1" : "1")
                    .type(String.class)
                    .paramLabel("<" + flag.kind().paramLabel() + ">")
                    .description(flag.helpText())
                    .parameterConsumer((args, argSpec, commandSpec) -> {
                        String attached = args.isEmpty() ? BARE_MARK : args.pop();
                        sink.accept(flag, attached.startsWith(VALUE_MARK)
                                ? Optional.of(attached.substring(VALUE_MARK.length()))
                                : Optional.empty());
                    })
                    .build());
        }
        // Stray words are collected rather than refused by picocli so the message can say
        // what a positional argument may be.
        spec.addPositional(PositionalParamSpec.builder()
                .arity("0..*")
                .type(List.class)
                .auxiliaryTypes(String.class)
                .paramLabel("<argument>")
                .hidden(true)
                .build());
        return spec;
    }

    /**
     * Rewrites {@code args} (the store label already removed) so each known flag is attached:
     * {@code --k=v} and {@code --k v} become {@code --k==v}, and a bare {@code --k} becomes
     * {@code --k=!}. Upstream's rule decides what {@code --k v} means: the next argument is
     * the value unless it starts with {@code --}. Unknown {@code --name=value} is cut to
     * {@code --name} so picocli's "did you mean" compares names only; it fails either way.
     */
    static List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                // Picocli's end of options: what follows is positional, so it is reported as stray.
                out.addAll(args.subList(i, args.size()));
                break;
            }
            if (!arg.startsWith("--")) {
                out.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Optional<Flag> flag = Flags.byName(name);
            if (flag.isEmpty()) {
                // "--" would become picocli's end of options, so "--=x" stays whole to be refused as it is.
                out.add(name.equals("--") || name.equals("--help") || name.equals("--version") ? arg : name);
            } else if (eq >= 0) {
                out.add(name + "=" + VALUE_MARK + arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                out.add(name + "=" + VALUE_MARK + args.get(++i));
            } else {
                out.add(name + "=" + BARE_MARK);
            }
        }
        return out;
    }
}
