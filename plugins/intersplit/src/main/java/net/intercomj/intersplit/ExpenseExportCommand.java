package net.intercomj.intersplit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/**
 * {@code /expense_export}: prints a room's settlement export as text (default), json or csv;
 * after text and json, also {@code export_b64: <base64 of the UTF-8 data>} (spec §2.7.2, §2.8).
 */
final class ExpenseExportCommand extends ExpenseCommand {

    private final Clock clock;

    ExpenseExportCommand(ExpenseSplit app, Clock clock) {
        super(app);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "/expense_export";
    }

    @Override
    public String usage() {
        return "/expense_export --channel \"<name>\" [--format text|json|csv]";
    }

    @Override
    public String description() {
        return "Print a room's settlement export (text, json or csv).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        String format = format(args.value("format").orElse("text"));
        String data = export(app.summary(channel(args)), format, clock);
        out.println(data);
        if (!format.equals("csv")) {
            out.println("export_b64: " + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** {@code text}, {@code json} or {@code csv}; anything else is {@code text}. */
    static String format(String raw) {
        String format = raw.trim().toLowerCase(Locale.ROOT);
        return format.equals("json") || format.equals("csv") ? format : "text";
    }

    /** The export of {@code summary} in {@code format} (the terminal and the bridge share them: W8). */
    static String export(Summary summary, String format, Clock clock) {
        return switch (format) {
            case "json" -> Exports.json(summary, clock.instant());
            case "csv" -> Exports.csv(summary);
            default -> Exports.text(summary, clock.instant());
        };
    }
}
