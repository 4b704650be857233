package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.apps.services.SubnetService;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.contract.PinnedContract;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.LocalSubnets;
import net.intercomj.host.subnet.SignedOps;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;
import net.intercomj.host.subnet.op.contract.AcceptingProofs;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The features of GraalJS apps on two real subnet peers, with the apps of
 * {@code src/test/resources/js/apps}: {@code clock} (a trac-peer timer feature appending
 * {@code currentTime} every 100 ms, and a contract storing it) and {@code idle} (an app loaded
 * but not pinned, whose feature must not run).
 */
@Timeout(180)
class JsFeatureSubnetTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Path APPS = Path.of("src", "test", "resources", "js", "apps");

    @TempDir
    Path folder;

    private LocalSubnets subnets;
    private final List<Peer> peers = new ArrayList<>();
    private final Logger jsLog = (Logger) LoggerFactory.getLogger("net.intercomj.host.js");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    /** A peer with the fixture apps loaded and its features following the pin. */
    private record Peer(PeerWallet wallet, SubnetNode node, JsApps.Report apps, JsFeatures features) {
        String pubkey() {
            return wallet.publicKeyHex();
        }

        String hash(String app) {
            return apps.loaded().stream().filter(loaded -> loaded.id().equals(app)).findFirst().orElseThrow().versionHash();
        }
    }

    @BeforeEach
    void capture() {
        log.start();
        jsLog.addAppender(log);
    }

    @AfterEach
    void close() throws Exception {
        peers.forEach(peer -> peer.features().close());
        if (subnets != null) {
            subnets.close();
        }
        peers.forEach(peer -> peer.apps().loaded().forEach(loaded -> loaded.app().close()));
        jsLog.detachAppender(log);
    }

    private Peer peer(String name, Bytes32 subnetOrNull) throws Exception {
        if (subnets == null) {
            subnets = new LocalSubnets(folder, "js-features");
        }
        ContractApps apps = new ContractApps();
        JsApps.Report report = JsApps.loadAll(APPS, apps);
        assertThat(report.problems()).isEmpty();
        LocalSubnets.Peer started = subnets.start(name, subnetOrNull,
                subnet -> StandardOps.applier(subnet, new PinnedContract(apps), AcceptingProofs.ACCEPT));
        apps.onChange(started.node()::resume);
        SubnetNode node = started.node();
        JsFeatures features = JsFeatures.start(new SubnetService(() -> Optional.of(node), Optional::empty, started.wallet()),
                started.wallet(), () -> ContractPin.in(node.confirmed()), report::loaded);
        node.onViewsChanged(features::refresh);
        Peer peer = new Peer(started.wallet(), node, report, features);
        peers.add(peer);
        return peer;
    }

    private static OpResult confirmed(CompletableFuture<OpResult> result) throws Exception {
        return result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theAdminsFeatureFeedsTheContractOnEveryPeerAndOnlyThePinnedAppsFeaturesRun() throws Exception {
        Peer creator = peer("creator", null);
        assertThat(creator.apps().loaded()).extracting(JsApps.Loaded::id).containsExactly("clock", "idle");
        assertThat(creator.apps().loaded().getFirst().app().featureNames()).containsExactly("timer");
        // Nothing pinned yet: no feature runs, however long we look.
        await().during(Duration.ofMillis(300)).atMost(DEADLINE).until(() -> creator.features().running().isEmpty());

        assertThat(confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("clock", creator.hash("clock"))))))
                .isEqualTo(OpResult.applied("Contract pinned: clock " + creator.hash("clock")));
        // Pinned: the clock app's feature runs, the idle app's does not. Not the admin yet: nothing appended.
        await().atMost(DEADLINE).until(() -> creator.features().running().equals(List.of("clock/timer")));
        await().atMost(DEADLINE).until(() -> lines().contains("app clock feature timer: first append by "
                + creator.pubkey() + ": false"));
        assertThat(creator.node().confirmed().get("app/clock/currentTime")).isEmpty();

        confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                .put("key", creator.pubkey())));
        await().atMost(DEADLINE).until(() -> creator.node().confirmed().get("app/clock/currentTime").isPresent());
        long appended = Long.parseLong(creator.node().confirmed().get("app/clock/currentTime").orElseThrow());
        assertThat(appended).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        assertThat(creator.node().confirmed().get("app/clock/by")).contains("\"" + creator.pubkey() + "\"");

        // A joiner made a writer runs the feature too, but is not the admin: it appends nothing,
        // and gets the admin's data.
        Peer joiner = peer("joiner", creator.node().subnet());
        confirmed(creator.node().append(SignedOps.adminMsgOp(creator.node().subnet(), creator.wallet(), "addWriter",
                joiner.node().writerKey().toHex())));
        await().atMost(DEADLINE).until(() -> joiner.node().isWriter());
        await().atMost(DEADLINE).until(() -> joiner.features().running().equals(List.of("clock/timer")));
        await().atMost(DEADLINE).until(() -> lines().contains("app clock feature timer: first append by "
                + joiner.pubkey() + ": false"));
        long seen = Long.parseLong(joiner.node().confirmed().get("app/clock/currentTime").orElse("0"));
        await().atMost(DEADLINE).until(() -> Long.parseLong(joiner.node().confirmed().get("app/clock/currentTime")
                .orElse("0")) > seen);
        assertThat(joiner.node().confirmed().get("app/clock/by")).contains("\"" + creator.pubkey() + "\"");
        assertThat(lines()).doesNotContain("app idle feature idle: the idle feature runs");
        assertThat(creator.node().confirmed().get("app/idle/ran")).isEmpty();

        // The admin pins the idle app: the timer stops on both peers and the idle app's feature runs.
        assertThat(confirmed(creator.node().append(SignedOps.adminMsgOp(creator.node().subnet(), creator.wallet(),
                UpgradeContractOp.TYPE, UpgradeContractOp.key("idle", creator.hash("idle"))))))
                .isEqualTo(OpResult.applied("Contract pinned: idle " + creator.hash("idle")));
        await().atMost(DEADLINE).until(() -> creator.node().confirmed().get("app/idle/ran").isPresent());
        // (the idle feature appends once and ends)
        await().atMost(DEADLINE).until(() -> lines().stream()
                .filter(line -> line.equals("app idle feature idle: the idle feature runs")).count() == 2);
        assertThat(joiner.features().features()).extracting(JsFeature::name).containsExactly("idle");
        assertThat(lines()).contains("app clock feature timer: timer stopped on " + creator.pubkey(),
                "app clock feature timer: timer stopped on " + joiner.pubkey());
        String last = creator.node().confirmed().get("app/clock/currentTime").orElseThrow();
        await().during(Duration.ofMillis(500)).atMost(DEADLINE)
                .until(() -> creator.node().confirmed().get("app/clock/currentTime").orElseThrow().equals(last));
    }

    @Test
    void closingStopsTheFeaturesPromptly() throws Exception {
        Peer creator = peer("creator", null);
        confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("clock", creator.hash("clock")))));
        confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                .put("key", creator.pubkey())));
        await().atMost(DEADLINE).until(() -> creator.node().confirmed().get("app/clock/currentTime").isPresent());

        creator.features().close();
        assertThat(creator.features().running()).isEmpty();
        assertThat(lines()).contains("app clock feature timer: timer stopped on " + creator.pubkey());
        String last = creator.node().unconfirmed().get("app/clock/currentTime").orElseThrow();
        await().during(Duration.ofMillis(500)).atMost(DEADLINE)
                .until(() -> creator.node().unconfirmed().get("app/clock/currentTime").orElseThrow().equals(last));
        // A refresh after closing starts nothing.
        creator.features().refresh();
        assertThat(creator.features().running()).isEmpty();
    }
}
