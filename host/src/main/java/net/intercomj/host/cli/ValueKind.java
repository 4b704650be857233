package net.intercomj.host.cli;

/** What a flag's value is, which fixes how its text is read and how {@code --help} labels it. */
public enum ValueKind {
    /** {@code 1/true/yes/on} (any case, trimmed) is true, any other word false; bare means true. */
    BOOL("bool"),
    /** A decimal integer, sign allowed. */
    INT("n"),
    /** A TCP port, 1 to 65535. */
    PORT("port"),
    /** Free text, kept as given. */
    TEXT("text"),
    /** A single folder name. */
    NAME("name"),
    /** A file system path; relative paths start at the working directory. */
    PATH("path"),
    /** 32 bytes as 64 hex characters. */
    HEX32("hex"),
    /** Comma-separated words, trimmed, empty ones dropped. */
    LIST("a,b,..."),
    /** Comma-separated public keys (64 hex characters each). */
    KEY_LIST("pubkey,..."),
    /** Comma-separated {@code channel:pubkey} pairs. */
    OWNER_LIST("channel:pubkey,..."),
    /** Comma-separated {@code channel:welcome} pairs (JSON, base64 or {@code @file}). */
    WELCOME_LIST("channel:welcome,..."),
    /** Comma-separated {@code host:port} entries, IPv6 as {@code [addr]:port}. */
    HOST_PORT_LIST("host:port,..."),
    /** One of {@code error, warn, info, debug, trace}. */
    LOG_LEVEL("level");

    private final String paramLabel;

    ValueKind(String paramLabel) {
        this.paramLabel = paramLabel;
    }

    /** The placeholder shown in {@code --help}, without angle brackets. */
    public String paramLabel() {
        return paramLabel;
    }

    /**
     * Whether a flag given without a value means something. Only booleans do; upstream turned
     * any bare flag into the text "true", which silently set tokens and channel names to it.
     */
    public boolean acceptsBareFlag() {
        return this == BOOL;
    }
}
