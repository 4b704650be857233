package net.intercomj.host.msb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.op.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file of paid transactions not yet in the subnet: what a restart reads back. */
class PendingTxsTest {

    @TempDir
    Path folder;

    private final MsbFixture msb = new MsbFixture();
    private final Bytes32 subnet = Bytes32.fromHex("a1".repeat(32));

    private PendingTxs.Pending pending(int n) {
        TxSettlement op = msb.tx(msb.holder, subnet);
        JsonNode dispatch = parse("{\"type\":\"set\",\"value\":{\"key\":\"k" + n + "\",\"n\":" + n + "}}");
        return new PendingTxs.Pending(op, dispatch);
    }

    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.parse(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static List<String> hashes(PendingTxs txs) {
        return txs.all().stream().map(tx -> tx.op().tx()).toList();
    }

    @Test
    void addedAndRemovedTransactionsSurviveReopeningTheFile() throws Exception {
        Path file = folder.resolve("pending.json");
        PendingTxs txs = PendingTxs.open(file);
        assertThat(txs.all()).isEmpty();
        assertThat(file).doesNotExist();

        PendingTxs.Pending a = pending(1);
        PendingTxs.Pending b = pending(2);
        txs.add(a);
        txs.add(b);
        assertThat(file).exists();

        PendingTxs reopened = PendingTxs.open(file);
        assertThat(reopened.all()).containsExactly(a, b);
        // The whole op round-trips, seal-less, with its command.
        assertThat(reopened.all().getFirst().op()).isEqualTo(a.op());
        assertThat(reopened.all().getFirst().dispatch()).isEqualTo(a.dispatch());

        reopened.remove(a.op().tx());
        assertThat(PendingTxs.open(file).all()).containsExactly(b);
        reopened.remove(b.op().tx());
        assertThat(PendingTxs.open(file).all()).isEmpty();
        // Removing what is not there changes nothing.
        reopened.remove("ff".repeat(32));
        assertThat(PendingTxs.open(file).all()).isEmpty();
    }

    @Test
    void theOrderOfAddingIsKeptAcrossReopening() throws Exception {
        Path file = folder.resolve("pending.json");
        PendingTxs txs = PendingTxs.open(file);
        List<PendingTxs.Pending> added = List.of(pending(1), pending(2), pending(3), pending(4), pending(5));
        for (PendingTxs.Pending tx : added) {
            txs.add(tx);
        }
        txs.remove(added.get(2).op().tx());
        // Adding one again does not move it.
        txs.add(added.get(0));
        List<String> expected = List.of(added.get(0).op().tx(), added.get(1).op().tx(), added.get(3).op().tx(),
                added.get(4).op().tx());
        assertThat(hashes(txs)).isEqualTo(expected);
        PendingTxs reopened = PendingTxs.open(file);
        assertThat(hashes(reopened)).isEqualTo(expected);
        PendingTxs.Pending later = pending(6);
        reopened.add(later);
        assertThat(hashes(PendingTxs.open(file))).endsWith(later.op().tx()).hasSize(5);
    }

    @Test
    void aCorruptFileIsReportedByNameAndLeftAsItIs() throws Exception {
        Path file = folder.resolve("pending.json");
        String corrupt = "[{\"op\":{\"type\":12,\"address\":\"trac1";
        Files.writeString(file, corrupt, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PendingTxs.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(corrupt);
        assertThat(folder.toFile().list()).containsExactly("pending.json");
    }

    @Test
    void aFileOfAnotherShapeIsRefusedByName() throws Exception {
        Path file = folder.resolve("pending.json");
        for (String text : List.of("{}", "[{\"op\":{},\"dispatch\":{}}]",
                // a transfer is not a transaction
                "[{\"op\":" + CanonicalJson.write(SettlementOpCodec.write(msb.transfer(msb.holder, msb.validator.address(),
                        Amounts.ONE))) + ",\"dispatch\":{\"type\":\"t\",\"value\":1}}]",
                // a transaction without its command
                "[{\"op\":" + CanonicalJson.write(SettlementOpCodec.write(msb.tx(msb.holder, subnet))) + "}]")) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> PendingTxs.open(file)).as(text).isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toString());
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }
}
