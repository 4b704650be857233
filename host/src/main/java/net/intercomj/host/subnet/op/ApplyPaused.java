package net.intercomj.host.subnet.op;

/**
 * An op cannot be applied on this peer yet: not a rejection (peers that have what it needs apply
 * it), but a reason to stop applying before it until this peer has it. The message says what is
 * missing; {@link net.intercomj.host.subnet.SubnetNode#resume()} retries.
 */
public abstract sealed class ApplyPaused extends RuntimeException permits ContractUnavailable, SettlementPending {

    protected ApplyPaused(String message) {
        super(message, null, false, false);
    }
}
