package net.intercomj.host.subnet.op.contract;

import net.intercomj.host.subnet.op.SettlementProofs;

/**
 * For tests of the contract side of {@code tx} ops without an MSB: every claim passes. The
 * settlement proof itself is tested with a real MSB replica (MsbProofsTest, SettlementIT).
 */
public final class AcceptingProofs {

    public static final SettlementProofs ACCEPT = (claim, context) -> { };

    private AcceptingProofs() {}
}
