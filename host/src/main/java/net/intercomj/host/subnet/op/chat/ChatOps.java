package net.intercomj.host.subnet.op.chat;

import java.util.List;
import net.intercomj.host.subnet.op.OpHandler;

/** The chat and moderation op types (spec §2.5.9 to §2.5.18). */
public final class ChatOps {

    private ChatOps() {}

    /** One handler per chat and moderation op type. */
    public static List<OpHandler> all() {
        return List.of(new MsgOp(), new SetNickOp(), new MuteStatusOp(), new SetModOp(), new DeleteMessageOp(),
                new PinMessageOp(), new UnpinMessageOp(), new EnableWhitelistOp(), new SetWhitelistStatusOp(),
                new EnableTransactionsOp());
    }
}
