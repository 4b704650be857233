package net.intercomj.host.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import net.intercomj.api.contract.ContractApp;
import org.junit.jupiter.api.Test;

/** Loaded app versions: found by id and hash, removed once, listeners told of every change. */
class ContractAppsTest {

    private static final String V1 = "11".repeat(32);
    private static final String V2 = "22".repeat(32);
    private static final ContractApp EMPTY = contract -> { };

    @Test
    void appsAreFoundByIdAndVersionOnly() {
        ContractApps apps = new ContractApps();
        apps.add("demo", V1, EMPTY);
        apps.add("demo", V2, EMPTY);
        apps.add("other", V1, EMPTY);
        assertThat(apps.find("demo", V1)).isPresent();
        assertThat(apps.find("demo", V2)).isPresent();
        assertThat(apps.find("other", V2)).isEmpty();
        assertThat(apps.find("nope", V1)).isEmpty();
        assertThat(apps.versions("demo")).extracting(ContractApps.Installed::versionHash).containsExactlyInAnyOrder(V1, V2);
        assertThat(apps.all()).hasSize(3);
    }

    @Test
    void theSameVersionCannotBeLoadedTwice() {
        ContractApps apps = new ContractApps();
        apps.add("demo", V1, EMPTY);
        assertThatThrownBy(() -> apps.add("demo", V1, EMPTY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already loaded");
    }

    @Test
    void anAppWhoseDefineFailsIsNotAdded() {
        ContractApps apps = new ContractApps();
        assertThatThrownBy(() -> apps.add("broken", V1, contract -> {
            throw new IllegalArgumentException("bad");
        })).hasMessage("bad");
        assertThat(apps.all()).isEmpty();
    }

    @Test
    void removingTakesOnlyThatAppAndOnlyOnceAndListenersHearEveryChange() {
        ContractApps apps = new ContractApps();
        AtomicInteger changes = new AtomicInteger();
        apps.onChange(changes::incrementAndGet);
        Runnable removeFirst = apps.add("demo", V1, EMPTY);
        assertThat(changes).hasValue(1);
        removeFirst.run();
        assertThat(apps.find("demo", V1)).isEmpty();
        assertThat(changes).hasValue(2);
        Runnable removeSecond = apps.add("demo", V1, EMPTY);
        // The first remover no longer removes the reloaded version.
        removeFirst.run();
        assertThat(apps.find("demo", V1)).isPresent();
        assertThat(changes).hasValue(3);
        removeSecond.run();
        assertThat(apps.all()).isEmpty();
    }
}
