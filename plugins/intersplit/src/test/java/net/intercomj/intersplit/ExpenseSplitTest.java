package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import net.intercomj.testkit.TestWallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpenseSplitTest {

    private static final long T0 = 1_795_382_579_129L;

    @TempDir
    Path dir;

    private final FakeSidechannels.Hub hub = new FakeSidechannels.Hub();
    private final MutableClock clock = new MutableClock(T0);
    private TestPeer a;
    private TestPeer b;

    @BeforeEach
    void peers() {
        a = new TestPeer(hub, clock, dir.resolve("a"));
        b = new TestPeer(hub, clock, dir.resolve("b"));
        a.sidechannels.join("trip", java.util.Optional.empty(), java.util.Optional.empty());
        b.sidechannels.join("trip", java.util.Optional.empty(), java.util.Optional.empty());
        a.app.start();
        b.app.start();
        hub.pump();
    }

    private static String addMessage(SignedExpense signed) {
        return Json.object().put("app", ExpenseSplit.APP).put("type", "expense_add").put("event", signed.toJson()).build().toJson();
    }

    private SignedExpense signedBy(TestWallet wallet, String txId, long ts) {
        Expense event = Expense.of(txId, "alice", 3000, List.of("alice", "bob"), "dinner", ts, wallet.publicKeyHex());
        return Signatures.sign(wallet, "trip", event);
    }

    @Test
    void aLocalAddReachesThePeerAndIsSavedOnBoth() {
        ExpenseSplit.Added added = a.app.add(" Trip ", "Alice", "30", List.of("alice", "bob"), "dinner");
        assertThat(added.channel()).isEqualTo("trip");
        assertThat(added.broadcasted()).isTrue();
        assertThat(added.event().event().by()).isEqualTo(a.key());
        assertThat(added.event().event().txId()).startsWith(a.key().substring(0, 12) + ":" + T0 + ":");
        hub.pump();
        assertThat(b.app.list("TRIP")).containsExactly(added.event().event());
        assertThat(b.reloaded().room("trip").signedEvents()).containsExactly(added.event());
        assertThat(a.reloaded().room("trip").signedEvents()).containsExactly(added.event());
    }

    @Test
    void anEventWhoseByIsNotTheSenderIsRejected() {
        // B relays A's genuinely signed event as a live add: the sender is not the author.
        SignedExpense genuine = signedBy(a.wallet, "a:1:x", T0);
        b.sidechannels.deliver("trip", "ff".repeat(32), addMessage(genuine));
        assertThat(b.app.list("trip")).isEmpty();
        // A forger claims B's identity in by but sends from its own key.
        TestWallet forger = new TestWallet();
        SignedExpense claimed = new SignedExpense(
                Expense.of("f:1:x", "alice", 3000, List.of("alice", "bob"), "", T0, b.key()), "00".repeat(64));
        a.sidechannels.deliver("trip", forger.publicKeyHex(), addMessage(claimed));
        assertThat(a.app.list("trip")).isEmpty();
        // The genuine sender is accepted.
        b.sidechannels.deliver("trip", a.key(), addMessage(genuine));
        assertThat(b.app.list("trip")).hasSize(1);
    }

    @Test
    void aTamperedEventFailsItsSignature() {
        SignedExpense genuine = signedBy(a.wallet, "a:1:x", T0);
        JsonObject tampered = genuine.toJson().with("amountCents", Json.of(300000));
        String message = Json.object().put("app", ExpenseSplit.APP).put("type", "expense_add").put("event", tampered).build().toJson();
        b.sidechannels.deliver("trip", a.key(), message);
        assertThat(b.app.list("trip")).isEmpty();
        // Signed for another room: refused in this one.
        SignedExpense otherRoom = Signatures.sign(a.wallet, "elsewhere", genuine.event());
        b.sidechannels.deliver("trip", a.key(), addMessage(otherRoom));
        assertThat(b.app.list("trip")).isEmpty();
    }

    @Test
    void payerOutsideTheSplitAndFarFutureTsAreRejected() {
        String outside = Json.object().put("app", ExpenseSplit.APP).put("type", "expense_add").put("event", Json.object()
                .put("txId", "a:1:x").put("payer", "carol").put("amountCents", 100).put("split", "alice,bob")
                .put("ts", T0).put("by", a.key()).put("sig", "00".repeat(64)).build()).build().toJson();
        b.sidechannels.deliver("trip", a.key(), outside);
        SignedExpense future = signedBy(a.wallet, "a:2:x", T0 + ExpenseSplit.MAX_SKEW.toMillis() + 1);
        b.sidechannels.deliver("trip", a.key(), addMessage(future));
        assertThat(b.app.list("trip")).isEmpty();
        SignedExpense nearFuture = signedBy(a.wallet, "a:3:x", T0 + ExpenseSplit.MAX_SKEW.toMillis());
        b.sidechannels.deliver("trip", a.key(), addMessage(nearFuture));
        assertThat(b.app.list("trip")).hasSize(1);
    }

    @Test
    void duplicatesAreIgnoredFirstSeenWins() {
        SignedExpense first = signedBy(a.wallet, "a:1:x", T0);
        Expense other = Expense.of("a:1:x", "bob", 999, List.of("bob", "alice"), "", T0, a.key());
        SignedExpense sameId = Signatures.sign(a.wallet, "trip", other);
        b.sidechannels.deliver("trip", a.key(), addMessage(first));
        b.sidechannels.deliver("trip", a.key(), addMessage(first));
        b.sidechannels.deliver("trip", a.key(), addMessage(sameId));
        assertThat(b.app.list("trip")).containsExactly(first.event());
    }

    @Test
    void aClearFromAnotherPeerIsAuthenticatedAppliedAndPersisted() {
        SignedExpense before = a.app.add("trip", "alice", "30", List.of("alice", "bob"), "").event();
        hub.pump();
        clock.advance(1000);
        assertThat(b.app.list("trip")).hasSize(1);

        // A forged clear: by is A, but B's peer receives it from someone else.
        Tombstone forged = Signatures.signClear(a.wallet, "trip", clock.millis());
        String forgedMessage = Json.object().put("app", ExpenseSplit.APP).put("type", "expense_clear")
                .put("ts", forged.ts()).put("by", forged.by()).put("sig", forged.sig()).build().toJson();
        b.sidechannels.deliver("trip", new TestWallet().publicKeyHex(), forgedMessage);
        assertThat(b.app.list("trip")).hasSize(1);
        // A bad signature from the right sender.
        String badSig = Json.object().put("app", ExpenseSplit.APP).put("type", "expense_clear")
                .put("ts", forged.ts()).put("by", a.key()).put("sig", "11".repeat(64)).build().toJson();
        b.sidechannels.deliver("trip", a.key(), badSig);
        assertThat(b.app.list("trip")).hasSize(1);

        assertThat(a.app.clear("TRIP")).isEqualTo("trip");
        hub.pump();
        assertThat(a.app.list("trip")).isEmpty();
        assertThat(b.app.list("trip")).isEmpty();
        Rooms restarted = b.reloaded();
        assertThat(restarted.room("trip").ledger().isEmpty()).isTrue();
        assertThat(restarted.room("trip").clear()).map(Tombstone::by).contains(a.key());
        // The cleared event relayed again (sync or replay) stays out.
        b.sidechannels.deliver("trip", a.key(), addMessage(before));
        assertThat(b.app.list("trip")).isEmpty();
        // Newer events are kept.
        clock.advance(1);
        a.app.add("trip", "bob", "10", List.of("alice", "bob"), "");
        hub.pump();
        assertThat(b.app.list("trip")).hasSize(1);
    }

    @Test
    void historySyncBringsAnOfflinePeerUpToDateBothWays() {
        b.sidechannels.online = false;
        SignedExpense e1 = a.app.add("trip", "alice", "30", List.of("alice", "bob"), "dinner").event();
        clock.advance(10);
        SignedExpense e2 = a.app.add("trip", "bob", "10", List.of("alice", "bob"), "snacks").event();
        clock.advance(10);
        SignedExpense e3 = b.app.add("trip", "carol", "5", List.of("carol", "bob"), "").event();
        hub.pump();
        assertThat(b.app.list("trip")).containsExactly(e3.event());

        // B comes back: a new peer C joins too, and its arrival triggers the exchange.
        b.sidechannels.online = true;
        TestPeer c = new TestPeer(hub, clock, dir.resolve("c"));
        c.sidechannels.join("trip", java.util.Optional.empty(), java.util.Optional.empty());
        c.app.start();
        hub.pump();
        b.app.requestSync("trip");
        hub.pump();

        List<Expense> all = List.of(e1.event(), e2.event(), e3.event());
        assertThat(a.app.list("trip")).containsExactlyElementsOf(all);
        assertThat(b.app.list("trip")).containsExactlyElementsOf(all);
        assertThat(c.app.list("trip")).containsExactlyElementsOf(all);
        // Relayed history kept each author's signature.
        assertThat(c.reloaded().room("trip").signedEvents()).containsExactly(e1, e2, e3);
    }

    @Test
    void hearingAPeerForTheFirstTimeStartsTheExchange() {
        TestPeer late = new TestPeer(hub, clock, dir.resolve("late"));
        late.sidechannels.online = false;
        late.sidechannels.join("trip", java.util.Optional.empty(), java.util.Optional.empty());
        late.app.start();
        SignedExpense e1 = a.app.add("trip", "alice", "30", List.of("alice", "bob"), "dinner").event();
        clock.advance(10);
        SignedExpense e2 = late.app.add("trip", "carol", "5", List.of("carol", "bob"), "").event();
        hub.pump();
        late.sidechannels.online = true;
        clock.advance(10);
        // The next live add from A: the late peer hears A for the first time and asks for the
        // history; A hears the late peer's request for the first time and asks back.
        SignedExpense e3 = a.app.add("trip", "bob", "10", List.of("alice", "bob"), "").event();
        hub.pump();
        List<Expense> all = List.of(e1.event(), e2.event(), e3.event());
        assertThat(late.app.list("trip")).containsExactlyElementsOf(all);
        assertThat(a.app.list("trip")).containsExactlyElementsOf(all);
        assertThat(b.app.list("trip")).containsExactlyElementsOf(all);
    }

    @Test
    void aNewConnectionMakesThePeriodicCheckAskAgain() {
        b.sidechannels.online = false;
        SignedExpense e1 = a.app.add("trip", "alice", "30", List.of("alice", "bob"), "dinner").event();
        hub.pump();
        b.sidechannels.online = true;
        b.app.syncJoinedChannels();
        hub.pump();
        assertThat(b.app.list("trip")).isEmpty();
        // Another peer connects (silent, no InterSplit running): B asks its channels again.
        new FakeSidechannels(hub, new TestWallet().publicKeyHex());
        b.app.syncJoinedChannels();
        hub.pump();
        assertThat(b.app.list("trip")).containsExactly(e1.event());
    }

    @Test
    void anAddInTheMillisecondOfAClearIsKept() {
        a.app.clear("trip");
        SignedExpense added = a.app.add("trip", "alice", "30", List.of("alice", "bob"), "").event();
        assertThat(added.event().ts()).isEqualTo(T0 + 1);
        hub.pump();
        assertThat(a.app.list("trip")).containsExactly(added.event());
        assertThat(b.app.list("trip")).containsExactly(added.event());
    }

    @Test
    void relayedHistoryWithABadSignatureIsRefused() {
        SignedExpense genuine = signedBy(a.wallet, "a:1:x", T0);
        SignedExpense tampered = new SignedExpense(
                Expense.of("a:2:x", "alice", 9999, List.of("alice", "bob"), "", T0, a.key()), genuine.sig());
        String sync = Json.object().put("app", ExpenseSplit.APP).put("type", "expense_sync")
                .put("events", Json.array(genuine.toJson(), tampered.toJson())).put("clear", Json.NULL).build().toJson();
        // Relayed by a third peer: authorship is checked against by, not the sender.
        b.sidechannels.deliver("trip", new TestWallet().publicKeyHex(), sync);
        assertThat(b.app.list("trip")).containsExactly(genuine.event());
    }

    @Test
    void syncAnswersAreSplitUnderTheMessageBudget() {
        b.sidechannels.online = false;
        for (int i = 0; i < 60; i++) {
            a.app.add("trip", "alice", "1", List.of("alice", "bob"), "é€".repeat(100));
            clock.advance(1);
        }
        b.sidechannels.online = true;
        hub.sent.clear();
        b.app.requestSync("trip");
        hub.pump();
        assertThat(b.app.list("trip")).hasSize(60);
        List<String> answers = hub.sent.stream().filter(m -> m.contains("\"expense_sync\"")).toList();
        assertThat(answers.size()).isGreaterThan(1);
        assertThat(answers).allSatisfy(m -> assertThat(m.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(8192));
    }

    @Test
    void otherMessagesAreNotHandled() {
        assertThat(a.app.handle(new net.intercomj.api.sidechannel.SidechannelMessage("trip", "1", b.key(), b.key(),
                "00".repeat(64), java.util.Optional.empty(), 3, 0, "\"hello\""))).isFalse();
        assertThat(a.app.handle(new net.intercomj.api.sidechannel.SidechannelMessage("trip", "1", b.key(), b.key(),
                "00".repeat(64), java.util.Optional.empty(), 3, 0, "{\"app\":\"focus_room\"}"))).isFalse();
    }
}
