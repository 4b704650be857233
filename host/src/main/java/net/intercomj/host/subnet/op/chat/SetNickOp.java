package net.intercomj.host.subnet.op.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code setNick}: sets the nick of {@code address}, writing {@code nick/<address>} and the
 * reverse index {@code kcin/<nick>} and dropping the old pair (spec §2.5.14). Dispatch
 * {@code {type, nick, address, initiator}}.
 *
 * <p>Authorised when signed by {@code address} itself, by the admin, or by {@code initiator}
 * when it is a moderator other than {@code address} and {@code address} is neither a moderator
 * nor the admin. Chat must be on; nicks are unique (setting your current nick again fails too);
 * a nick is 1 to {@value #MAX_NICK_BYTES} bytes in UTF-8 without control characters, and the
 * signed value at most {@value #MAX_VALUE_BYTES} bytes.
 */
public final class SetNickOp implements OpHandler {

    /** Longest nick, in bytes of UTF-8. */
    public static final int MAX_NICK_BYTES = 32;
    /** Longest {@code value}, in bytes of its JSON text (the original's limit). */
    public static final int MAX_VALUE_BYTES = 256;

    @Override
    public String type() {
        return "setNick";
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), List.of("nick", "address", "initiator"));
            String nick = DispatchOps.text(dispatch, "nick", MAX_NICK_BYTES);
            if (nick.codePoints().anyMatch(Character::isISOControl)) {
                throw new OpRejection("value.dispatch.nick must not contain control characters");
            }
            String address = DispatchOps.key(dispatch, "address");
            String initiator = DispatchOps.key(dispatch, "initiator");
            if (DispatchOps.utf8Length(CanonicalJson.write(op.get("value"))) > MAX_VALUE_BYTES) {
                throw new OpRejection("value must be at most " + MAX_VALUE_BYTES + " bytes as JSON");
            }
            String signer = signer(op, context, address, initiator);
            DispatchOps.fresh(op, context, signer);
            DispatchOps.chatOn(context);
            if (context.get(ViewKeys.nickOwner(nick)).isPresent()) {
                throw new OpRejection("nick " + nick + " is taken");
            }
            context.markUsed(op, signer);
            Optional<String> old = context.text(ViewKeys.nick(address));
            if (old.isPresent()) {
                context.delete(ViewKeys.nickOwner(old.get()));
            }
            context.put(ViewKeys.nick(address), nick);
            context.put(ViewKeys.nickOwner(nick), address);
            return OpResult.applied("Changed nick to " + nick + " (" + address + ")");
        });
    }

    private static String signer(JsonNode op, OpContext context, String address, String initiator)
            throws OpRejection {
        if (context.signedBy(op, address)) {
            return address;
        }
        if (DispatchOps.signedByAdmin(op, context)) {
            return context.admin().orElseThrow();
        }
        String reason = "not signed by address " + address + " or by the admin";
        if (!context.isMod(initiator)) {
            throw new OpRejection(reason + ", and initiator " + initiator + " is not a moderator");
        }
        if (initiator.equals(address)) {
            throw new OpRejection(reason);
        }
        if (context.isMod(address)) {
            throw new OpRejection("a moderator cannot change another moderator's nick");
        }
        if (context.isAdmin(address)) {
            throw new OpRejection("a moderator cannot change the admin's nick");
        }
        if (!context.signedBy(op, initiator)) {
            throw new OpRejection(reason + ", nor by the moderator " + initiator);
        }
        return initiator;
    }
}
