package net.intercomj.api.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A terminal line split into its command word, {@code --key value} options and positional words.
 *
 * <p>Tokenizing is shell-like, as in the original peer: {@code "..."} groups words and honours
 * backslash escapes, {@code '...'} groups words literally. Options are read as
 * {@code --key=value}, {@code --key value} (the next word is the value unless it is an
 * unquoted {@code --word}), or a bare {@code --key} with no value. Unlike the original, which
 * paired words by position, a missing value never shifts the following pairs and never
 * becomes the text {@code "null"}: it is simply absent.
 *
 * <p>Instances are immutable.
 */
public final class CommandArgs {

    private final String line;
    private final String command;
    private final Map<String, Optional<String>> options;
    private final List<String> positional;

    private CommandArgs(String line, String command, Map<String, Optional<String>> options, List<String> positional) {
        this.line = line;
        this.command = command;
        this.options = Collections.unmodifiableMap(options);
        this.positional = List.copyOf(positional);
    }

    /**
     * Parses a terminal line.
     *
     * @throws CommandException when a quote is not closed
     */
    public static CommandArgs parse(String line) throws CommandException {
        List<Token> tokens = tokenize(line);
        if (tokens.isEmpty()) {
            return new CommandArgs(line, "", new LinkedHashMap<>(), List.of());
        }
        Map<String, Optional<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isOptionName()) {
                positional.add(token.text());
                continue;
            }
            String body = token.text().substring(2);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                options.put(body.substring(0, eq), Optional.of(body.substring(eq + 1)));
            } else if (i + 1 < tokens.size() && !tokens.get(i + 1).isOptionName()) {
                options.put(body, Optional.of(tokens.get(++i).text()));
            } else {
                options.put(body, Optional.empty());
            }
        }
        return new CommandArgs(line, tokens.get(0).text(), options, positional);
    }

    /** The line exactly as typed. */
    public String line() {
        return line;
    }

    /** The first word, e.g. {@code /stats}; empty for a blank line. */
    public String command() {
        return command;
    }

    /** The names of all options given (without their leading {@code --}), in order. */
    public Set<String> names() {
        return options.keySet();
    }

    /** Whether any of {@code names} was given, with or without a value. */
    public boolean has(String... names) {
        for (String name : names) {
            if (options.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of the first of {@code names} that was given with a value. Aliases are tried
     * in order, so {@code value("channel", "ch")} prefers {@code --channel}.
     */
    public Optional<String> value(String... names) {
        for (String name : names) {
            Optional<String> value = options.get(name);
            if (value != null && value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a boolean option is on: given bare, or with one of {@code 1}, {@code true},
     * {@code yes}, {@code on} (any case). Any other value is off, as in the original peer.
     */
    public boolean flag(String... names) {
        for (String name : names) {
            Optional<String> value = options.get(name);
            if (value != null) {
                return value.map(CommandArgs::isTrueWord).orElse(true);
            }
        }
        return false;
    }

    /** Words that are neither option names nor option values. */
    public List<String> positional() {
        return positional;
    }

    private static boolean isTrueWord(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    private record Token(String text, boolean quoted) {
        boolean isOptionName() {
            return !quoted && text.startsWith("--") && text.length() > 2;
        }
    }

    private static List<Token> tokenize(String line) throws CommandException {
        List<Token> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(new Token(current.toString(), quoted));
                    current.setLength(0);
                    inToken = false;
                    quoted = false;
                }
                i++;
            } else if (c == '"' || c == '\'') {
                int close = c == '"' ? readDoubleQuoted(line, i + 1, current) : readSingleQuoted(line, i + 1, current);
                if (close < 0) {
                    throw new CommandException("Unclosed " + (c == '"' ? "double" : "single") + " quote in: " + line);
                }
                inToken = true;
                quoted = true;
                i = close + 1;
            } else {
                current.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) {
            tokens.add(new Token(current.toString(), quoted));
        }
        return tokens;
    }

    /** Appends the text up to the closing quote, honouring backslash escapes; returns its index or -1. */
    private static int readDoubleQuoted(String line, int from, StringBuilder out) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                out.append(line.charAt(++i));
            } else if (c == '"') {
                return i;
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    private static int readSingleQuoted(String line, int from, StringBuilder out) {
        int close = line.indexOf('\'', from);
        if (close >= 0) {
            out.append(line, from, close);
        }
        return close;
    }
}
