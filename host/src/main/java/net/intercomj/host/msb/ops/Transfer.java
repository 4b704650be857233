package net.intercomj.host.msb.ops;

import java.util.Optional;

/**
 * A payment (type 13) of {@code am} base units to {@code to}; the sender pays the amount and the fee.
 *
 * @param to the recipient's address
 * @param am the amount, 16 bytes big-endian
 */
public record Transfer(String address, String tx, String txv, String to, String am, String nonce,
        String signature, Optional<ValidatorSeal> seal) implements SettlementOp {

    public static final int TYPE = 13;

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public Transfer withSeal(ValidatorSeal seal) {
        return new Transfer(address, tx, txv, to, am, nonce, signature, Optional.of(seal));
    }

    @Override
    public String kind() {
        return "transfer";
    }
}
