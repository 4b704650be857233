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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The confirmed view moves one whole batch at a time, also across a kill -9; the unconfirmed view overlays it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConfirmedViewTest {

    @TempDir
    Path folder;

    @Test
    void batchesApplyInOrderAndSurviveARestart() throws Exception {
        try (ConfirmedView view = ConfirmedView.open(folder)) {
            view.apply(0, Map.of("a", Optional.of("1"), "b", Optional.of("\"x\"")));
            view.apply(1, Map.of("a", Optional.empty(), "c", Optional.of("[3]")));
            assertThatThrownBy(() -> view.apply(1, Map.of("a", Optional.of("again"))))
                    .hasMessageContaining("holds 2 batches; batch 1 cannot be applied next");
            assertThatThrownBy(() -> view.apply(3, Map.of())).isInstanceOf(IllegalArgumentException.class);
        }
        try (ConfirmedView view = ConfirmedView.open(folder)) {
            assertThat(view.appliedBatches()).isEqualTo(2);
            assertThat(view.get("a")).isEmpty();
            assertThat(view.get("b")).contains("\"x\"");
            assertThat(view.get("c")).contains("[3]");
        }
    }

    @Test
    void theUnconfirmedViewOverlaysTheConfirmedOneUntilCleared() throws Exception {
        try (ConfirmedView confirmed = ConfirmedView.open(folder)) {
            confirmed.apply(0, Map.of("a", Optional.of("1"), "b", Optional.of("2")));
            UnconfirmedView unconfirmed = new UnconfirmedView(confirmed);
            unconfirmed.write(Map.of("a", Optional.of("10"), "b", Optional.empty(), "n", Optional.of("new")));
            assertThat(unconfirmed.get("a")).contains("10");
            assertThat(unconfirmed.get("b")).isEmpty();
            assertThat(unconfirmed.get("n")).contains("new");
            assertThat(confirmed.get("a")).contains("1");
            unconfirmed.clear();
            assertThat(unconfirmed.get("a")).contains("1");
            assertThat(unconfirmed.get("b")).contains("2");
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
            view.apply(applied, Map.of("after", Optional.of("true")));
            assertThat(view.appliedBatches()).isEqualTo(applied + 1);
        }
    }
}
