package net.intercomj.host.subnet.order;

import java.util.Optional;
import net.intercomj.host.store.StoreException;

/** The confirmed batches a peer holds and can serve to others. */
public interface ConfirmedBatches {

    /** How many batches are confirmed. */
    long batchCount();

    /** Confirmed batch {@code number}, with its checkpoint and signatures. */
    Optional<ConfirmedBatch> batch(long number) throws StoreException;
}
