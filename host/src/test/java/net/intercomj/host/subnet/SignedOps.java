package net.intercomj.host.subnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.wallet.PeerWallet;

/** Signed ops as the terminal commands build them, for tests that drive real subnet nodes. */
public final class SignedOps {

    private SignedOps() {}

    /** An admin op {@code {type, key, value: {msg: {type, key}}}} signed by {@code signer}. */
    public static ObjectNode adminMsgOp(Bytes32 subnet, PeerWallet signer, String type, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", type).put("key", key);
        return OpSignature.sign(subnet, type, key, value, signer::sign);
    }

    /** A chat message by {@code author}, as {@code /post} makes it. */
    public static ObjectNode post(Bytes32 subnet, PeerWallet author, String text) {
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("type", "msg").put("msg", text)
                .put("address", author.publicKeyHex());
        dispatch.putArray("attachments");
        dispatch.putNull("deleted_by");
        dispatch.putNull("reply_to");
        dispatch.put("pinned", false);
        dispatch.putNull("pin_id");
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set("dispatch", dispatch);
        return OpSignature.sign(subnet, "msg", null, value, author::sign);
    }
}
