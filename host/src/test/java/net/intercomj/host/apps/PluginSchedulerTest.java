package net.intercomj.host.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.intercomj.api.network.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginSchedulerTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PluginScheduler scheduler = new PluginScheduler("demo", timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aPeriodicTaskRunsAgainAndAgainUntilClosed() {
        AtomicInteger runs = new AtomicInteger();
        Registration task = scheduler.every(Duration.ofMillis(5), runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 5);
        task.close();
        int atClose = runs.get();
        // A run already started may finish; after that, none, for many periods.
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                .until(() -> runs.get() <= atClose + 1);
    }

    @Test
    void aTaskThatThrowsKeepsItsSchedule() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.every(Duration.ofMillis(5), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
    }

    @Test
    void aDelayedTaskRunsOnceOnAVirtualThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        boolean[] virtual = {false};
        AtomicInteger runs = new AtomicInteger();
        scheduler.after(Duration.ofMillis(10), () -> {
            virtual[0] = Thread.currentThread().isVirtual();
            runs.incrementAndGet();
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(virtual[0]).isTrue();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void cancellingThePluginsTasksStopsThemAndRefusesNewRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        scheduler.every(Duration.ofMillis(5), runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        scheduler.cancelAll();
        AtomicInteger later = new AtomicInteger();
        scheduler.after(Duration.ZERO, later::incrementAndGet);
        int atCancel = runs.get();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                .until(() -> runs.get() <= atCancel + 1 && later.get() == 0);
    }

    @Test
    void aPluginsContextOffersItsOwnSchedulerAndStoppingThePluginCancelsItsTasks(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) {
        HostPluginContext context = new HostPluginContext("demo", new ServiceRegistry(),
                new net.intercomj.host.terminal.CommandRegistry(), new net.intercomj.host.contract.ContractApps(),
                () -> "00".repeat(32), folder, timer);
        net.intercomj.api.plugin.Scheduler own = context.service(net.intercomj.api.plugin.Scheduler.class).orElseThrow();
        AtomicInteger runs = new AtomicInteger();
        own.every(Duration.ofMillis(5), runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        context.withdrawAll(false);
        int atStop = runs.get();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() <= atStop + 1);
    }

    @Test
    void badDurationsAreRefused() {
        assertThatThrownBy(() -> scheduler.every(Duration.ZERO, () -> { })).hasMessageContaining("positive");
        assertThatThrownBy(() -> scheduler.after(Duration.ofMillis(-1), () -> { })).hasMessageContaining("negative");
    }
}
