package net.intercomj.host.subnet.op.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.wallet.Ed25519Keys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/**
 * The admin and membership ops (spec §2.5.1–2.5.8) through the {@link OpApplier}, as a subnet
 * applies them: from the creator's genesis, each op appended by a writer's log.
 */
class AdminOpsApplyTest {

    private static final byte[] CREATOR_SEED = seed(1);
    private static final byte[] JOINER_SEED = seed(2);
    private static final byte[] OTHER_SEED = seed(3);
    private static final Bytes32 CREATOR = key(CREATOR_SEED);
    private static final Bytes32 JOINER = key(JOINER_SEED);
    private static final Bytes32 OTHER = key(OTHER_SEED);
    private static final Bytes32 SUBNET = CREATOR;
    private static final PeerWallet ADMIN = PeerWallet.generate();
    private static final PeerWallet STRANGER = PeerWallet.generate();

    private final Map<String, String> stored = new HashMap<>();
    private final ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));
    private final OpApplier applier = new OpApplier(SUBNET, AdminOps.all());
    private final Map<Bytes32, LogEntry> lastEntry = new HashMap<>();

    AdminOpsApplyTest() {
        applier.genesisIfEmpty(view, view);
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        return seed;
    }

    private static Bytes32 key(byte[] seed) {
        return Bytes32.of(Ed25519Keys.publicKey(seed));
    }

    /** Applies {@code op} appended by the writer with {@code seed}. */
    private OpResult apply(byte[] seed, JsonNode op) {
        return applyText(seed, CanonicalJson.write(op));
    }

    private OpResult applyText(byte[] seed, String op) {
        Bytes32 writer = key(seed);
        LogEntry entry = LogEntry.append(SUBNET, writer, lastEntry.get(writer), List.of(), 0, op,
                message -> Ed25519Keys.sign(seed, message));
        lastEntry.put(writer, entry);
        return applier.apply(entry, view);
    }

    private static ObjectNode addAdmin(String key) {
        return JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", key);
    }

    private static ObjectNode msgOp(PeerWallet signer, String type, String key) {
        return msgOp(SUBNET, signer, type, key);
    }

    private static ObjectNode msgOp(Bytes32 subnet, PeerWallet signer, String type, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", type).put("key", key);
        return OpSignature.sign(subnet, type, key, value, signer::sign);
    }

    private static String reason(OpResult result) {
        assertThat(result).isInstanceOf(OpResult.Rejected.class);
        return ((OpResult.Rejected) result).reason();
    }

    private void withAdmin() {
        assertThat(apply(CREATOR_SEED, addAdmin(ADMIN.publicKeyHex())))
                .isEqualTo(OpResult.applied("Admin added: " + ADMIN.publicKeyHex()));
    }

    @Test
    void genesisMakesTheCreatorTheOnlyWriterAndIndexer() {
        assertThat(view.get("wri/" + CREATOR.toHex())).contains("{\"indexer\":true}");
        assertThat(view.get("indexers")).contains("[\"" + CREATOR.toHex() + "\"]");
        assertThat(view.get("wrl")).contains("1");
    }

    @Test
    void onlyTheCreatorSetsTheFirstAdminOnceWithAWholeKey() {
        withAdmin();
        assertThat(reason(apply(CREATOR_SEED, addAdmin(STRANGER.publicKeyHex())))).isEqualTo("the admin is already set");
        assertThat(view.get("admin")).contains("\"" + ADMIN.publicKeyHex() + "\"");
    }

    @Test
    void addAdminRefusesShortEmptyOrUppercaseKeysAndOtherWriters() {
        for (String bad : List.of("", "ab", ADMIN.publicKeyHex().toUpperCase(), ADMIN.publicKeyHex() + "00")) {
            assertThat(reason(apply(CREATOR_SEED, addAdmin(bad)))).contains("64 lowercase hex");
        }
        // A writer other than the creator, before any admin exists.
        view.put("wri/" + JOINER.toHex(), "{\"indexer\":false}");
        assertThat(reason(apply(JOINER_SEED, addAdmin(STRANGER.publicKeyHex()))))
                .isEqualTo("only the subnet bootstrap writer may set the initial admin");
    }

    @Test
    void theAdminAddsAWriterWhoseOpsThenApply() {
        assertThat(reason(apply(JOINER_SEED, addAdmin(STRANGER.publicKeyHex())))).contains("not a writer of this subnet");
        withAdmin();
        ObjectNode add = msgOp(ADMIN, "addWriter", JOINER.toHex());
        assertThat(apply(CREATOR_SEED, add)).isEqualTo(OpResult.applied("Writer added: " + JOINER.toHex()));
        assertThat(view.get("wri/" + JOINER.toHex())).contains("{\"indexer\":false}");
        assertThat(view.get("wrl")).contains("2");
        assertThat(view.get("sh/" + add.get("hash").textValue())).isPresent();
        assertThat(view.get("nc/" + ADMIN.publicKeyHex() + "/" + add.get("nonce").textValue())).isPresent();
        // The joiner's own ops are now taken: here an admin op it relays.
        assertThat(apply(JOINER_SEED, msgOp(ADMIN, "setChatStatus", "on"))).isEqualTo(OpResult.applied("Set chat_status: on"));
    }

    @Test
    void adminOpsNeedTheAdminsFreshSignatureForThisTypeAndSubnet() {
        assertThat(reason(apply(CREATOR_SEED, msgOp(ADMIN, "addWriter", JOINER.toHex())))).isEqualTo("the subnet has no admin");
        withAdmin();
        assertThat(reason(apply(CREATOR_SEED, msgOp(STRANGER, "addWriter", JOINER.toHex())))).isEqualTo("not signed by the admin");
        assertThat(reason(apply(CREATOR_SEED, msgOp(OTHER, ADMIN, "addWriter", JOINER.toHex()))))
                .isEqualTo("not signed by the admin");
        ObjectNode chatOn = msgOp(ADMIN, "setChatStatus", "on");
        ObjectNode relabelled = chatOn.deepCopy();
        relabelled.put("type", "setAutoAddWriters");
        ((ObjectNode) relabelled.get("value").get("msg")).put("type", "setAutoAddWriters");
        // The original's signature covered only {type, key} of msg and the nonce: this replay passed.
        assertThat(reason(apply(CREATOR_SEED, relabelled))).isEqualTo("not signed by the admin");
        assertThat(apply(CREATOR_SEED, chatOn)).isInstanceOf(OpResult.Applied.class);
        assertThat(reason(apply(CREATOR_SEED, chatOn))).isEqualTo("signature or nonce already used");
        ObjectNode mismatched = msgOp(ADMIN, "addWriter", JOINER.toHex());
        ((ObjectNode) mismatched.get("value").get("msg")).put("key", OTHER.toHex());
        assertThat(reason(apply(CREATOR_SEED, mismatched))).isEqualTo("value.msg.key must equal key");
    }

    @Test
    void theLastIndexerCannotBeRemovedAndRemovingAWriterCountsDown() {
        withAdmin();
        assertThat(reason(apply(CREATOR_SEED, msgOp(ADMIN, "removeWriter", CREATOR.toHex()))))
                .isEqualTo("Not allowed to remove the last indexer");
        assertThat(reason(apply(CREATOR_SEED, msgOp(ADMIN, "removeWriter", JOINER.toHex())))).startsWith("not a writer");
        apply(CREATOR_SEED, msgOp(ADMIN, "addWriter", JOINER.toHex()));
        assertThat(apply(CREATOR_SEED, msgOp(ADMIN, "removeWriter", JOINER.toHex())))
                .isEqualTo(OpResult.applied("Writer removed: " + JOINER.toHex()));
        assertThat(view.get("wri/" + JOINER.toHex())).isEmpty();
        assertThat(view.get("wrl")).contains("1");
        assertThat(reason(apply(JOINER_SEED, msgOp(ADMIN, "setChatStatus", "on")))).contains("not a writer of this subnet");
    }

    @Test
    void addIndexerPromotesAWriterAndThenTheCreatorCanBeRemoved() {
        withAdmin();
        apply(CREATOR_SEED, msgOp(ADMIN, "addWriter", JOINER.toHex()));
        assertThat(apply(CREATOR_SEED, msgOp(ADMIN, "addIndexer", JOINER.toHex())))
                .isEqualTo(OpResult.applied("Indexer added: " + JOINER.toHex()));
        assertThat(view.get("wrl")).contains("2");
        List<String> sorted = new ArrayList<>(List.of(CREATOR.toHex(), JOINER.toHex()));
        sorted.sort(null);
        assertThat(view.get("indexers")).contains("[\"" + sorted.get(0) + "\",\"" + sorted.get(1) + "\"]");
        assertThat(apply(CREATOR_SEED, msgOp(ADMIN, "removeWriter", CREATOR.toHex()))).isInstanceOf(OpResult.Applied.class);
        assertThat(view.get("indexers")).contains("[\"" + JOINER.toHex() + "\"]");
    }

    @Test
    void aWaivedAdminIsGoneForGood() {
        withAdmin();
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("type", "updateAdmin")
                .put("address", ADMIN.publicKeyHex());
        dispatch.putNull("admin");
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set("dispatch", dispatch);
        assertThat(apply(CREATOR_SEED, OpSignature.sign(SUBNET, "updateAdmin", null, value, ADMIN::sign)))
                .isEqualTo(OpResult.applied("Changed admin " + ADMIN.publicKeyHex() + " to null"));
        assertThat(view.get("admin")).contains("null");
        assertThat(reason(apply(CREATOR_SEED, msgOp(ADMIN, "addWriter", JOINER.toHex())))).isEqualTo("the subnet has no admin");
        assertThat(reason(apply(CREATOR_SEED, addAdmin(STRANGER.publicKeyHex())))).isEqualTo("the admin is already set");
    }

    private static ObjectNode autoAdd(byte[] signerSeed, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("key", key);
        return OpSignature.sign(SUBNET, "autoAddWriter", key, value, message -> Ed25519Keys.sign(signerSeed, message));
    }

    @Test
    void autoAddTakesOnlyAJoinersOwnSignedRequestWhileOnAndNotBanned() {
        withAdmin();
        assertThat(reason(apply(CREATOR_SEED, autoAdd(JOINER_SEED, JOINER.toHex())))).isEqualTo("auto_add_writers is off");
        apply(CREATOR_SEED, msgOp(ADMIN, "setAutoAddWriters", "on"));
        // In the original any writer could add any key this way.
        assertThat(reason(apply(CREATOR_SEED, autoAdd(CREATOR_SEED, JOINER.toHex()))))
                .isEqualTo("not signed by the writer key it adds");
        view.put("bnd/" + OTHER.toHex(), "true");
        assertThat(reason(apply(CREATOR_SEED, autoAdd(OTHER_SEED, OTHER.toHex())))).startsWith("banned");
        assertThat(apply(CREATOR_SEED, autoAdd(JOINER_SEED, JOINER.toHex())))
                .isEqualTo(OpResult.applied("Writer auto added: " + JOINER.toHex()));
        assertThat(reason(apply(CREATOR_SEED, autoAdd(JOINER_SEED, JOINER.toHex())))).startsWith("already a writer");
    }

    @Test
    void malformedUnknownAndOversizedOpsAreRejectedWithoutWrites() {
        int before = view.size();
        assertThat(reason(applyText(CREATOR_SEED, "{not json"))).isEqualTo("the op is not valid JSON");
        assertThat(reason(applyText(CREATOR_SEED, "[1,2]"))).isEqualTo("the op is not a JSON object");
        assertThat(reason(applyText(CREATOR_SEED, "{\"type\":\"\"}"))).contains("type must be a string");
        assertThat(reason(applyText(CREATOR_SEED, "{\"type\":\"nuke\"}"))).isEqualTo("unknown op type: nuke");
        assertThat(reason(applyText(CREATOR_SEED, "{\"type\":\"addAdmin\",\"key\":\"" + "a".repeat(20_000) + "\"}")))
                .contains("over its limit");
        assertThat(view.size()).isEqualTo(before);
    }

    @Test
    void aHandlerThatThrowsIsRejectedItsWritesDroppedAndTheNextOpApplies() {
        OpHandler exploding = new OpHandler() {
            @Override
            public String type() {
                return "explode";
            }

            @Override
            public OpResult apply(JsonNode op, OpContext context) {
                context.put("half", "written");
                throw new IllegalStateException("boom");
            }
        };
        List<OpHandler> handlers = new ArrayList<>(AdminOps.all());
        handlers.add(exploding);
        OpApplier withBomb = new OpApplier(SUBNET, handlers);
        LogEntry first = LogEntry.append(SUBNET, CREATOR, null, List.of(), 0, "{\"type\":\"explode\"}",
                message -> Ed25519Keys.sign(CREATOR_SEED, message));
        assertThat(reason(withBomb.apply(first, view))).contains("explode failed").contains("boom");
        assertThat(view.get("half")).isEmpty();
        LogEntry second = LogEntry.append(SUBNET, CREATOR, first, List.of(), 0, CanonicalJson.write(addAdmin(ADMIN.publicKeyHex())),
                message -> Ed25519Keys.sign(CREATOR_SEED, message));
        assertThat(withBomb.apply(second, view)).isInstanceOf(OpResult.Applied.class);
    }
}
