package net.intercomj.host.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.LocalSubnets.Peer;
import net.intercomj.host.subnet.op.OpResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real peers on loopback run one subnet: the creator orders, a joiner becomes a writer, views agree. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubnetNodeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private LocalSubnets subnets;

    private Peer peer(String name, Bytes32 subnetOrNull) throws Exception {
        if (subnets == null) {
            subnets = new LocalSubnets(folder, "test-subnet");
        }
        return subnets.start(name, subnetOrNull, StandardOps::applier);
    }

    @AfterEach
    void close() throws Exception {
        if (subnets != null) {
            subnets.close();
        }
    }

    private static ObjectNode adminMsgOp(Peer signer, String type, String key) {
        return SignedOps.adminMsgOp(signer.node().subnet(), signer.wallet(), type, key);
    }

    private static ObjectNode post(Peer author, String text) {
        return SignedOps.post(author.node().subnet(), author.wallet(), text);
    }

    private static OpResult confirmed(java.util.concurrent.CompletableFuture<OpResult> result) throws Exception {
        return result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void theCreatorOrdersAJoinerBecomesAWriterAndEveryViewAgrees() throws Exception {
        Peer admin = peer("admin", null);
        Peer joiner = peer("joiner", admin.node().subnet());
        assertThat(admin.node().isWriter()).isTrue();
        assertThat(admin.node().isIndexer()).isTrue();
        assertThat(joiner.node().isWriter()).isFalse();
        assertThatThrownBy(() -> joiner.node().append(post(joiner, "too early")))
                .isInstanceOf(SubnetException.class).hasMessage("Peer is not writable.");

        ObjectNode addAdmin = JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", admin.pubkey());
        assertThat(confirmed(admin.node().append(addAdmin))).isInstanceOf(OpResult.Applied.class);
        assertThat(confirmed(admin.node().append(adminMsgOp(admin, "setChatStatus", "on"))))
                .isInstanceOf(OpResult.Applied.class);
        assertThat(confirmed(admin.node().append(adminMsgOp(admin, "addWriter", joiner.node().writerKey().toHex()))))
                .isInstanceOf(OpResult.Applied.class);

        await().atMost(DEADLINE).until(() -> joiner.node().isWriter());
        OpResult posted = confirmed(joiner.node().append(post(joiner, "hello from the joiner")));
        assertThat(posted).isEqualTo(OpResult.applied("#1 | " + joiner.pubkey() + ": hello from the joiner"));
        admin.node().append(post(admin, "hello back"));

        await().atMost(DEADLINE).until(() -> joiner.node().confirmed().get("msgl").equals(java.util.Optional.of("2")));
        for (String key : List.of("admin", "chat_status", "msgl", "msg/0", "msg/1", "wrl", "indexers",
                "wri/" + joiner.node().writerKey().toHex())) {
            assertThat(joiner.node().confirmed().get(key)).as(key).isEqualTo(admin.node().confirmed().get(key))
                    .isPresent();
        }
        assertThat(admin.log()).contains("Admin added: " + admin.pubkey(), "Set chat_status: on",
                "Writer added: " + joiner.node().writerKey().toHex(), "#2 | " + admin.pubkey() + ": hello back");
        assertThat(joiner.node().stats().halted()).isNull();
        assertThat(joiner.node().stats().rollbacks()).isZero();
    }

    @Test
    void whileAutoAddIsOnAJoinerBecomesAWriterByAskingWithItsOwnSignature() throws Exception {
        Peer admin = peer("admin", null);
        admin.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", admin.pubkey()));
        Peer early = peer("early", admin.node().subnet());
        await().atMost(DEADLINE).until(() -> early.node().stats().peers() == 1);
        // Auto-add is off: asking does nothing.
        assertThat(early.node().isWriter()).isFalse();
        confirmed(admin.node().append(adminMsgOp(admin, "setAutoAddWriters", "on")));

        await().atMost(DEADLINE).until(() -> early.node().isWriter());
        Peer late = peer("late", admin.node().subnet());
        await().atMost(DEADLINE).until(() -> late.node().isWriter());
        await().atMost(DEADLINE).until(() -> admin.log().contains("Writer auto added: " + late.node().writerKey().toHex()));
        assertThat(admin.log()).contains("Writer auto added: " + early.node().writerKey().toHex())
                .noneMatch(line -> line.startsWith("Op rejected"));
        assertThat(admin.node().confirmed().get("wrl")).contains("3");
    }

    @Test
    void threeIndexersOrderTogetherAndWhenTheLeaderDiesTheOtherTwoGoOn() throws Exception {
        Peer admin = peer("admin", null);
        Peer second = peer("second", admin.node().subnet());
        Peer third = peer("third", admin.node().subnet());
        List<Peer> all = List.of(admin, second, third);
        admin.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", admin.pubkey()));
        confirmed(admin.node().append(adminMsgOp(admin, "setChatStatus", "on")));
        for (Peer joiner : List.of(second, third)) {
            String key = joiner.node().writerKey().toHex();
            assertThat(confirmed(admin.node().append(adminMsgOp(admin, "addWriter", key)))).isInstanceOf(OpResult.Applied.class);
            assertThat(confirmed(admin.node().append(adminMsgOp(admin, "addIndexer", key)))).isInstanceOf(OpResult.Applied.class);
        }
        await().atMost(DEADLINE).until(() -> all.stream().allMatch(peer -> peer.node().isIndexer()));
        assertThat(admin.node().stats().indexers()).hasSize(3);

        // Each batch now needs two of the three indexers' signatures, and every writer's posts are confirmed.
        List<java.util.concurrent.CompletableFuture<OpResult>> posts = new ArrayList<>();
        for (Peer author : all) {
            await().atMost(DEADLINE).until(() -> author.node().isWriter());
            posts.add(author.node().append(post(author, "before, from " + author.pubkey())));
        }
        for (var result : posts) {
            assertThat(confirmed(result)).isInstanceOf(OpResult.Applied.class);
        }
        await().atMost(DEADLINE).until(() -> all.stream().allMatch(peer -> peer.node().confirmed().get("msgl")
                .equals(java.util.Optional.of("3"))));
        String leaderKey = admin.node().stats().consensus().leader().orElseThrow();
        assertThat(all).allMatch(peer -> peer.node().stats().consensus().leader().equals(java.util.Optional.of(leaderKey)));

        Peer leader = all.stream().filter(peer -> peer.node().writerKey().toHex().equals(leaderKey)).findFirst().orElseThrow();
        List<Peer> rest = all.stream().filter(peer -> peer != leader).toList();
        long termBefore = rest.getFirst().node().stats().consensus().term();
        leader.node().close();
        leader.network().close();

        await().atMost(DEADLINE).until(() -> rest.stream().anyMatch(peer -> peer.node().stats().consensus().role().equals("leader")));
        OpResult after = confirmed(rest.getFirst().node().append(post(rest.getFirst(), "after the leader left")));
        assertThat(after).isInstanceOf(OpResult.Applied.class);
        await().atMost(DEADLINE).until(() -> rest.stream().allMatch(peer -> peer.node().confirmed().get("msgl")
                .equals(java.util.Optional.of("4"))));
        assertThat(rest.getFirst().node().confirmed().get("msg/3")).isEqualTo(rest.getLast().node().confirmed().get("msg/3"));
        assertThat(rest).allMatch(peer -> peer.node().stats().consensus().term() > termBefore)
                .allMatch(peer -> peer.node().stats().halted() == null);
    }

    @Test
    void aNewReaderCatchesUpOnALongBacklogAndShowsItsProgress() throws Exception {
        Peer admin = peer("admin", null);
        admin.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", admin.pubkey()));
        confirmed(admin.node().append(adminMsgOp(admin, "setChatStatus", "on")));
        for (int i = 0; i < 60; i++) {
            // One at a time, so each is a batch of its own and the reader has a long backlog.
            confirmed(admin.node().append(post(admin, "message " + i)));
        }

        Peer reader = peer("reader", admin.node().subnet());
        await().atMost(DEADLINE).until(() -> reader.node().confirmed().get("msgl").equals(java.util.Optional.of("60")));
        assertThat(reader.node().confirmed().get("msg/59")).isEqualTo(admin.node().confirmed().get("msg/59"));
        assertThat(reader.node().stats().appliedBatches()).isEqualTo(admin.node().stats().confirmedBatches());
        assertThat(reader.log()).anyMatch(line -> line.startsWith("Subnet catching up: "))
                .anyMatch(line -> line.startsWith("Subnet caught up: " + admin.node().stats().confirmedBatches() + " batches"));
    }
}
