package net.intercomj.host.cli;

import java.util.ArrayList;
import java.util.List;

/** A valid value for each flag that differs from its default, for table-wide tests. */
final class ArgumentValues {

    private ArgumentValues() {}

    /** Arguments that set {@code flag} to its sample and still run. */
    static List<String> args(Flag flag) {
        List<String> args = new ArrayList<>(List.of(flag.name(), sample(flag)));
        if (flag == Flags.SC_BRIDGE) {
            // An enabled bridge needs a token.
            args.addAll(List.of(Flags.SC_BRIDGE_TOKEN.name(), "t"));
        }
        if (flag == Flags.RPC) {
            args.addAll(List.of(Flags.RPC_TOKEN.name(), "t"));
        }
        return args;
    }

    static String sample(Flag flag) {
        if (flag == Flags.MSB_GENESIS_BALANCE) {
            return "12.5";
        }
        return switch (flag.kind()) {
            case BOOL -> Values.bool(flag.defaultValue()) ? "off" : "on";
            case INT -> "7";
            case PORT -> "5000";
            case TEXT -> "sample";
            case NAME -> "alice";
            case PATH -> "some/dir";
            case HEX32 -> "11".repeat(32);
            case LIST -> "a,b";
            case KEY_LIST -> "22".repeat(32);
            case OWNER_LIST -> "c:" + "22".repeat(32);
            case WELCOME_LIST -> "c:{\"t\":\"x\"}";
            case HOST_PORT_LIST -> "h:1";
            case LOG_LEVEL -> "trace";
        };
    }
}
