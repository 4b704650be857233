package net.intercomj.host.msb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.apps.services.NetworkService;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.MsbLedger;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.SettlementPending;
import net.intercomj.host.subnet.op.SettlementProofs.Claim;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.subnet.op.admin.MsbNetworkOp;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settlement proof of a subnet's {@code tx} op, read from a real MSB node (its own sole
 * validator, on a loopback network) that settled a deployment (seq 0) and one transaction (seq 1).
 */
@Timeout(60)
class MsbProofsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    static Path folder;

    private static DhtNode dht;
    private static PeerNetwork network;
    private static MsbNode msb;
    private static WriterKey validatorKey;
    /** Pays the deployment and the transaction. */
    private static PeerWallet payer;
    /** The subnet's bootstrap writer: it records the MSB in the subnet's view. */
    private static PeerWallet subnetKey;
    private static Bytes32 subnet;
    private static JsonNode dispatch;
    private static TxSettlement paid;
    private static MsbLedger.SettledRecord record;
    private static Deployment deployment;

    @BeforeAll
    static void settleOneTransaction() throws Exception {
        dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
        network = PeerNetwork.start(PeerWallet.generate(), new PeerNetwork.Settings(List.of(dht.localAddress()), 0,
                List.of(), SwarmConfig.defaults(LOOPBACK)));
        validatorKey = WriterKey.loadOrCreate(folder.resolve("msb.key"));
        msb = MsbNode.start(folder.resolve("msb"), MsbNetwork.development(Bytes32.of(validatorKey.publicKey())),
                validatorKey, new NetworkService(network), line -> { });
        assertThat(msb.isCreator()).isTrue();
        payer = PeerWallet.generate();
        msb.initialize(payer.publicKeyHex(), payer.address(), Amounts.ONE);
        await().atMost(DEADLINE).until(() -> msb.confirmed().balance(payer.address()).isPresent());
        assertThat(msb.isValidator()).isTrue();

        subnetKey = PeerWallet.generate();
        subnet = Bytes32.of(subnetKey.publicKey());
        Payer pays = new Payer(payer);
        deployment = pays.deployment(msb, subnet, "proofs-subnet");
        msb.submit(deployment).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        msb.confirmation(deployment.tx()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        dispatch = CanonicalJson.parse("{\"type\":\"set\",\"value\":{\"key\":\"a\",\"n\":7}}");
        // The subnet's bootstrap writer appends it (it is the writer of subnetContext()).
        paid = pays.transaction(msb, dispatch, subnet, subnet);
        msb.preflight(paid);
        assertThat(msb.submit(paid).get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(paid.tx());
        record = msb.confirmation(paid.tx()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(record.seq()).isEqualTo(1);
        assertThat(msb.confirmed().length()).isEqualTo(2);
    }

    @AfterAll
    static void close() {
        if (msb != null) {
            msb.close();
        }
        if (network != null) {
            network.close();
        }
        if (dht != null) {
            dht.close();
        }
    }

    // ---- the subnet side

    private static final MsbProofs PROOFS = new MsbProofs(() -> Optional.ofNullable(msb));

    /** A context of subnet {@code bootstrap}'s next op, whose view records {@code msbBootstrap} (when given) as its MSB. */
    private static OpContext context(PeerWallet bootstrap, Optional<String> msbBootstrap) {
        Bytes32 key = Bytes32.of(bootstrap.publicKey());
        ViewOverlay view = new ViewOverlay(k -> Optional.empty());
        msbBootstrap.ifPresent(hex -> {
            ObjectNode op = MsbNetworkOp.of(hex, MsbNetwork.defaultChannel(Bytes32.fromHex(hex)), MsbNetwork.DEVELOPMENT_ID);
            OpResult recorded = new MsbNetworkOp().apply(op, new OpContext(key, entry(key, bootstrap, op), view));
            assertThat(recorded).isInstanceOf(OpResult.Applied.class);
        });
        return new OpContext(key, entry(key, bootstrap, JsonNodeFactory.instance.objectNode().put("type", "tx")), view);
    }

    private static LogEntry entry(Bytes32 subnet, PeerWallet writer, JsonNode op) {
        return LogEntry.append(subnet, Bytes32.of(writer.publicKey()), null, List.of(), 0, CanonicalJson.write(op),
                writer::sign);
    }

    private static OpContext subnetContext() {
        return context(subnetKey, Optional.of(msb.network().bootstrap().toHex()));
    }

    private static Claim claim(String tx, long msbsl) {
        return new Claim(tx, msbsl, dispatch, payer.publicKeyHex(), validatorKey.publicKeyHex());
    }

    private static Claim paidClaim() {
        return claim(paid.tx(), msb.confirmed().length());
    }

    @Test
    void aClaimMatchingTheConfirmedRecordPasses() throws Exception {
        PROOFS.verify(paidClaim(), subnetContext());
        // The first length that holds the record (seq + 1) is enough.
        PROOFS.verify(claim(paid.tx(), record.seq() + 1), subnetContext());
    }

    @Test
    void aSignedLengthThatDoesNotYetHoldTheRecordIsRejected() {
        for (long msbsl : List.of(0L, record.seq())) {
            assertThatThrownBy(() -> PROOFS.verify(claim(paid.tx(), msbsl), subnetContext()))
                    .isExactlyInstanceOf(OpRejection.class)
                    .hasMessage("the MSB has no confirmed record of transaction " + paid.tx() + " at signed length "
                            + msbsl);
        }
    }

    @Test
    void anUnknownTransactionIsRejectedOnceTheReplicaIsPastItsSignedLength() {
        String unknown = "cd".repeat(32);
        assertThatThrownBy(() -> PROOFS.verify(claim(unknown, msb.confirmed().length()), subnetContext()))
                .isExactlyInstanceOf(OpRejection.class)
                .hasMessageContaining("no confirmed record of transaction " + unknown);
    }

    @Test
    void anUnknownTransactionBeyondTheReplicaWaits() {
        String unknown = "cd".repeat(32);
        long beyond = msb.confirmed().length() + 1;
        assertThatThrownBy(() -> PROOFS.verify(claim(unknown, beyond), subnetContext()))
                .isInstanceOf(SettlementPending.class)
                .hasMessageContaining("needs MSB signed length " + beyond);
    }

    @Test
    void aRecordTheReplicaHoldsDecidesEvenForALargerSignedLength() throws Exception {
        // Records never change, so a replica behind msbsl that already holds the record decides.
        PROOFS.verify(claim(paid.tx(), msb.confirmed().length() + 5), subnetContext());
    }

    @Test
    void aSubnetWithoutARecordedMsbRejects() {
        assertThatThrownBy(() -> PROOFS.verify(paidClaim(), context(subnetKey, Optional.empty())))
                .isExactlyInstanceOf(OpRejection.class)
                .hasMessageContaining("records no MSB network");
    }

    @Test
    void aTransactionAppendedByAnotherWriterThanThePaidOneIsRejected() {
        PeerWallet otherWriter = PeerWallet.generate();
        ViewOverlay view = new ViewOverlay(key -> Optional.empty());
        OpContext recorded = context(subnetKey, Optional.of(msb.network().bootstrap().toHex()));
        view.put("msb", recorded.reader().get("msb").orElseThrow());
        OpContext byOther = new OpContext(subnet, entry(subnet, otherWriter,
                JsonNodeFactory.instance.objectNode().put("type", "tx")), view);
        assertThatThrownBy(() -> PROOFS.verify(paidClaim(), byOther))
                .isExactlyInstanceOf(OpRejection.class)
                .hasMessage("transaction " + paid.tx() + " was paid to be appended by writer " + subnet.toHex()
                        + ", not " + Bytes32.of(otherWriter.publicKey()).toHex());
    }

    @Test
    void aTransactionPaidForAnotherSubnetIsRejected() {
        PeerWallet other = PeerWallet.generate();
        assertThatThrownBy(() -> PROOFS.verify(paidClaim(), context(other, Optional.of(msb.network().bootstrap().toHex()))))
                .isExactlyInstanceOf(OpRejection.class)
                .hasMessage("transaction " + paid.tx() + " was paid for subnet " + subnet.toHex() + ", not this one");
    }

    @Test
    void aCommandOtherThanTheOnePaidForIsRejected() throws Exception {
        JsonNode changed = CanonicalJson.parse("{\"type\":\"set\",\"value\":{\"key\":\"a\",\"n\":8}}");
        Claim claim = new Claim(paid.tx(), msb.confirmed().length(), changed, payer.publicKeyHex(),
                validatorKey.publicKeyHex());
        assertThatThrownBy(() -> PROOFS.verify(claim, subnetContext()))
                .isExactlyInstanceOf(OpRejection.class)
                .hasMessageStartingWith("the command of transaction " + paid.tx() + " is not the one paid for")
                .hasMessageContaining("MSB record " + paid.ch());
    }

    @Test
    void anotherRequesterIsRejected() {
        String stranger = PeerWallet.generate().publicKeyHex();
        Claim claim = new Claim(paid.tx(), msb.confirmed().length(), dispatch, stranger, validatorKey.publicKeyHex());
        assertThatThrownBy(() -> PROOFS.verify(claim, subnetContext()))
                .isExactlyInstanceOf(OpRejection.class)
                .hasMessage("ipk " + stranger + " is not the requester of transaction " + paid.tx());
    }

    @Test
    void anotherValidatorIsRejected() {
        // The requester is not the validator either.
        for (String wp : List.of(PeerWallet.generate().publicKeyHex(), payer.publicKeyHex())) {
            Claim claim = new Claim(paid.tx(), msb.confirmed().length(), dispatch, payer.publicKeyHex(), wp);
            assertThatThrownBy(() -> PROOFS.verify(claim, subnetContext()))
                    .isExactlyInstanceOf(OpRejection.class)
                    .hasMessage("wp " + wp + " is not the validator of transaction " + paid.tx());
        }
    }

    @Test
    void aRecordThatIsNotATransactionIsRejected() {
        assertThatThrownBy(() -> PROOFS.verify(claim(deployment.tx(), msb.confirmed().length()), subnetContext()))
                .isExactlyInstanceOf(OpRejection.class)
                .hasMessage("the MSB record of " + deployment.tx() + " is a deployment, not a transaction");
    }

    @Test
    void theMsbOfAnotherNetworkOrNoneYetWaits() {
        String otherMsb = "ef".repeat(32);
        assertThatThrownBy(() -> PROOFS.verify(paidClaim(), context(subnetKey, Optional.of(otherMsb))))
                .isInstanceOf(SettlementPending.class)
                .hasMessageContaining("settles on the MSB " + otherMsb);
        MsbProofs noNode = new MsbProofs(Optional::empty);
        assertThatThrownBy(() -> noNode.verify(paidClaim(), subnetContext()))
                .isInstanceOf(SettlementPending.class)
                .hasMessageContaining("which this peer does not replicate yet");
    }
}
