package net.intercomj.host.terminal.commands.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.host.subnet.SubnetException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;

/**
 * What the subnet commands share: the subnet, the wallet that signs, the local permission checks
 * (advisory, on the unconfirmed view, as in the original: apply checks again) and appending.
 */
public final class SubnetCommands {

    private final SubnetNode subnet;
    private final PeerWallet wallet;

    public SubnetCommands(SubnetNode subnet, PeerWallet wallet) {
        this.subnet = subnet;
        this.wallet = wallet;
    }

    SubnetNode subnet() {
        return subnet;
    }

    String self() {
        return wallet.publicKeyHex();
    }

    boolean isAdmin() {
        return subnet.unconfirmed().get(ViewKeys.ADMIN).map(admin -> admin.equals("\"" + self() + "\"")).orElse(false);
    }

    boolean isMod() {
        return subnet.unconfirmed().get(ViewKeys.mod(self())).map("true"::equals).orElse(false);
    }

    void requireAdmin() throws CommandException {
        if (!isAdmin()) {
            throw new CommandException("Only admin may perform this operation.");
        }
    }

    void requireAdminOrMod() throws CommandException {
        if (!isAdmin() && !isMod()) {
            throw new CommandException("Only admin or mod may perform this operation.");
        }
    }

    /** A 32-byte key option, trimmed and lowercased, or the error {@code invalid}. */
    static String keyOption(CommandArgs args, String name, String invalid) throws CommandException {
        String key = args.value(name).map(value -> value.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (!OpContext.KEY_HEX.matcher(key).matches()) {
            throw new CommandException(invalid);
        }
        return key;
    }

    /** A required non-negative integer option. */
    static long idOption(CommandArgs args, String name) throws CommandException {
        Optional<String> value = args.value(name);
        try {
            long id = Long.parseLong(value.orElseThrow().trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (RuntimeException e) {
            throw new CommandException("Invalid --" + name + ". Expected a non-negative integer.");
        }
    }

    /** A required boolean option given as 1 or 0 (or true/false). */
    static boolean boolOption(CommandArgs args, String name) throws CommandException {
        if (!args.has(name)) {
            throw new CommandException("Missing --" + name + " 1|0.");
        }
        return args.flag(name);
    }

    /** Signs a "msg-signed" op {@code {type, key, value: {msg: {type, key}}}} with this peer's wallet. */
    ObjectNode adminMsgOp(String type, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", type).put("key", key);
        return OpSignature.sign(subnet.subnet(), type, key, value, wallet::sign);
    }

    /** Signs a "dispatch-signed" op {@code {type, value: {dispatch}}} with this peer's wallet. */
    ObjectNode dispatchOp(String type, ObjectNode dispatch) {
        dispatch.put("type", type);
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set("dispatch", dispatch);
        return OpSignature.sign(subnet.subnet(), type, null, value, wallet::sign);
    }

    /** Appends {@code op}; its apply log line is printed when it is confirmed. */
    void append(JsonNode op) throws CommandException {
        try {
            subnet.append(op);
        } catch (SubnetException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
