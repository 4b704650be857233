package net.intercomj.host.subnet.op;

/**
 * The subnet pins a contract this peer does not have: apply stops before the op until the
 * contract is loaded. The message says which version is needed.
 */
public final class ContractUnavailable extends ApplyPaused {

    public ContractUnavailable(String message) {
        super(message);
    }
}
