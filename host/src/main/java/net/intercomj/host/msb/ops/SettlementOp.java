package net.intercomj.host.msb.ops;

import java.util.Optional;

/**
 * An operation for the MSB: signed by its requester ({@link #address()}), and completed by the
 * validator that appends it ({@link #seal()}). Byte fields are lowercase hex, as in the
 * original's JSON form.
 */
public sealed interface SettlementOp permits TxSettlement, Deployment, Transfer {

    /** The MSB's operation type number: 11 deployment, 12 transaction, 13 transfer. */
    int type();

    /** The requester's account address. */
    String address();

    /** The operation hash the requester signed. */
    String tx();

    /** The validity token the requester built against. */
    String txv();

    /** The requester's nonce. */
    String nonce();

    /** The requester's signature of {@link #tx()}. */
    String signature();

    /** The validator's completion; empty on a partial op. */
    Optional<ValidatorSeal> seal();

    /** The same op completed by {@code seal}. */
    SettlementOp withSeal(ValidatorSeal seal);

    /** What the op is, for messages: "transaction", "deployment" or "transfer". */
    String kind();
}
