package net.intercomj.host.subnet.view;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.order.Checkpoint;

/**
 * Run as its own process by {@link ConfirmedViewTest}: applies batches to a view as fast as it
 * can, each setting 200 keys to the batch number with the state hash after it, and prints each
 * batch number applied, until it is killed.
 */
public final class ViewCrashChild {

    static final int KEYS = 200;

    public static void main(String[] args) throws Exception {
        try (ConfirmedView view = ConfirmedView.open(Path.of(args[0]))) {
            for (long batch = view.appliedBatches(); ; batch++) {
                Map<String, Optional<String>> writes = writes(batch);
                view.apply(batch, writes, stateHashAfter(view.stateHash(), writes));
                System.out.println("applied " + batch);
            }
        }
    }

    /** What batch {@code batch} writes. */
    static Map<String, Optional<String>> writes(long batch) {
        Map<String, Optional<String>> writes = new LinkedHashMap<>();
        for (int key = 0; key < KEYS; key++) {
            writes.put("k/" + key, Optional.of(Long.toString(batch) + "x".repeat(200)));
        }
        return writes;
    }

    /** The state hash after {@code writes}, following {@code previous}. */
    static Bytes32 stateHashAfter(Bytes32 previous, Map<String, Optional<String>> writes) {
        return new Checkpoint(0, Checkpoint.ZERO, previous).nextStateHash(writes);
    }
}
