package net.intercomj.host.subnet.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;

/** Writer log entries: their encoding, hash chain and signature, and every way to break them. */
class LogEntryTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("5b".repeat(32));
    private static final byte[] SEED = seed(1);
    private static final Bytes32 WRITER = Bytes32.of(Ed25519Keys.publicKey(SEED));
    private static final Bytes32 OTHER = Bytes32.of(Ed25519Keys.publicKey(seed(2)));

    private final EntryCheck check = new EntryCheck(SUBNET);

    private static byte[] seed(int value) {
        byte[] seed = new byte[32];
        seed[0] = (byte) value;
        return seed;
    }

    private static LogEntry append(LogEntry previous, String op) {
        return LogEntry.append(SUBNET, WRITER, previous, List.of(new EntryId(OTHER, 4)), 1_700_000_000_000L, op,
                message -> Ed25519Keys.sign(SEED, message));
    }

    @Test
    void aChainOfEntriesPassesAndSurvivesTheWire() throws Exception {
        LogEntry first = append(null, "{\"type\":\"msg\"}");
        LogEntry second = append(first, "{\"type\":\"setNick\",\"nick\":\"ünï\"}");
        check.next(null, first);
        check.next(first, second);
        assertThat(first.seq()).isZero();
        assertThat(first.prev()).isEqualTo(LogEntry.NO_PREV);
        assertThat(second.prev()).isEqualTo(EntryCodec.hash(first));
        assertThat(EntryCodec.decode(EntryCodec.encode(second))).isEqualTo(second);
        assertThat(EntryCodec.hash(EntryCodec.decode(EntryCodec.encode(second)))).isEqualTo(EntryCodec.hash(second));
    }

    @Test
    void headsAreSortedAndDeduplicatedWhenAppending() {
        EntryId a = new EntryId(OTHER, 9);
        EntryId b = new EntryId(OTHER, 2);
        LogEntry entry = LogEntry.append(SUBNET, WRITER, null, List.of(a, b, a), 0, "{}",
                message -> Ed25519Keys.sign(SEED, message));
        assertThat(entry.heads()).containsExactly(b, a);
    }

    @Test
    void anEntryThatDoesNotContinueItsLogIsRefusedWithTheReason() {
        LogEntry first = append(null, "{}");
        LogEntry second = append(first, "{}");
        LogEntry third = append(second, "{}");
        assertThatThrownBy(() -> check.next(null, second)).hasMessageContaining("expects seq 0");
        assertThatThrownBy(() -> check.next(first, third)).hasMessageContaining("expects seq 1");
        LogEntry otherFirst = LogEntry.append(SUBNET, OTHER, null, List.of(), 0, "{}",
                message -> Ed25519Keys.sign(seed(2), message));
        assertThatThrownBy(() -> check.next(otherFirst, second)).hasMessageContaining("does not belong to the log");
        // A second entry built on another first entry: right seq, wrong chain.
        LogEntry forkFirst = append(null, "{\"fork\":true}");
        assertThatThrownBy(() -> check.next(forkFirst, second)).hasMessageContaining("breaks the hash chain");
    }

    @Test
    void anyChangedFieldBreaksTheSignature() throws Exception {
        LogEntry entry = append(null, "{\"type\":\"msg\",\"text\":\"hi\"}");
        check.next(null, entry);
        List<LogEntry> altered = List.of(
                new LogEntry(entry.writer(), entry.seq(), entry.prev(), entry.heads(), entry.timestamp() + 1, entry.op(),
                        entry.signature()),
                new LogEntry(entry.writer(), entry.seq(), entry.prev(), entry.heads(), entry.timestamp(),
                        "{\"type\":\"msg\",\"text\":\"ho\"}", entry.signature()),
                new LogEntry(entry.writer(), entry.seq(), entry.prev(), List.of(new EntryId(OTHER, 5)), entry.timestamp(),
                        entry.op(), entry.signature()),
                new LogEntry(entry.writer(), entry.seq(), entry.prev(), List.of(), entry.timestamp(), entry.op(),
                        entry.signature()));
        for (LogEntry forged : altered) {
            assertThatThrownBy(() -> check.next(null, forged)).as(forged.toString())
                    .hasMessageContaining("is not signed by its writer for this subnet");
        }
        byte[] signature = entry.signature();
        signature[10] ^= 1;
        LogEntry badSignature = entry.withSignature(signature);
        assertThatThrownBy(() -> check.next(null, badSignature)).hasMessageContaining("is not signed");
    }

    @Test
    void anEntrySignedForAnotherSubnetIsRefused() throws Exception {
        LogEntry entry = append(null, "{}");
        new EntryCheck(SUBNET).next(null, entry);
        assertThatThrownBy(() -> new EntryCheck(Bytes32.fromHex("5c".repeat(32))).next(null, entry))
                .hasMessageContaining("for this subnet");
    }

    @Test
    void headsOnTheWritersOwnLogOrOutOfOrderAreRefused() {
        byte[] unsignedSignature = new byte[LogEntry.SIGNATURE_LENGTH];
        LogEntry first = append(null, "{}");
        LogEntry ownHeadAfterFirst = new LogEntry(WRITER, 1, EntryCodec.hash(first), List.of(new EntryId(WRITER, 0)), 0,
                "{}", unsignedSignature);
        assertThatThrownBy(() -> check.next(first, ownHeadAfterFirst)).hasMessageContaining("its own log as a head");
        LogEntry unordered = new LogEntry(WRITER, 0, LogEntry.NO_PREV,
                List.of(new EntryId(OTHER, 5), new EntryId(OTHER, 4)), 0, "{}", unsignedSignature);
        assertThatThrownBy(() -> check.next(null, unordered)).hasMessageContaining("out of order or twice");
    }

    @Test
    void fieldsOutOfBoundsCannotBeBuilt() {
        byte[] signature = new byte[LogEntry.SIGNATURE_LENGTH];
        assertThatThrownBy(() -> new LogEntry(WRITER, -1, LogEntry.NO_PREV, List.of(), 0, "{}", signature))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogEntry(WRITER, 0, LogEntry.NO_PREV, List.of(), 0, "x".repeat(LogEntry.MAX_OP_BYTES + 1),
                signature)).hasMessageContaining("at most");
        assertThatThrownBy(() -> new LogEntry(WRITER, 0, LogEntry.NO_PREV, List.of(), 0, "{}", new byte[63]))
                .hasMessageContaining("64 bytes");
    }
}
