package net.intercomj.host.subnet.log;

import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.PeerWallet;

/**
 * The checks an entry passes before a peer stores it: it continues its writer's log (next seq,
 * {@code prev} is the hash of the entry before), its heads are in order and name only other
 * writers' entries, and its writer signed it for this subnet. Whether the writer may write at
 * all is the subnet's membership, checked where membership is known.
 */
public final class EntryCheck {

    private final Bytes32 subnet;

    /** @param subnet the subnet's bootstrap key, which every entry's signature covers */
    public EntryCheck(Bytes32 subnet) {
        this.subnet = subnet;
    }

    /**
     * Checks {@code entry} as the next one of its writer's log.
     *
     * @param previous the writer's entry before it, or null when {@code entry} must be the first
     * @throws EntryException naming the first check that failed
     */
    public void next(LogEntry previous, LogEntry entry) throws EntryException {
        if (previous != null && !previous.writer().equals(entry.writer())) {
            throw new EntryException("Entry " + entry.id() + " does not belong to the log of " + previous.writer().shortHex());
        }
        long expectedSeq = previous == null ? 0 : previous.seq() + 1;
        if (entry.seq() != expectedSeq) {
            throw new EntryException("Entry " + entry.id() + " does not follow: the log expects seq " + expectedSeq);
        }
        Bytes32 expectedPrev = previous == null ? LogEntry.NO_PREV : EntryCodec.hash(previous);
        if (!entry.prev().equals(expectedPrev)) {
            throw new EntryException("Entry " + entry.id() + " breaks the hash chain: prev " + entry.prev().shortHex()
                    + " is not the hash of the entry before (" + expectedPrev.shortHex() + ")");
        }
        checkHeads(entry);
        if (!PeerWallet.verify(entry.signature(), EntryCodec.signedBytes(subnet, entry), entry.writer().toByteArray())) {
            throw new EntryException("Entry " + entry.id() + " is not signed by its writer for this subnet");
        }
    }

    private static void checkHeads(LogEntry entry) throws EntryException {
        List<EntryId> heads = entry.heads();
        for (int i = 0; i < heads.size(); i++) {
            EntryId head = heads.get(i);
            if (head.writer().equals(entry.writer())) {
                // The log's own order is the chain; a head on it would be redundant or a cycle.
                throw new EntryException("Entry " + entry.id() + " names an entry of its own log as a head");
            }
            if (i > 0 && heads.get(i - 1).compareTo(head) >= 0) {
                throw new EntryException("Entry " + entry.id() + " lists its heads out of order or twice");
            }
        }
    }
}
