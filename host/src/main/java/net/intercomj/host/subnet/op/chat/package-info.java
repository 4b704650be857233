/**
 * The chat and moderation ops of the subnet plane, the original's "dispatch-signed" family
 * (spec §2.4 B, §2.5.9 to §2.5.18): posting ({@code msg}), nicks, mutes, moderators, deleting and
 * pinning messages, the whitelist and the transactions switch. {@link
 * net.intercomj.host.subnet.op.chat.ChatOps#all} lists the handlers.
 *
 * <p>Each op is {@code {type, value: {dispatch: {type, ...}}, hash, nonce}}, signed with
 * {@link net.intercomj.host.subnet.op.OpSignature} (bound to the op type and the subnet) by the
 * admin, a moderator or the user, as each op allows. Fixes over the original: the dispatch must
 * name the op type and carry exactly its fields, each checked for type and range; signatures and
 * nonces are single-use; no path dereferences a missing admin; and every failed check is a
 * rejection with a reason, never an exception (spec §9 items 2, 4, 11 and 12).
 */
package net.intercomj.host.subnet.op.chat;
