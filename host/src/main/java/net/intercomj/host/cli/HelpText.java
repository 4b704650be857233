package net.intercomj.host.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Renders {@code --help}: the flags under one heading per plane. */
final class HelpText {

    private static final int WIDTH = 100;

    private HelpText() {}

    static String render() {
        CommandSpec spec = CommandModel.build((flag, value) -> {});
        spec.usageMessage().width(WIDTH).longOptionsMaxWidth(40);
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        StringBuilder out = new StringBuilder();
        out.append("Usage: intercom [<store-label>] [--<flag> <value> | --<flag>=<value>]...\n\n");
        paragraph(out, "Runs an Intercom peer. It accepts the flags of the original JavaScript peer.");
        paragraph(out, "<store-label>: a first argument that does not start with \"--\" names the peer store"
                + " (like --peer-store-name).");
        paragraph(out, "A flag takes its value as \"--flag value\" or \"--flag=value\"; a value starting with"
                + " \"--\" needs the \"=\" form. A flag that is missing or empty falls back to its environment"
                + " variable, then to its default. A yes/no flag is on for 1, true, yes or on (alone, it means"
                + " on) and off for any other word.");
        for (Plane plane : Plane.values()) {
            List<OptionSpec> options = new ArrayList<>();
            for (Flag flag : Flags.ALL) {
                if (flag.plane() == plane) {
                    options.add(spec.findOption(flag.name()));
                }
            }
            section(out, help, plane.title(), options);
        }
        section(out, help, "General", List.of(spec.findOption(CommandModel.HELP_SHORT),
                spec.findOption(CommandModel.VERSION_SHORT)));
        return out.toString();
    }

    private static void section(StringBuilder out, Help help, String title, List<OptionSpec> options) {
        out.append(title).append(":\n");
        out.append(help.optionListExcludingGroups(options, help.createDefaultLayout(), null,
                help.createDefaultParamLabelRenderer()));
        out.append('\n');
    }

    private static void paragraph(StringBuilder out, String text) {
        int lineStart = out.length();
        for (String word : text.split(" ")) {
            int lineLength = out.length() - lineStart;
            if (lineLength > 0 && lineLength + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineStart = out.length();
            } else if (lineLength > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        out.append("\n\n");
    }
}
