package net.intercomj.dist;

import java.security.SecureRandom;
import java.util.HexFormat;

/** SC-Bridge tokens for the peers a test starts: random, so no two runs share one. */
final class BridgeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BridgeTokens() {}

    /** 32 random hex characters. */
    static String random() {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
