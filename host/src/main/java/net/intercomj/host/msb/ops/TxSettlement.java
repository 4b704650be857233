package net.intercomj.host.msb.ops;

import java.util.Optional;

/**
 * A contract transaction's receipt (type 12): the requester pays the fee for running
 * {@code ch}'s command on subnet {@code bs} through the subnet writer {@code iw}.
 *
 * @param iw  the subnet writer key that will append the subnet's {@code tx} op
 * @param ch  BLAKE3 of the command's JSON, {@code {"type":…,"value":…}}
 * @param bs  the subnet's bootstrap
 * @param mbs the MSB's bootstrap
 */
public record TxSettlement(String address, String tx, String txv, String iw, String ch, String bs, String mbs,
        String nonce, String signature, Optional<ValidatorSeal> seal) implements SettlementOp {

    public static final int TYPE = 12;

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public TxSettlement withSeal(ValidatorSeal seal) {
        return new TxSettlement(address, tx, txv, iw, ch, bs, mbs, nonce, signature, Optional.of(seal));
    }

    @Override
    public String kind() {
        return "transaction";
    }
}
