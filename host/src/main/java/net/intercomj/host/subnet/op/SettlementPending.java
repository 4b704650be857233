package net.intercomj.host.subnet.op;

/**
 * A {@code tx} op names an MSB record this peer's MSB replica has not confirmed yet: apply
 * waits before the op until the replica catches up. Skipping it instead would make this peer's
 * view differ from its peers' (the original's local skip rule, spec §9 item 6).
 */
public final class SettlementPending extends ApplyPaused {

    public SettlementPending(String message) {
        super(message);
    }
}
