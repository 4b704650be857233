package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Proves that a {@code tx} op was paid for: its MSB record, confirmed at the MSB length the op
 * names, matches the op (spec §2.5.20 items 5 to 10). The settlement plane implements it on
 * this peer's MSB replica.
 */
@FunctionalInterface
public interface SettlementProofs {

    /** For a peer without a settlement client: every {@code tx} op is rejected. */
    SettlementProofs NONE = (proof, context) -> {
        throw new OpRejection("this peer has no settlement (MSB) client to check transaction " + proof.tx());
    };

    /**
     * What a {@code tx} op claims.
     *
     * @param tx       the transaction hash (the op's key)
     * @param msbsl    the MSB signed length at which the record is confirmed
     * @param dispatch the command, {@code {type, value}}
     * @param ipk      the requester's public key
     * @param wp       the validator's public key
     */
    record Claim(String tx, long msbsl, JsonNode dispatch, String ipk, String wp) {}

    /**
     * Checks {@code claim} against the MSB, reading the subnet's state through {@code context}.
     *
     * @throws OpRejection        if the MSB's record does not prove the claim (every peer decides alike)
     * @throws SettlementPending  if this peer's MSB replica is not far enough yet to decide
     */
    void verify(Claim claim, OpContext context) throws OpRejection;
}
