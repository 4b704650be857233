package net.intercomj.host.msb.ops;

import java.util.Optional;

/**
 * A subnet's registration (type 11): transactions of subnet {@code bs} settle only once it is
 * deployed, and its deployer earns a share of their fees.
 *
 * @param bs the subnet's bootstrap
 * @param ic the subnet's channel as 32 bytes
 */
public record Deployment(String address, String tx, String txv, String bs, String ic, String nonce,
        String signature, Optional<ValidatorSeal> seal) implements SettlementOp {

    public static final int TYPE = 11;

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public Deployment withSeal(ValidatorSeal seal) {
        return new Deployment(address, tx, txv, bs, ic, nonce, signature, Optional.of(seal));
    }

    @Override
    public String kind() {
        return "deployment";
    }
}
