package net.intercomj.host.msb.state;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.msb.MsbNetwork;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.admin.AddAdminOp;
import net.intercomj.host.subnet.op.admin.AddIndexerOp;
import net.intercomj.host.subnet.op.admin.RemoveWriterOp;
import net.intercomj.host.subnet.op.admin.UpdateAdminOp;

/**
 * The op types of an MSB: membership (its admin adds validators, which are its indexers, as a
 * subnet's admin adds indexers), the genesis balance, and settlement.
 */
public final class MsbOps {

    private MsbOps() {}

    public static OpApplier applier(MsbNetwork network) {
        List<OpHandler> handlers = new ArrayList<>(List.of(new AddAdminOp(), new UpdateAdminOp(), new AddIndexerOp(),
                new RemoveWriterOp()));
        handlers.add(new GenesisOp(network));
        handlers.add(new SettleOp(network));
        return new OpApplier(network.bootstrap(), handlers);
    }
}
