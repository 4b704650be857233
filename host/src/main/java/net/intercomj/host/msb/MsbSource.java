package net.intercomj.host.msb;

import net.intercomj.host.msb.state.SettlementRejected;

/** Where commands find the MSB node: it may not run yet on a joiner that has not replicated the subnet's record. */
@FunctionalInterface
public interface MsbSource {

    /** The running MSB node, or why there is none. */
    MsbNode node() throws SettlementRejected;
}
