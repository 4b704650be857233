package net.intercomj.host.msb.ops;

import java.util.Objects;

/**
 * A validator's completion of an op: its address {@code va}, a fresh nonce {@code vn}, and its
 * signature {@code vs} of BLAKE3(u32be(networkId) ‖ tx ‖ vn ‖ u32be(type)).
 */
public record ValidatorSeal(String address, String nonce, String signature) {
    public ValidatorSeal {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
    }
}
