package net.intercomj.host.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Readers for flag values. Each returns the typed value or throws {@link BadValue} with a
 * reason that completes the sentence "Invalid --flag: ...".
 */
final class Values {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Values() {}

    /** A value that cannot be read; the reason is written to follow "Invalid --flag: ". */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String reason) {
            super(reason, null, false, false);
        }

        String reason() {
            return getMessage();
        }
    }

    /** Upstream's parseBool: only these words are true, every other word is false. */
    static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    static int integer(String text) throws BadValue {
        String trimmed = text.trim();
        if (!INTEGER.matcher(trimmed).matches()) {
            // Upstream's parseInt read "64k" as 64 and "abc" as the default; both hide typos.
            throw new BadValue("expected an integer, got " + quote(text));
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw new BadValue("expected an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    + ", got " + quote(text));
        }
    }

    /** An integer of at least 1. */
    static int positiveInteger(String text) throws BadValue {
        int value = integer(text);
        if (value < 1) {
            throw new BadValue("expected a positive integer, got " + quote(text));
        }
        return value;
    }

    static int port(String text) throws BadValue {
        String trimmed = text.trim();
        int port;
        try {
            port = INTEGER.matcher(trimmed).matches() ? Integer.parseInt(trimmed) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new BadValue("expected a port number from 1 to 65535, got " + quote(text));
        }
        return port;
    }

    /** Split on commas, trim, drop empty items. */
    static List<String> csv(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return List.copyOf(items);
    }

    /**
     * Split on commas, then each entry at its first {@code :} (or first {@code =} when it has
     * no {@code :}); key and value trimmed. Upstream skipped malformed entries silently, which
     * left a channel without its owner or welcome and no hint why.
     */
    static List<Map.Entry<String, String>> keyValues(String text, String expected) throws BadValue {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String entry : csv(text)) {
            int colon = entry.indexOf(':');
            int split = colon >= 0 ? colon : entry.indexOf('=');
            String key = split > 0 ? entry.substring(0, split).trim() : "";
            String value = split > 0 ? entry.substring(split + 1).trim() : "";
            if (key.isEmpty() || value.isEmpty()) {
                throw new BadValue("entry " + quote(entry) + " is not " + expected);
            }
            entries.add(Map.entry(key, value));
        }
        return List.copyOf(entries);
    }

    /** A 32-byte public key as hex; trimmed and lowercased. */
    static String publicKey(String text) throws BadValue {
        String key = text.trim().toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(key).matches()) {
            throw new BadValue(quote(text) + " is not a public key (64 hex characters)");
        }
        return key;
    }

    /** A store name must stay one folder inside its stores directory. */
    static String storeName(String text) throws BadValue {
        if (text.isBlank() || text.equals(".") || text.equals("..") || text.indexOf('/') >= 0
                || text.indexOf('\\') >= 0 || text.indexOf('\0') >= 0) {
            throw new BadValue(quote(text) + " is not a single folder name (it must not be blank, contain \"/\""
                    + " or \"\\\", or be \".\" or \"..\")");
        }
        return text;
    }

    static Path path(Path workingDirectory, String text) throws BadValue {
        try {
            return workingDirectory.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new BadValue(quote(text) + " is not a valid path (" + e.getReason() + ")");
        }
    }

    static List<HostPort> hostPorts(String text) throws BadValue {
        List<HostPort> endpoints = new ArrayList<>();
        for (String entry : csv(text)) {
            try {
                endpoints.add(HostPort.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new BadValue(e.getMessage());
            }
        }
        return List.copyOf(endpoints);
    }

    static LogLevel logLevel(String text) throws BadValue {
        String word = text.trim().toLowerCase(Locale.ROOT);
        for (LogLevel level : LogLevel.values()) {
            if (level.flagValue().equals(word)) {
                return level;
            }
        }
        throw new BadValue("expected one of error, warn, info, debug, trace, got " + quote(text));
    }

    /**
     * A welcome given as {@code @path} (read, trimmed), optionally {@code b64:}-prefixed, then
     * JSON when it starts with <code>{</code>, else base64 of JSON. Returns the object as
     * compact JSON. Upstream ignored every failure here, so a typo silently left the channel
     * without a welcome and its messages were dropped as "awaiting welcome".
     */
    static String welcomeJson(String value, Path workingDirectory) throws BadValue {
        String text = value;
        if (text.startsWith("@")) {
            Path file = path(workingDirectory, text.substring(1));
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (NoSuchFileException e) {
                throw new BadValue("the file " + quote(file.toString()) + " does not exist");
            } catch (IOException e) {
                throw new BadValue("the file " + quote(file.toString()) + " cannot be read ("
                        + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()) + ")");
            }
            if (text.isEmpty()) {
                throw new BadValue("the file " + quote(file.toString()) + " is empty");
            }
        }
        if (text.startsWith("b64:")) {
            text = text.substring(4);
        }
        String json;
        if (text.startsWith("{")) {
            json = text;
        } else {
            json = new String(base64(text), StandardCharsets.UTF_8);
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String hint = text.startsWith("{") && !value.startsWith("@")
                    ? "; entries are split on \",\", so inline JSON cannot contain commas: use base64 or @file"
                    : "";
            throw new BadValue("the value is not valid JSON (" + jsonProblem(e) + ")" + hint);
        }
        if (node == null || !node.isObject()) {
            throw new BadValue("the value is not a JSON object");
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree always serialises", e);
        }
    }

    /** Jackson's message without its bracketed source excerpt, which only repeats the input. */
    private static String jsonProblem(JsonProcessingException e) {
        String message = Optional.ofNullable(e.getOriginalMessage()).orElse("malformed");
        int detail = message.indexOf(" (");
        String problem = detail > 0 ? message.substring(0, detail) : message;
        return e.getLocation() == null ? problem : problem + " at column " + e.getLocation().getColumnNr();
    }

    private static byte[] base64(String text) throws BadValue {
        // Node's decoder, which upstream used, accepts both alphabets and missing padding.
        String compact = text.replaceAll("\\s+", "");
        boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
        } catch (IllegalArgumentException e) {
            throw new BadValue("the value is neither JSON nor base64");
        }
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
