package net.intercomj.host.msb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.store.AtomicFiles;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.op.CanonicalJson;

/**
 * The transactions this peer paid for (or is paying for) whose {@code tx} op is not in the
 * subnet yet, kept in a file that is replaced atomically on every change. A restart reads it
 * back, so a paid transaction is never lost (the original kept them in memory, spec §9 item 14).
 */
public final class PendingTxs {

    /** One pending transaction: the signed partial op and the command it pays for. */
    public record Pending(TxSettlement op, JsonNode dispatch) {
        public Pending {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(dispatch, "dispatch");
        }
    }

    private final Path file;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private PendingTxs(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code file}, or starts empty when it does not exist.
     *
     * @throws StoreException if it exists but cannot be read or is not this file's format
     */
    public static PendingTxs open(Path file) throws StoreException {
        PendingTxs txs = new PendingTxs(file);
        if (!Files.exists(file)) {
            return txs;
        }
        try {
            JsonNode json = CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!json.isArray()) {
                throw new StoreException("The pending transactions file " + file + " is not a JSON array");
            }
            for (JsonNode entry : json) {
                if (!(SettlementOpCodec.parse(entry.path("op")) instanceof TxSettlement op) || !entry.has("dispatch")) {
                    throw new StoreException("The pending transactions file " + file + " holds an entry that is not a transaction");
                }
                txs.pending.put(op.tx(), new Pending(op, entry.get("dispatch")));
            }
            return txs;
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("Cannot read the pending transactions file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds a transaction and saves the file before returning. */
    public synchronized void add(Pending tx) throws StoreException {
        pending.put(tx.op().tx(), tx);
        save();
    }

    /** Removes a transaction and saves the file. */
    public synchronized void remove(String tx) throws StoreException {
        if (pending.remove(tx) != null) {
            save();
        }
    }

    /** The pending transactions, oldest first. */
    public synchronized List<Pending> all() {
        return new ArrayList<>(pending.values());
    }

    private void save() throws StoreException {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (Pending tx : pending.values()) {
            json.addObject().<com.fasterxml.jackson.databind.node.ObjectNode>set("op", SettlementOpCodec.write(tx.op()))
                    .set("dispatch", tx.dispatch());
        }
        try {
            AtomicFiles.write(file, CanonicalJson.write(json).getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new StoreException("Cannot save the pending transactions to " + file + ": " + e.getMessage(), e);
        }
    }
}
