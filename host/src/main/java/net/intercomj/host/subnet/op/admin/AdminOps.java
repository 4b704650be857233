package net.intercomj.host.subnet.op.admin;

import java.util.List;
import net.intercomj.host.subnet.op.OpHandler;

/** The admin, membership and settings op types. */
public final class AdminOps {

    private AdminOps() {}

    public static List<OpHandler> all() {
        return List.of(new AddAdminOp(), new UpdateAdminOp(), new AddWriterOp(), new AddIndexerOp(),
                new RemoveWriterOp(), new SetAutoAddWritersOp(), new AutoAddWriterOp(), new SetChatStatusOp(), new UpgradeContractOp());
    }
}
