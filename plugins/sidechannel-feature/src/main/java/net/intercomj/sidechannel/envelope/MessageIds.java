package net.intercomj.sidechannel.envelope;

import java.security.SecureRandom;

/**
 * Message ids {@code <from>:<ts>:<8 base36 chars>} (spec §2.5). The random part comes from a CSPRNG so
 * ids cannot be predicted to force dedupe collisions (fix §6.32).
 */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private MessageIds() {
    }

    /** A new id stamped with the current time; {@code fromHex} null gives the original's {@code anon}. */
    public static String newId(String fromHex) {
        return newId(fromHex, System.currentTimeMillis());
    }

    /** A new id stamped with {@code nowMillis} (the caller's clock). */
    public static String newId(String fromHex, long nowMillis) {
        return (fromHex == null ? "anon" : fromHex) + ":" + nowMillis + ":" + randomBase36(8);
    }

    /** {@code length} characters drawn uniformly from {@code [0-9a-z]} with a CSPRNG. */
    public static String randomBase36(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE36[RANDOM.nextInt(BASE36.length)];
        }
        return new String(out);
    }
}
