package net.intercomj.host.msb.state;

/** An op the MSB refuses, with the reason shown to its requester. */
public final class SettlementRejected extends Exception {

    public SettlementRejected(String reason) {
        super(reason, null, false, false);
    }
}
