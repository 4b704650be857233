package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What {@code hello} tells a client before it authenticates (spec §3.2).
 *
 * @param peer          the peer's public key, 64 hex
 * @param address       its {@code trac1…} address
 * @param entryChannel  the sidechannel entry channel
 * @param defaultFilter the filter every new client starts with ({@code --sc-bridge-filter})
 */
public record Hello(String peer, String address, String entryChannel, String defaultFilter) {

    public Hello {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(entryChannel, "entryChannel");
        Objects.requireNonNull(defaultFilter, "defaultFilter");
    }

    /** The fields this record writes; plugins cannot add fields of these names. */
    static final java.util.Set<String> FIELDS = java.util.Set.of("type", "peer", "address", "entryChannel", "filter",
            "requiresAuth");

    ObjectNode toJson() {
        ObjectNode hello = JsonNodeFactory.instance.objectNode();
        hello.put("type", "hello");
        hello.put("peer", peer);
        hello.put("address", address);
        hello.put("entryChannel", entryChannel);
        hello.put("filter", defaultFilter);
        hello.put("requiresAuth", true);
        return hello;
    }
}
