package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * What an op handler sees while it applies one op: the view as left by the ops before it, its
 * own writes, who appended it, and the subnet's rules for signatures and replays. One context
 * per op; nothing in it is shared between ops or threads.
 */
public final class OpContext {

    /** A 32-byte key as 64 lowercase hex characters. */
    public static final Pattern KEY_HEX = Pattern.compile("^[0-9a-f]{64}$");

    private final Bytes32 subnet;
    private final LogEntry entry;
    private final ViewOverlay view;
    private final VerifiedSignatures verified;
    /** The context whose view lies below this one's, for a {@link #child()}; otherwise null. */
    private final OpContext parent;

    public OpContext(Bytes32 subnet, LogEntry entry, ViewOverlay view) {
        this(subnet, entry, view, null);
    }

    /** @param verified signatures verified before, or null to verify every one */
    public OpContext(Bytes32 subnet, LogEntry entry, ViewOverlay view, VerifiedSignatures verified) {
        this.subnet = subnet;
        this.entry = java.util.Objects.requireNonNull(entry, "entry");
        this.view = view;
        this.verified = verified;
        this.parent = null;
    }

    private OpContext(OpContext parent) {
        this.subnet = parent.subnet;
        this.entry = parent.entry;
        this.view = new ViewOverlay(parent.view);
        this.verified = parent.verified;
        this.parent = parent;
    }

    /** The subnet's first state, before any op: its creator is its only writer and indexer. */
    static void writeGenesis(Bytes32 subnet, ViewOverlay view) {
        OpContext context = new OpContext(subnet, view);
        Membership.add(context, subnet.toHex(), true);
    }

    private OpContext(Bytes32 subnet, ViewOverlay view) {
        this.subnet = subnet;
        this.entry = null;
        this.view = view;
        this.verified = null;
        this.parent = null;
    }

    /**
     * A context for the same op whose writes stay apart: it reads this context's view and its own
     * writes, and they reach this context only through {@link #keep}. Lets an op drop part of its
     * work, e.g. a contract's writes when the contract failed (spec §9 item 5).
     */
    public OpContext child() {
        return new OpContext(this);
    }

    /** Moves the writes of {@code child}, made by this context's {@link #child()}, into this context. */
    public void keep(OpContext child) {
        if (child.parent != this) {
            throw new IllegalArgumentException("Not a child of this context");
        }
        child.view.commitInto(view);
    }

    /** The subnet: its bootstrap writer key. */
    public Bytes32 subnet() {
        return subnet;
    }

    /** The writer key that appended the op. */
    public Bytes32 writer() {
        return entry.writer();
    }

    /** The log entry that carries the op. */
    public LogEntry entry() {
        return entry;
    }

    /** The JSON value of {@code key}, or empty when unset. */
    public Optional<JsonNode> get(String key) {
        Optional<String> text = view.get(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CanonicalJson.parse(text.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The view holds invalid JSON at " + key, e);
        }
    }

    /** This context's view as raw JSON text per key, as the ops before it and its own writes left it. */
    public ViewReader reader() {
        return view::get;
    }

    /** Whether {@code key} holds exactly the boolean {@code true}. */
    public boolean isTrue(String key) {
        return get(key).map(JsonNode::isBoolean).orElse(false) && get(key).get().booleanValue();
    }

    /** The text of {@code key}, if it holds a string. */
    public Optional<String> text(String key) {
        return get(key).filter(JsonNode::isTextual).map(JsonNode::textValue);
    }

    /** A non-negative counter at {@code key}; 0 when unset. */
    public long counter(String key) {
        return get(key).filter(JsonNode::canConvertToLong).map(JsonNode::longValue).orElse(0L);
    }

    public void put(String key, JsonNode value) {
        view.put(key, CanonicalJson.write(value));
    }

    public void put(String key, String text) {
        put(key, JsonNodeFactory.instance.textNode(text));
    }

    public void put(String key, boolean value) {
        put(key, JsonNodeFactory.instance.booleanNode(value));
    }

    public void put(String key, long value) {
        put(key, JsonNodeFactory.instance.numberNode(value));
    }

    public void delete(String key) {
        view.delete(key);
    }

    // ---- the subnet's administrative state

    /** The admin's public key; empty before {@code addAdmin} and after the admin was waived. */
    public Optional<String> admin() {
        return text(ViewKeys.ADMIN);
    }

    /** Whether the {@code admin} key exists at all (a waived admin is a stored null). */
    public boolean adminKeyExists() {
        return get(ViewKeys.ADMIN).isPresent();
    }

    /** Whether {@code pubkeyHex} is the current admin. */
    public boolean isAdmin(String pubkeyHex) {
        return admin().map(admin -> admin.equals(pubkeyHex)).orElse(false);
    }

    /** Whether {@code pubkeyHex} is a moderator. */
    public boolean isMod(String pubkeyHex) {
        return isTrue(ViewKeys.mod(pubkeyHex));
    }

    // ---- signatures and replays

    /** Whether the op's signature is {@code signerHex}'s (bound to this subnet and the op type). */
    public boolean signedBy(JsonNode op, String signerHex) {
        return signerHex != null && OpSignature.verify(subnet, op, normalizedKey(signerHex), verified);
    }

    /**
     * Whether the op's signature or its signer's nonce was used before. The original only kept
     * signatures ({@code sh/}); the nonce is kept per signer too (fix of spec §9 item 12).
     */
    public boolean replayed(JsonNode op, String signerHex) {
        return get(ViewKeys.signatureUsed(op.path("hash").asText().toLowerCase(Locale.ROOT))).isPresent()
                || get(ViewKeys.nonceUsed(normalizedKey(signerHex), op.path("nonce").asText())).isPresent();
    }

    /** Records the op's signature and nonce as used. */
    public void markUsed(JsonNode op, String signerHex) {
        put(ViewKeys.signatureUsed(op.path("hash").asText().toLowerCase(Locale.ROOT)), "");
        put(ViewKeys.nonceUsed(normalizedKey(signerHex), op.path("nonce").asText()), "");
    }

    /** Lowercase; the key itself is checked by the signature verification. */
    public static String normalizedKey(String hex) {
        return hex == null ? null : hex.trim().toLowerCase(Locale.ROOT);
    }
}
