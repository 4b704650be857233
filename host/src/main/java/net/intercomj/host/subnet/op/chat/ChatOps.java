package net.intercomj.host.subnet.op.chat;

import java.util.List;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpHandler;

/** The chat and moderation op types (spec §2.5.9 to §2.5.18). */
public final class ChatOps {

    private ChatOps() {}

    /** One handler per chat and moderation op type; a chat message also runs {@code contract}'s chat hook. */
    public static List<OpHandler> all(ContractCalls contract) {
        return List.of(new MsgOp(contract), new SetNickOp(), new MuteStatusOp(), new SetModOp(), new DeleteMessageOp(),
                new PinMessageOp(), new UnpinMessageOp(), new EnableWhitelistOp(), new SetWhitelistStatusOp(),
                new EnableTransactionsOp());
    }
}
