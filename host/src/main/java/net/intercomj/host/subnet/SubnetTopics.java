package net.intercomj.host.subnet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.intercomj.host.net.Bytes32;

/**
 * The discovery topic of a subnet channel. The original repeated or cut the channel's bytes to
 * 32 (so the 33-character mainnet preset lost its last character, spec §9 item 26); the topic
 * here is a hash of the whole name, distinct from the sidechannel topics.
 */
public final class SubnetTopics {

    private SubnetTopics() {}

    public static Bytes32 of(String channel) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return Bytes32.of(sha256.digest(("subnet:" + channel).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
