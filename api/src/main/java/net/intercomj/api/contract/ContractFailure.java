package net.intercomj.api.contract;

/**
 * A contract's deliberate failure of an op, thrown by {@link ContractCall#check} (trac-peer's
 * {@code this.assert}) or by the contract itself. The op's writes are dropped and the message is
 * recorded: a transaction is indexed with {@code err} = the message (or the number, when the
 * message is an integer, as the original did), a chat message is not posted.
 *
 * <p>The message must be deterministic (built from the op and the state only), because every
 * peer records it in its view.
 */
public class ContractFailure extends RuntimeException {

    public ContractFailure(String message) {
        super(message, null, false, false);
    }
}
