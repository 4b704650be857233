package net.intercomj.host.bridge.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The peer's public facts that {@code info} returns, with the original's keys (spec §3.5). Only
 * public values: keys, addresses, bootstraps, paths and channels, never a secret. A plane that
 * is not running gives {@code null}.
 *
 * @param msbBootstrap      the settlement network's bootstrap key
 * @param msbChannel        the settlement network's channel
 * @param msbStore          the settlement store's folder
 * @param msbDhtBootstrap   the settlement network's discovery nodes
 * @param peerStore         the peer store's folder
 * @param peerDhtBootstrap  the peer's discovery nodes, {@code host:port}
 * @param subnetBootstrap   the subnet's bootstrap key, 64 hex
 * @param subnetChannel     the subnet's channel
 * @param peerPubkey        the peer's public key, 64 hex
 * @param peerTracAddress   the peer's {@code trac1…} address
 * @param peerWriterKey     the peer's subnet writer key, 64 hex
 * @param sidechannelEntry  the entry channel, when the sidechannel plane runs
 * @param sidechannelExtras the other channels joined at start
 */
public record PeerInfo(Optional<String> msbBootstrap, Optional<String> msbChannel, Optional<String> msbStore,
        Optional<List<String>> msbDhtBootstrap, String peerStore, Optional<List<String>> peerDhtBootstrap,
        String subnetBootstrap, String subnetChannel, String peerPubkey, String peerTracAddress, String peerWriterKey,
        Optional<String> sidechannelEntry, List<String> sidechannelExtras) {

    public PeerInfo {
        Objects.requireNonNull(peerStore, "peerStore");
        Objects.requireNonNull(peerPubkey, "peerPubkey");
        sidechannelExtras = List.copyOf(sidechannelExtras);
    }

    ObjectNode toJson() {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("msbBootstrap", msbBootstrap.orElse(null));
        info.put("msbChannel", msbChannel.orElse(null));
        info.put("msbStore", msbStore.orElse(null));
        list(info, "msbDhtBootstrap", msbDhtBootstrap);
        info.put("peerStore", peerStore);
        list(info, "peerDhtBootstrap", peerDhtBootstrap);
        info.put("subnetBootstrap", subnetBootstrap);
        info.put("subnetChannel", subnetChannel);
        info.put("peerPubkey", peerPubkey);
        info.put("peerTracAddress", peerTracAddress);
        info.put("peerWriterKey", peerWriterKey);
        info.put("sidechannelEntry", sidechannelEntry.orElse(null));
        ArrayNode extras = info.putArray("sidechannelExtras");
        sidechannelExtras.forEach(extras::add);
        return info;
    }

    private static void list(ObjectNode info, String key, Optional<List<String>> values) {
        if (values.isEmpty()) {
            info.putNull(key);
        } else {
            ArrayNode array = info.putArray(key);
            values.get().forEach(array::add);
        }
    }
}
