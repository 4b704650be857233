package net.intercomj.host.subnet.op.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * {@code msg}: posts a chat message (spec §2.5.15). Dispatch {@code {type, msg, address,
 * attachments, deleted_by, reply_to, pinned, pin_id}}, every field required and no other, signed
 * by {@code address}; the whole op is at most {@value #MAX_BYTES} bytes.
 *
 * <p>Chat must be on; unless {@code address} is the admin, it must not be muted
 * ({@code mtd/<address>} missing or {@code false}) and, while the whitelist is on
 * ({@code wlst} is {@code true}), must be whitelisted ({@code wl/<address>} set and not
 * {@code false}). A new message must start undeleted and unpinned ({@code deleted_by} and
 * {@code pin_id} null, {@code pinned} false): the original accepted any values there, which let
 * a poster make a message undeletable or take over another message's pin slot.
 *
 * <p>Writes {@code msg/<n>} = the dispatch, {@code umsg/<address>/<m>} = {@code "msg/<n>"},
 * {@code msgl} = n+1 and {@code umsgl/<address>} = m+1.
 *
 * <p>Before those writes, the contract's chat hook runs ({@link ContractCalls#message}); if it
 * fails, the message is not posted and nothing the hook wrote is kept.
 */
public final class MsgOp implements OpHandler {

    /** Largest {@code msg} op, in bytes of its JSON text (the original's {@code msgMaxBytes()}). */
    public static final int MAX_BYTES = 8192;

    private static final List<String> FIELDS =
            List.of("msg", "address", "attachments", "deleted_by", "reply_to", "pinned", "pin_id");

    private final ContractCalls contract;

    /** @param contract whose chat hook runs before a message is stored */
    public MsgOp(ContractCalls contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
    }

    @Override
    public String type() {
        return "msg";
    }

    @Override
    public int maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            ObjectNode dispatch = DispatchOps.dispatch(op, type(), FIELDS);
            String text = DispatchOps.text(dispatch, "msg", MAX_BYTES);
            String address = DispatchOps.key(dispatch, "address");
            checkAttachments(dispatch.get("attachments"));
            if (!dispatch.get("deleted_by").isNull()) {
                throw new OpRejection("value.dispatch.deleted_by must be null for a new message");
            }
            DispatchOps.nullableId(dispatch, "reply_to");
            if (DispatchOps.bool(dispatch, "pinned")) {
                throw new OpRejection("value.dispatch.pinned must be false for a new message");
            }
            if (!dispatch.get("pin_id").isNull()) {
                throw new OpRejection("value.dispatch.pin_id must be null for a new message");
            }
            if (!context.signedBy(op, address)) {
                throw new OpRejection("not signed by address " + address);
            }
            DispatchOps.fresh(op, context, address);
            DispatchOps.chatOn(context);
            if (!context.isAdmin(address)) {
                if (DispatchOps.setAndNotFalse(context, ViewKeys.muted(address))) {
                    throw new OpRejection(address + " is muted");
                }
                if (context.isTrue(ViewKeys.WHITELIST_ENABLED)
                        && !DispatchOps.setAndNotFalse(context, ViewKeys.whitelisted(address))) {
                    throw new OpRejection(address + " is not on the whitelist");
                }
            }
            OpContext run = context.child();
            Optional<String> refusal = contract.message(op, run);
            if (refusal.isPresent()) {
                throw new OpRejection("the contract's message handler refused the message: " + refusal.get());
            }
            context.keep(run);
            context.markUsed(op, address);
            long n = context.counter(ViewKeys.MESSAGE_COUNT);
            long m = context.counter(ViewKeys.userMessageCount(address));
            context.put(ViewKeys.message(n), dispatch);
            context.put(ViewKeys.userMessage(address, m), ViewKeys.message(n));
            context.put(ViewKeys.MESSAGE_COUNT, n + 1);
            context.put(ViewKeys.userMessageCount(address), m + 1);
            String author = context.text(ViewKeys.nick(address)).orElse(address);
            return OpResult.applied("#" + (n + 1) + " | " + author + ": " + text);
        });
    }

    private static void checkAttachments(JsonNode attachments) throws OpRejection {
        if (!attachments.isArray()) {
            throw new OpRejection("value.dispatch.attachments must be an array of strings");
        }
        for (JsonNode attachment : attachments) {
            if (!attachment.isTextual() || attachment.textValue().isEmpty()) {
                throw new OpRejection("value.dispatch.attachments must hold only non-empty strings");
            }
        }
    }
}
