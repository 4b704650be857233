package net.intercomj.host.subnet.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.order.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The confirmed view moves one whole batch at a time, also across a kill -9; the unconfirmed view overlays it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConfirmedViewTest {

    @TempDir
    Path folder;

    private static Bytes32 after(Bytes32 previous, Map<String, Optional<String>> writes) {
        return ViewCrashChild.stateHashAfter(previous, writes);
    }

    @Test
    void batchesApplyInOrderAndSurviveARestart() throws Exception {
        Map<String, Optional<String>> first = Map.of("a", Optional.of("1"), "b", Optional.of("\"x\""));
        Map<String, Optional<String>> second = Map.of("a", Optional.empty(), "c", Optional.of("[3]"));
        Bytes32 afterFirst = after(Checkpoint.ZERO, first);
        Bytes32 afterSecond = after(afterFirst, second);
        try (ConfirmedView view = ConfirmedView.open(folder)) {
            assertThat(view.stateHash()).isEqualTo(Checkpoint.ZERO);
            view.apply(0, first, afterFirst);
            assertThat(view.stateHash()).isEqualTo(afterFirst);
            view.apply(1, second, afterSecond);
            assertThatThrownBy(() -> view.apply(1, Map.of("a", Optional.of("again")), Checkpoint.ZERO))
                    .hasMessageContaining("holds 2 batches; batch 1 cannot be applied next");
            assertThatThrownBy(() -> view.apply(3, Map.of(), Checkpoint.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThat(view.stateHash()).isEqualTo(afterSecond);
        }
        try (ConfirmedView view = ConfirmedView.open(folder)) {
            assertThat(view.appliedBatches()).isEqualTo(2);
            assertThat(view.stateHash()).isEqualTo(afterSecond);
            assertThat(view.get("a")).isEmpty();
            assertThat(view.get("b")).contains("\"x\"");
            assertThat(view.get("c")).contains("[3]");
        }
    }

    @Test
    void theUnconfirmedViewOverlaysTheConfirmedOneUntilReplaced() throws Exception {
        try (ConfirmedView confirmed = ConfirmedView.open(folder)) {
            Map<String, Optional<String>> writes = Map.of("a", Optional.of("1"), "b", Optional.of("2"));
            confirmed.apply(0, writes, after(Checkpoint.ZERO, writes));
            UnconfirmedView unconfirmed = new UnconfirmedView(confirmed);
            unconfirmed.replace(Map.of("a", Optional.of("10"), "b", Optional.empty(), "n", Optional.of("new")));
            assertThat(unconfirmed.size()).isEqualTo(3);
            assertThat(unconfirmed.get("a")).contains("10");
            assertThat(unconfirmed.get("b")).isEmpty();
            assertThat(unconfirmed.get("n")).contains("new");
            assertThat(confirmed.get("a")).contains("1");
            // A replacement drops every earlier write, not only those it names.
            unconfirmed.replace(Map.of("n", Optional.of("newer")));
            assertThat(unconfirmed.size()).isEqualTo(1);
            assertThat(unconfirmed.get("a")).contains("1");
            assertThat(unconfirmed.get("b")).contains("2");
            assertThat(unconfirmed.get("n")).contains("newer");
            unconfirmed.replace(Map.of());
            assertThat(unconfirmed.size()).isZero();
            assertThat(unconfirmed.get("a")).contains("1");
            assertThat(unconfirmed.get("b")).contains("2");
            assertThat(unconfirmed.get("n")).isEmpty();
        }
    }

    @Test
    void aKillDuringApplyLeavesTheViewAtABatchBoundary() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ViewCrashChild.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong printed = new AtomicLong(-1);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    printed.set(Long.parseLong(line.substring("applied ".length())));
                }
            } catch (Exception e) {
                // The child was killed.
            }
        });
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> printed.get() >= 50);
        } finally {
            child.destroyForcibly().waitFor();
        }
        try (ConfirmedView view = ConfirmedView.open(folder)) {
            long applied = view.appliedBatches();
            // At least every batch it reported; perhaps one more whose report the kill cut off.
            assertThat(applied).isGreaterThanOrEqualTo(printed.get() + 1);
            String expected = Long.toString(applied - 1) + "x".repeat(200);
            for (int key = 0; key < ViewCrashChild.KEYS; key++) {
                assertThat(view.get("k/" + key)).as("key %d after %d batches", key, applied).contains(expected);
            }
            // The state hash was stored with the last batch: it is the chain over exactly the batches applied.
            Bytes32 expectedHash = Checkpoint.ZERO;
            for (long batch = 0; batch < applied; batch++) {
                expectedHash = after(expectedHash, ViewCrashChild.writes(batch));
            }
            assertThat(view.stateHash()).as("state hash after %d batches", applied).isEqualTo(expectedHash);
            Map<String, Optional<String>> more = Map.of("after", Optional.of("true"));
            view.apply(applied, more, after(expectedHash, more));
            assertThat(view.appliedBatches()).isEqualTo(applied + 1);
        }
    }
}
