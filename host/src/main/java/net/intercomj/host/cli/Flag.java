package net.intercomj.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of the flag table.
 *
 * @param name         the long name, e.g. {@code --sc-bridge-port}
 * @param aliases      other accepted names, e.g. {@code --dht-bootstrap}
 * @param envVars      environment variables read, in precedence order, when the flag is
 *                     absent or empty
 * @param kind         how the value is read
 * @param defaultValue the value used when neither the flag nor an env var gives one, written
 *                     as it would be typed; empty when there is none or it is derived from
 *                     other flags (the description says how)
 * @param plane        the part of the peer the flag configures
 * @param description  one or two sentences for {@code --help}, without env and default,
 *                     which are appended from the other columns
 */
public record Flag(
        String name,
        List<String> aliases,
        List<String> envVars,
        ValueKind kind,
        String defaultValue,
        Plane plane,
        String description) {

    /** Checks the row and freezes its lists. */
    public Flag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(description, "description");
        aliases = List.copyOf(aliases);
        envVars = List.copyOf(envVars);
        List<String> allNames = new ArrayList<>(aliases);
        allNames.add(name);
        for (String n : allNames) {
            if (!n.startsWith("--") || n.length() < 3 || n.contains("=")) {
                throw new IllegalArgumentException("Flag names must look like --name: " + n);
            }
        }
    }

    /** The long name followed by the aliases. */
    public List<String> names() {
        List<String> all = new ArrayList<>(1 + aliases.size());
        all.add(name);
        all.addAll(aliases);
        return List.copyOf(all);
    }

    /** The description with the env vars and the default appended, as {@code --help} shows it. */
    public String helpText() {
        StringBuilder text = new StringBuilder(description);
        if (!envVars.isEmpty()) {
            text.append(" Env: ").append(String.join(", then ", envVars)).append('.');
        }
        if (!defaultValue.isEmpty()) {
            text.append(" Default: ").append(defaultValue).append('.');
        }
        return text.toString();
    }
}
