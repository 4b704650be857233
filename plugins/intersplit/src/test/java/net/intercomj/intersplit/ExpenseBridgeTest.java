package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpenseBridgeTest {

    private static final long T0 = 1_795_382_579_129L;

    @TempDir
    Path dir;

    private final FakeSidechannels.Hub hub = new FakeSidechannels.Hub();
    private final MutableClock clock = new MutableClock(T0);
    private TestPeer peer;

    @BeforeEach
    void peer() {
        peer = new TestPeer(hub, clock, dir);
        peer.app.start();
    }

    private static JsonObject ok(BridgeMessageHandler handler, String type, String message, String replyType) {
        BridgeReply reply = handler.handle(new BridgeCall(type, message));
        assertThat(reply).isInstanceOf(BridgeReply.Success.class);
        BridgeReply.Success success = (BridgeReply.Success) reply;
        assertThat(success.type()).isEqualTo(replyType);
        return (JsonObject) Json.parse(success.fieldsJson());
    }

    private static String error(BridgeMessageHandler handler, String type, String message) {
        BridgeReply reply = handler.handle(new BridgeCall(type, message));
        assertThat(reply).isInstanceOf(BridgeReply.Failure.class);
        return ((BridgeReply.Failure) reply).message();
    }

    @Test
    void addListBalanceExportClear() {
        JsonObject added = ok(new ExpenseAddHandler(peer.app), "expense_add",
                "{\"id\":1,\"type\":\"expense_add\",\"channel\":\" Trip-NYC \",\"payer\":\"Alice\",\"amount\":30,\"split\":[\"alice\",\"BOB\"],\"note\":\"dinner\"}",
                "expense_added");
        assertThat(added.string("channel")).isEqualTo("trip-nyc");
        assertThat(added.bool("broadcasted")).isTrue();
        JsonObject event = added.object("event");
        assertThat(event.names()).containsExactly("txId", "payer", "amountCents", "split", "note", "ts", "by");
        assertThat(event.integer("amountCents")).isEqualTo(3000);
        assertThat(event.string("by")).isEqualTo(peer.key());

        JsonObject list = ok(new ExpenseListHandler(peer.app), "expense_list", "{\"channel\":\"trip-nyc\"}", "expense_list");
        assertThat(list.toJson()).isEqualTo("{\"channel\":\"trip-nyc\",\"count\":1,\"events\":[" + event.toJson() + "]}");

        JsonObject balance = ok(new ExpenseBalanceHandler(peer.app), "expense_balance", "{\"channel\":\"TRIP-NYC\"}", "expense_balance");
        assertThat(balance.toJson()).isEqualTo("{\"summary\":{\"channel\":\"trip-nyc\",\"eventCount\":1,\"totalCents\":3000,"
                + "\"balances\":[{\"member\":\"alice\",\"cents\":1500},{\"member\":\"bob\",\"cents\":-1500}],"
                + "\"settlements\":[{\"from\":\"bob\",\"to\":\"alice\",\"amountCents\":1500}]}}");

        JsonObject export = ok(new ExpenseExportHandler(peer.app, clock), "expense_export",
                "{\"channel\":\"trip-nyc\",\"format\":\"CSV\"}", "expense_export");
        assertThat(export.string("format")).isEqualTo("csv");
        assertThat(export.string("data")).isEqualTo("from,to,amount\nbob,alice,15.00");
        assertThat(export.object("summary")).isEqualTo(balance.object("summary"));
        JsonObject text = ok(new ExpenseExportHandler(peer.app, clock), "expense_export", "{\"channel\":\"trip-nyc\"}", "expense_export");
        assertThat(text.string("format")).isEqualTo("text");
        assertThat(text.string("data")).startsWith("InterSplit Settlement Export\ngenerated_at: ").contains("- bob -> alice: 15.00");

        clock.advance(1);
        JsonObject cleared = ok(new ExpenseClearHandler(peer.app), "expense_clear", "{\"channel\":\"Trip-NYC\"}", "expense_cleared");
        assertThat(cleared.toJson()).isEqualTo("{\"channel\":\"trip-nyc\",\"ok\":true}");
        assertThat(ok(new ExpenseListHandler(peer.app), "expense_list", "{\"channel\":\"trip-nyc\"}", "expense_list").integer("count"))
                .isZero();
    }

    @Test
    void errors() {
        ExpenseAddHandler add = new ExpenseAddHandler(peer.app);
        assertThat(error(add, "expense_add", "{\"payer\":\"alice\",\"split\":\"alice,bob\"}")).isEqualTo(ExpenseAddHandler.MISSING_FIELDS);
        assertThat(error(add, "expense_add", "{\"payer\":\" \",\"amount\":\"5\",\"split\":\"alice\"}")).isEqualTo(ExpenseAddHandler.MISSING_FIELDS);
        assertThat(error(add, "expense_add", "{\"payer\":\"a\",\"amount\":\"5\",\"split\":[]}")).isEqualTo(ExpenseAddHandler.MISSING_FIELDS);
        assertThat(error(add, "expense_add", "{\"payer\":\"a\",\"amount\":\"abc\",\"split\":\"a\"}")).startsWith("Invalid amount. Use a positive number.");
        assertThat(error(add, "expense_add", "{\"payer\":\"a\",\"amount\":\"5\",\"split\":\"a\",\"note\":{}}")).isEqualTo("Invalid note. Use a string.");
        assertThat(error(new ExpenseListHandler(peer.app), "expense_list", "{\"channel\":5}")).isEqualTo("Missing channel.");
        // The default channel.
        assertThat(ok(new ExpenseListHandler(peer.app), "expense_list", "{}", "expense_list").string("channel")).isEqualTo("0000intercom");
    }
}
