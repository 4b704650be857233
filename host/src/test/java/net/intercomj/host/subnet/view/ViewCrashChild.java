package net.intercomj.host.subnet.view;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Run as its own process by {@link ConfirmedViewTest}: applies batches to a view as fast as it
 * can, each setting 200 keys to the batch number, and prints each batch number applied, until
 * it is killed.
 */
public final class ViewCrashChild {

    static final int KEYS = 200;

    public static void main(String[] args) throws Exception {
        try (ConfirmedView view = ConfirmedView.open(Path.of(args[0]))) {
            for (long batch = view.appliedBatches(); ; batch++) {
                Map<String, Optional<String>> writes = new LinkedHashMap<>();
                for (int key = 0; key < KEYS; key++) {
                    writes.put("k/" + key, Optional.of(Long.toString(batch) + "x".repeat(200)));
                }
                view.apply(batch, writes);
                System.out.println("applied " + batch);
            }
        }
    }
}
