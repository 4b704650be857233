package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.SubnetStats;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * What {@code GET /v1/status} reports of the peer, in our model (see {@code docs/rpc.md}).
 *
 * @param pubKeyHex          the wallet's public key
 * @param writerKeyHex       this peer's writer key in the subnet
 * @param msbAddress         the wallet's {@code trac1…} address (the original gave it only once its
 *                           MSB client was ready; it is the same address)
 * @param writable           whether this peer may append to the subnet ({@code baseWritable} and
 *                           {@code isWriter}, which the original also gave the same value)
 * @param indexer            whether this peer is an indexer of the confirmed view
 * @param subnetBootstrapHex the subnet's bootstrap (its creator's writer key)
 * @param subnetChannel      the subnet's channel name, as given by {@code --subnet-channel} (the
 *                           original always sent null here, spec §9 item 22c)
 * @param signedLength       entries confirmed (ordered by the indexers and applied)
 * @param unsignedLength     entries known, confirmed or not
 * @param admin              the {@code admin} value of the unconfirmed view, JSON null when unset
 * @param chatStatus         the {@code chat_status} value of the unconfirmed view, JSON null when unset
 */
public record PeerStatus(String pubKeyHex, String writerKeyHex, String msbAddress, boolean writable, boolean indexer,
        String subnetBootstrapHex, String subnetChannel, long signedLength, long unsignedLength, JsonNode admin,
        JsonNode chatStatus) {

    public PeerStatus {
        Objects.requireNonNull(pubKeyHex, "pubKeyHex");
        Objects.requireNonNull(writerKeyHex, "writerKeyHex");
        Objects.requireNonNull(msbAddress, "msbAddress");
        Objects.requireNonNull(subnetBootstrapHex, "subnetBootstrapHex");
        Objects.requireNonNull(subnetChannel, "subnetChannel");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(chatStatus, "chatStatus");
    }

    /**
     * The status of {@code subnet} now. {@code admin} and {@code chatStatus} come from the
     * unconfirmed view, as in the original: what this peer would act on now.
     */
    public static PeerStatus of(SubnetNode subnet, String pubKeyHex, String tracAddress, String subnetChannel) {
        SubnetStats stats = subnet.stats();
        return new PeerStatus(pubKeyHex, subnet.writerKey().toHex(), tracAddress, subnet.isWriter(),
                subnet.isIndexer(), subnet.subnet().toHex(), subnetChannel, stats.confirmedEntries(),
                stats.knownEntries(), ViewValues.json(subnet.unconfirmed().get(ViewKeys.ADMIN)),
                ViewValues.json(subnet.unconfirmed().get(ViewKeys.CHAT_STATUS)));
    }

    /** The original's response shape, with {@code msb.ready} false: {@link StatusHandler} fills in a running MSB. */
    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode peer = out.putObject("peer");
        peer.put("pubKeyHex", pubKeyHex);
        peer.put("writerKeyHex", writerKeyHex);
        peer.put("msbAddress", msbAddress);
        peer.put("baseWritable", writable);
        peer.put("isIndexer", indexer);
        peer.put("isWriter", writable);
        peer.put("subnetBootstrapHex", subnetBootstrapHex);
        peer.put("subnetChannelUtf8", subnetChannel);
        peer.put("subnetSignedLength", signedLength);
        peer.put("subnetUnsignedLength", unsignedLength);
        peer.set("admin", admin.deepCopy());
        peer.set("chatStatus", chatStatus.deepCopy());
        ObjectNode msb = out.putObject("msb");
        msb.put("ready", false);
        msb.putNull("bootstrapHex");
        msb.putNull("networkId");
        msb.putNull("signedLength");
        return out;
    }
}
