package net.intercomj.host.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules for a subnet bootstrap key, shared by the flag layer (flag and env values) and the
 * store layer (the {@code subnet-bootstrap.hex} fallback, which upstream also checks against
 * the MSB bootstrap).
 */
public final class SubnetBootstraps {

    /**
     * The bootstrap key of the MSB mainnet. A subnet must never use it: the subnet would then
     * try to replicate the settlement network's log.
     */
    public static final String MSB_MAINNET_BOOTSTRAP =
            "acbc3a4344d3a804101d40e53db1dda82b767646425af73599d4cd6577d69685";

    /** Upstream's exact error for a flag or env value that is not 64 hex characters. */
    public static final String INVALID_MESSAGE = "Invalid --subnet-bootstrap. Provide 32-byte hex (64 chars).";

    /** Upstream's exact error for a subnet bootstrap equal to the MSB bootstrap. */
    public static final String EQUALS_MSB_MESSAGE = "Subnet bootstrap cannot equal MSB bootstrap.";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private SubnetBootstraps() {}

    /** The trimmed, lowercased key if it is 64 hex characters, else empty. */
    public static Optional<String> normalize(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        return HEX64.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    /** Whether {@code normalizedKey} is the MSB mainnet bootstrap. */
    public static boolean isMsbBootstrap(String normalizedKey) {
        return MSB_MAINNET_BOOTSTRAP.equals(normalizedKey);
    }
}
