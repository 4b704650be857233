package net.intercomj.host.subnet;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.admin.AdminOps;
import net.intercomj.host.subnet.op.chat.ChatOps;

/** The op types every subnet runs: admin and membership, then chat and moderation. */
public final class StandardOps {

    private StandardOps() {}

    public static OpApplier applier(Bytes32 subnet) {
        List<OpHandler> handlers = new ArrayList<>(AdminOps.all());
        handlers.addAll(ChatOps.all());
        return new OpApplier(subnet, handlers);
    }
}
