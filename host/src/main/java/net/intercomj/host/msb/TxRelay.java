package net.intercomj.host.msb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.intercomj.api.network.Registration;
import net.intercomj.host.msb.state.MsbLedger;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.SubnetException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.TracAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries this peer's paid transactions from the MSB into the subnet (spec §3.6): once a pending
 * transaction's record is confirmed on the MSB, it appends the subnet's {@code tx} op with the
 * MSB length that proves it, and forgets the transaction only then. A transaction the MSB does
 * not hold yet (a restart, a validator that was away) is submitted again; one a validator refuses
 * is dropped with its reason, and it paid nothing.
 */
public final class TxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TxRelay.class);
    /** How long a submission may go unanswered before it is sent again. */
    static final Duration RESUBMIT_AFTER = Duration.ofSeconds(5);
    private static final HexFormat HEX = HexFormat.of();

    private final PendingTxs pending;
    private final Supplier<Optional<MsbNode>> msb;
    private final SubnetNode subnet;
    private final Consumer<String> out;
    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Registration subnetListener;
    private volatile Registration msbListener = () -> { };
    private volatile boolean closed;
    private final Thread thread;

    public TxRelay(PendingTxs pending, Supplier<Optional<MsbNode>> msb, SubnetNode subnet, Consumer<String> out) {
        this.pending = pending;
        this.msb = msb;
        this.subnet = subnet;
        this.out = out;
        this.subnetListener = subnet.onViewsChanged(this::wake);
        this.thread = Thread.ofVirtual().name("tx-relay").start(this::run);
    }

    /** Follows {@code node}'s changes too (call once the MSB node runs). */
    public void follow(MsbNode node) {
        msbListener.close();
        msbListener = node.onChange(this::wake);
        wake();
    }

    /** Adds a paid (or about to be paid) transaction; saved before this returns. */
    public void add(PendingTxs.Pending tx) throws StoreException {
        pending.add(tx);
        submittedAt.put(tx.op().tx(), System.nanoTime());
        wake();
    }

    /** Forgets a transaction no validator accepted (it paid nothing). */
    public void drop(String tx) {
        forget(tx);
    }

    /** How many transactions wait to reach the subnet. */
    public int size() {
        return pending.all().size();
    }

    private void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (!closed) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                if (!closed) {
                    step();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("The transaction relay failed a round; it tries again", e);
            }
        }
    }

    private void step() {
        Optional<MsbNode> node = msb.get();
        for (PendingTxs.Pending tx : pending.all()) {
            String hash = tx.op().tx();
            if (subnet.unconfirmed().get(ViewKeys.transactionIndex(hash)).isPresent()) {
                forget(hash);
                continue;
            }
            if (node.isEmpty()) {
                continue;
            }
            MsbLedger confirmed = node.get().confirmed();
            Optional<MsbLedger.SettledRecord> record = confirmed.record(hash);
            if (record.isPresent()) {
                appendToSubnet(tx, record.get(), confirmed.length(), node.get());
            } else if (node.get().unconfirmed().record(hash).isEmpty() && due(hash)) {
                resubmit(tx, node.get());
            }
        }
    }

    private boolean due(String hash) {
        Long at = submittedAt.get(hash);
        return at == null || System.nanoTime() - at > RESUBMIT_AFTER.toNanos();
    }

    private void resubmit(PendingTxs.Pending tx, MsbNode node) {
        String hash = tx.op().tx();
        submittedAt.put(hash, System.nanoTime());
        node.submit(tx.op()).whenComplete((accepted, error) -> {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof SettlementRejected rejected && !rejected.getMessage().equals(MsbNode.NO_VALIDATOR)) {
                out.accept("Dropping TX " + hash + ": " + rejected.getMessage());
                forget(hash);
            }
            wake();
        });
    }

    private void appendToSubnet(PendingTxs.Pending tx, MsbLedger.SettledRecord record, long msbLength, MsbNode node) {
        if (!subnet.isWriter()) {
            return;
        }
        String hrp = node.network().hrp();
        String validator = record.op().path("txo").path("va").asText();
        ObjectNode op = Transactions.subnetOp(tx.op().tx(), msbLength, tx.dispatch(),
                HEX.formatHex(TracAddress.decode(hrp, tx.op().address())), HEX.formatHex(TracAddress.decode(hrp, validator)));
        try {
            subnet.append(op);
            out.accept("MSB TX confirmed: " + tx.op().tx() + " (MSB signed length " + msbLength
                    + "); appended to the subnet.");
            forget(tx.op().tx());
        } catch (SubnetException e) {
            LOG.debug("The tx op of {} was not appended yet: {}", tx.op().tx(), e.getMessage());
        }
    }

    private void forget(String hash) {
        submittedAt.remove(hash);
        try {
            pending.remove(hash);
        } catch (StoreException e) {
            LOG.warn("Transaction {} is done but the pending file was not updated: {}", hash, e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        subnetListener.close();
        msbListener.close();
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
