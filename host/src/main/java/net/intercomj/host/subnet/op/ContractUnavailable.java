package net.intercomj.host.subnet.op;

/**
 * The subnet pins a contract this peer does not have, so the op cannot be applied here: not a
 * rejection (the peers that have it apply the op), but a reason to stop applying before it
 * until the contract is loaded. The message says which version is needed.
 */
public final class ContractUnavailable extends RuntimeException {

    public ContractUnavailable(String message) {
        super(message, null, false, false);
    }
}
