package net.intercomj.host.msb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.intercomj.api.network.Network;
import net.intercomj.api.network.Registration;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.ValidatorSeal;
import net.intercomj.host.msb.state.GenesisOp;
import net.intercomj.host.msb.state.MsbKeys;
import net.intercomj.host.msb.state.MsbLedger;
import net.intercomj.host.msb.state.MsbOps;
import net.intercomj.host.msb.state.SettleOp;
import net.intercomj.host.msb.state.SettlementChecks;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.SubnetException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of an MSB network: a {@link SubnetNode} running the MSB's ops, so it has the
 * subnet's logs, ordering, checkpoints and views. Every node replicates the MSB and reads
 * balances and confirmed records from its replica; a validator (an indexer of the MSB) also
 * checks partial ops, completes them with its seal and appends them. A node that is not a
 * validator hands its requests to the validators it is linked with.
 */
public final class MsbNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MsbNode.class);
    private static final HexFormat HEX = HexFormat.of();
    /** Why a submission from a node that is not a validator failed when no node answered: it may be sent again. */
    public static final String NO_VALIDATOR = "No MSB validator is connected.";

    private final MsbNetwork network;
    private final SubnetNode node;
    private final WriterKey key;
    private final SettlementChecks checks;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong requestIds = new AtomicLong(new SecureRandom().nextLong() & Long.MAX_VALUE);
    private final Map<Long, CompletableFuture<String>> awaitingReplies = new ConcurrentHashMap<>();
    // Appended here but maybe not in the unconfirmed view yet: a second submission is accepted, not appended again.
    private final Set<String> appended = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<OpResult>> localResults = new ConcurrentHashMap<>();
    private final Object appendLock = new Object();
    // Requests being checked at once; more are dropped (their senders ask again), so a flood costs a bounded amount.
    private final java.util.concurrent.Semaphore requestSlots = new java.util.concurrent.Semaphore(MAX_CONCURRENT_REQUESTS);
    /** Requests from linked nodes checked at the same time, at most. */
    static final int MAX_CONCURRENT_REQUESTS = 32;
    /** Longest rejection reason sent back, in characters. */
    private static final int MAX_REASON = 1000;

    private MsbNode(MsbNetwork network, SubnetNode node, WriterKey key) {
        this.network = network;
        this.node = node;
        this.key = key;
        this.checks = new SettlementChecks(network);
    }

    /**
     * Opens (or creates) this node's replica of {@code network} in {@code folder} and starts
     * replicating on {@code net}.
     *
     * @param key this node's writer key: the network's bootstrap when this node created it
     */
    public static MsbNode start(Path folder, MsbNetwork network, WriterKey key, Network net, Consumer<String> log)
            throws StoreException {
        SubnetNode.Config config = new SubnetNode.Config(folder.resolve(network.bootstrap().toHex().substring(0, 16)),
                network.bootstrap(), network.topic(), key);
        SubnetNode node = SubnetNode.start(config, net, MsbOps.applier(network), log);
        MsbNode msb = new MsbNode(network, node, key);
        node.handleRequests(msb::onRequest);
        node.onReplies(msb::onReply);
        return msb;
    }

    public MsbNetwork network() {
        return network;
    }

    /** The engine underneath, for its stats and the membership commands. */
    public SubnetNode engine() {
        return node;
    }

    /** Whether this node created the network (its writer key is the bootstrap). */
    public boolean isCreator() {
        return HEX.formatHex(key.publicKey()).equals(network.bootstrap().toHex());
    }

    /** This node's address as a validator: where its fee shares go. */
    public String validatorAddress() {
        return network.address(key.publicKey());
    }

    /** Whether this node is a validator, as far as it knows. */
    public boolean isValidator() {
        return unconfirmed().validators().contains(HEX.formatHex(key.publicKey()));
    }

    public MsbLedger confirmed() {
        return new MsbLedger(node.confirmed());
    }

    public MsbLedger unconfirmed() {
        return new MsbLedger(node.unconfirmed());
    }

    /** Calls {@code listener} after each round that may have changed the views. */
    public Registration onChange(Runnable listener) {
        return node.onViewsChanged(listener);
    }

    /**
     * On the network's creator: names the MSB's admin (who adds validators) and gives the
     * genesis balance, each once; a restart finds them done and appends nothing.
     */
    public void initialize(String adminPublicKeyHex, String genesisAddress, BigInteger genesisUnits)
            throws SubnetException {
        if (!isCreator()) {
            return;
        }
        if (node.unconfirmed().get(ViewKeys.ADMIN).isEmpty()) {
            node.append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", adminPublicKeyHex));
        }
        if (node.unconfirmed().get(MsbKeys.GENESIS).isEmpty()) {
            node.append(GenesisOp.of(genesisAddress, genesisUnits));
        }
    }

    /**
     * Checks {@code op} against this replica as its requester would before paying (spec §4.4;
     * no validator address, so the self-validation check is left to the validator).
     */
    public void preflight(SettlementOp op) throws SettlementRejected {
        checks.partial(op, unconfirmed(), confirmed(), Optional.empty());
    }

    /**
     * Submits a partial op: a validator checks, completes and appends it itself; another node
     * asks the validators it is linked with.
     *
     * @return completes with the op's hash once a validator accepted it, or fails with
     *     {@link SettlementRejected} giving the validator's reason
     */
    public CompletableFuture<String> submit(SettlementOp op) {
        if (isValidator()) {
            try {
                return CompletableFuture.completedFuture(validateAndAppend(op));
            } catch (SettlementRejected e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        long id = requestIds.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        awaitingReplies.put(id, reply);
        reply.whenComplete((tx, error) -> awaitingReplies.remove(id));
        String body = CanonicalJson.write(JsonNodeFactory.instance.objectNode().set("submit", SettlementOpCodec.write(op)));
        if (node.request(id, body) == 0) {
            reply.completeExceptionally(new SettlementRejected(NO_VALIDATOR));
        }
        return reply;
    }

    /**
     * Completes when the record of {@code tx} is in the confirmed view; fails with the reason when
     * this validator appended it and apply refused it. The caller bounds the wait.
     */
    public CompletableFuture<MsbLedger.SettledRecord> confirmation(String tx) {
        CompletableFuture<MsbLedger.SettledRecord> done = new CompletableFuture<>();
        Registration[] registration = new Registration[1];
        Runnable check = () -> confirmed().record(tx).ifPresent(done::complete);
        registration[0] = onChange(check);
        done.whenComplete((record, error) -> registration[0].close());
        CompletableFuture<OpResult> local = localResults.get(tx);
        if (local != null) {
            local.thenAccept(result -> {
                if (result instanceof OpResult.Rejected rejected) {
                    done.completeExceptionally(new SettlementRejected(rejected.reason()));
                }
            });
        }
        check.run();
        return done;
    }

    private String validateAndAppend(SettlementOp op) throws SettlementRejected {
        synchronized (appendLock) {
            if (appended.contains(op.tx()) || unconfirmed().record(op.tx()).isPresent()) {
                return op.tx();
            }
            checks.partial(op, unconfirmed(), confirmed(), Optional.of(validatorAddress()));
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            byte[] message = SettlementHashes.validatorMessage(network.networkId(), HEX.parseHex(op.tx()), nonce, op.type());
            SettlementOp complete = op.withSeal(new ValidatorSeal(validatorAddress(), HEX.formatHex(nonce),
                    HEX.formatHex(key.sign(message))));
            try {
                CompletableFuture<OpResult> result = node.append(SettleOp.wrap(complete));
                appended.add(op.tx());
                localResults.put(op.tx(), result);
                result.whenComplete((r, e) -> {
                    appended.remove(op.tx());
                    localResults.remove(op.tx());
                });
            } catch (SubnetException e) {
                throw new SettlementRejected("The validator could not append the operation: " + e.getMessage());
            }
            return op.tx();
        }
    }

    /** A request from a linked node: a validator answers {@code {accepted: tx}} or {@code {error: reason}}. */
    private void onRequest(String body, Consumer<String> reply) {
        if (!isValidator() || !requestSlots.tryAcquire()) {
            return;
        }
        Thread.ofVirtual().name("msb-request").start(() -> {
            try {
                reply.accept(answer(body));
            } finally {
                requestSlots.release();
            }
        });
    }

    /** {@code {accepted: tx}} or {@code {error: reason}}, the reason cut to {@value #MAX_REASON} characters. */
    private String answer(String body) {
        String error;
        try {
            SettlementOp op = SettlementOpCodec.parse(CanonicalJson.parse(body).path("submit"));
            return CanonicalJson.write(JsonNodeFactory.instance.objectNode().put("accepted", validateAndAppend(op)));
        } catch (JsonProcessingException | IllegalArgumentException | SettlementRejected e) {
            error = String.valueOf(e.getMessage());
        }
        if (error.length() > MAX_REASON) {
            error = error.substring(0, MAX_REASON) + "…";
        }
        return CanonicalJson.write(JsonNodeFactory.instance.objectNode().put("error", error));
    }

    private void onReply(long id, String body) {
        CompletableFuture<String> waiting = awaitingReplies.get(id);
        if (waiting == null) {
            return;
        }
        try {
            JsonNode answer = CanonicalJson.parse(body);
            if (answer.path("accepted").isTextual()) {
                waiting.complete(answer.get("accepted").textValue());
            } else {
                waiting.completeExceptionally(new SettlementRejected(answer.path("error").asText("The validator gave no reason.")));
            }
        } catch (JsonProcessingException e) {
            LOG.debug("MSB: an unreadable reply: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        awaitingReplies.values().forEach(waiting -> waiting.cancel(false));
        node.close();
    }
}
