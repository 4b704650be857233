package net.intercomj.host.cli;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A network endpoint given on the command line, e.g. a discovery bootstrap node. The host
 * is kept as written (a name or an address literal) and is not resolved here, so parsing
 * never touches the network.
 *
 * @param host a host name, an IPv4 literal, or an IPv6 literal without brackets
 * @param port 1 to 65535
 */
public record HostPort(String host, int port) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9._-]+)?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    /** Checks the host's syntax and the port range. */
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (!NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw new IllegalArgumentException("\"" + host + "\" is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /**
     * Reads {@code host:port}, or {@code [addr]:port} for IPv6.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HostPort parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("\"" + text + "\" is not [addr]:port");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (!IPV6.matcher(host).matches()) {
                throw new IllegalArgumentException("\"" + host + "\" in \"" + text + "\" is not an IPv6 address");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("\"" + text + "\" has no port (expected host:port)");
            }
            if (text.indexOf(':') != colon) {
                throw new IllegalArgumentException(
                        "\"" + text + "\" is ambiguous: write an IPv6 address in brackets, as [addr]:port");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (!NAME.matcher(host).matches()) {
                throw new IllegalArgumentException("\"" + text + "\" does not start with a host name or address");
            }
        }
        if (!DIGITS.matcher(port).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" does not end with a port number");
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("\"" + text + "\" has port " + number + ", not between 1 and 65535");
        }
        return new HostPort(host, number);
    }

    /** {@code host:port}, with brackets around an IPv6 host, so {@link #parse} reads it back. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
