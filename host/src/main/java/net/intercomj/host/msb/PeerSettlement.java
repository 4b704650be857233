package net.intercomj.host.msb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.intercomj.api.network.Network;
import net.intercomj.api.network.Registration;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.PeerStore;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.SubnetException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.admin.MsbNetworkOp;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.host.wallet.TracAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A peer's settlement plane: its MSB node and what it pays with. Which MSB it runs:
 * {@code --msb-bootstrap} if given; else the one the subnet records; else, on the subnet's
 * creator, its own embedded MSB (sole validator, with a genesis balance for this peer's wallet,
 * and the subnet deployed on it), so {@code /tx} works offline on a fresh machine; else (a joiner
 * that has not replicated the subnet's record yet) the one the subnet records, once it arrives.
 */
public final class PeerSettlement implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerSettlement.class);
    /** How long the embedded MSB's creator waits for its genesis and deployment to confirm. */
    static final Duration SETUP_DEADLINE = Duration.ofSeconds(60);

    /**
     * @param bootstrap      {@code --msb-bootstrap}: the MSB network to join
     * @param channel        {@code --msb-channel}: its discovery channel; without it, the one named after the bootstrap
     * @param genesisBalance base units the embedded MSB gives this peer's wallet when it creates the network
     */
    public record Settings(Optional<Bytes32> bootstrap, Optional<String> channel, BigInteger genesisBalance) {}

    private final Settings settings;
    private final PeerStore store;
    private final WriterKey key;
    private final PeerWallet wallet;
    private final Network network;
    private final Consumer<String> out;
    private final Payer payer;
    private volatile Optional<MsbNode> node = Optional.empty();
    private volatile Registration waitingForRecord = () -> { };
    private volatile Registration resumeOnChange = () -> { };
    private final java.util.List<Consumer<MsbNode>> whenRunning = new java.util.concurrent.CopyOnWriteArrayList<>();

    private PeerSettlement(Settings settings, PeerStore store, WriterKey key, PeerWallet wallet, Network network,
            Consumer<String> out) {
        this.settings = settings;
        this.store = store;
        this.key = key;
        this.wallet = wallet;
        this.network = network;
        this.out = out;
        this.payer = new Payer(wallet);
    }

    /**
     * Opens (locking it) the MSB store in {@code folder}, where this peer's MSB replica and its
     * MSB writer key live; nothing runs until {@link #attach}.
     */
    public static PeerSettlement open(Settings settings, java.nio.file.Path folder, PeerWallet wallet, Network network,
            Consumer<String> out) throws StoreException {
        PeerStore store = PeerStore.open(folder);
        try {
            return new PeerSettlement(settings, store, WriterKey.loadOrCreate(store.writerKeyFile()), wallet, network, out);
        } catch (StoreException | RuntimeException e) {
            try {
                store.close();
            } catch (java.io.IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Calls {@code listener} with the MSB node once it runs (at once if it does). */
    public void whenRunning(Consumer<MsbNode> listener) {
        whenRunning.add(listener);
        node.ifPresent(listener);
    }

    /** This peer's MSB node, once it runs. */
    public Optional<MsbNode> node() {
        return node;
    }

    /** What signs this peer's payments. */
    public Payer payer() {
        return payer;
    }

    /** The MSB node, or the reason there is none yet. */
    public MsbNode requireNode() throws SettlementRejected {
        return node.orElseThrow(() -> new SettlementRejected(
                "This peer's MSB is not running yet: the subnet's MSB network has not replicated here yet."));
    }

    /** Starts the MSB this peer uses for {@code subnet} (see the class comment). */
    public void attach(SubnetNode subnet, String subnetChannel) throws StoreException, SubnetException {
        Optional<MsbNetwork> recorded = recorded(subnet);
        boolean creator = subnet.writerKey().equals(subnet.subnet());
        if (settings.bootstrap().isPresent()) {
            Bytes32 bootstrap = settings.bootstrap().get();
            start(new MsbNetwork(MsbNetwork.DEVELOPMENT_ID, TracAddress.MAINNET_HRP, bootstrap,
                    settings.channel().orElse(MsbNetwork.defaultChannel(bootstrap))), subnet);
            if (creator && recorded.isEmpty()) {
                record(subnet, node.orElseThrow().network());
            }
        } else if (recorded.isPresent()) {
            MsbNode started = start(recorded.get(), subnet);
            if (creator && started.isCreator()) {
                // A restart after a deployment that did not get through tries again.
                Thread.ofVirtual().name("msb-deploy").start(() -> deployWhenFunded(started, subnet, subnetChannel));
            }
        } else if (creator) {
            Bytes32 own = Bytes32.of(key.publicKey());
            MsbNetwork embedded = new MsbNetwork(MsbNetwork.DEVELOPMENT_ID, TracAddress.MAINNET_HRP, own,
                    settings.channel().orElse(MsbNetwork.defaultChannel(own)));
            MsbNode started = start(embedded, subnet);
            started.initialize(wallet.publicKeyHex(), wallet.address(), settings.genesisBalance());
            record(subnet, embedded);
            Thread.ofVirtual().name("msb-deploy").start(() -> deployWhenFunded(started, subnet, subnetChannel));
        } else {
            java.util.concurrent.atomic.AtomicBoolean starting = new java.util.concurrent.atomic.AtomicBoolean();
            waitingForRecord = subnet.onViewsChanged(() -> {
                if (node.isPresent() || starting.get()) {
                    return;
                }
                recorded(subnet).filter(found -> starting.compareAndSet(false, true)).ifPresent(found ->
                        Thread.ofVirtual().name("msb-start").start(() -> {
                            try {
                                start(found, subnet);
                            } catch (StoreException e) {
                                out.accept("Cannot open the MSB store: " + e.getMessage());
                            }
                        }));
            });
        }
        recorded.filter(found -> node.isPresent() && !found.bootstrap().equals(node.get().network().bootstrap()))
                .ifPresent(found -> out.accept("The subnet settles on the MSB " + found.bootstrap().toHex()
                        + ", but --msb-bootstrap names " + node.get().network().bootstrap().toHex()
                        + ": this peer cannot prove the subnet's transactions, and its apply waits at the first one."));
    }

    private synchronized MsbNode start(MsbNetwork msb, SubnetNode subnet) throws StoreException {
        if (node.isPresent()) {
            return node.get();
        }
        MsbNode started = MsbNode.start(store.folder().resolve("msb"), msb, key, network,
                line -> LOG.debug("MSB: {}", line));
        node = Optional.of(started);
        waitingForRecord.close();
        // A subnet waiting for an MSB record tries again whenever the MSB replica advances.
        resumeOnChange = started.onChange(subnet::resume);
        subnet.resume();
        whenRunning.forEach(listener -> listener.accept(started));
        return started;
    }

    private static Optional<MsbNetwork> recorded(SubnetNode subnet) {
        return subnet.unconfirmed().get(ViewKeys.MSB).flatMap(text -> {
            try {
                JsonNode json = CanonicalJson.parse(text);
                return Optional.of(new MsbNetwork(json.path("networkId").asInt(), TracAddress.MAINNET_HRP,
                        Bytes32.fromHex(json.path("bootstrap").asText()), json.path("channel").asText()));
            } catch (java.io.IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static void record(SubnetNode subnet, MsbNetwork msb) throws SubnetException {
        subnet.append(MsbNetworkOp.of(msb.bootstrap().toHex(), msb.channel(), msb.networkId()));
    }

    /** The embedded MSB's creator deploys its subnet once its genesis balance is confirmed. */
    private void deployWhenFunded(MsbNode msb, SubnetNode subnet, String subnetChannel) {
        try {
            awaitConfirmedBalance(msb);
            if (msb.confirmed().deployment(subnet.subnet().toHex()).isPresent()) {
                return;
            }
            Deployment deployment = payer.deployment(msb, subnet.subnet(), subnetChannel);
            msb.submit(deployment).get(SETUP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            msb.confirmation(deployment.tx()).get(SETUP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            out.accept("Subnet deployed on the embedded MSB: " + deployment.tx());
        } catch (Exception e) {
            out.accept("The subnet could not be deployed on the embedded MSB (deploy it with /deploy_subnet): "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    private void awaitConfirmedBalance(MsbNode msb) throws Exception {
        CompletableFuture<Void> funded = new CompletableFuture<>();
        Runnable check = () -> {
            if (msb.confirmed().balance(wallet.address()).isPresent()) {
                funded.complete(null);
            }
        };
        try (Registration listening = msb.onChange(check)) {
            check.run();
            funded.get(SETUP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The MSB store folder. */
    public java.nio.file.Path folder() {
        return store.folder();
    }

    @Override
    public void close() {
        waitingForRecord.close();
        resumeOnChange.close();
        node.ifPresent(MsbNode::close);
        try {
            store.close();
        } catch (java.io.IOException e) {
            LOG.warn("Closing the MSB store failed: {}", e.getMessage());
        }
    }
}
