package net.intercomj.host.subnet.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@link OpContext#child()} and {@link OpContext#keep}: writes an op can still drop. */
class OpContextChildTest {

    private static final PeerWallet WRITER = PeerWallet.generate();
    private static final Bytes32 SUBNET = Bytes32.fromHex("a1".repeat(32));

    private final Map<String, String> stored = new HashMap<>(Map.of("a", "1"));
    private final ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));

    private OpContext context() {
        LogEntry entry = LogEntry.append(SUBNET, Bytes32.of(WRITER.publicKey()), null, List.of(), 0, "{}", WRITER::sign);
        return new OpContext(SUBNET, entry, view);
    }

    @Test
    void aChildSeesItsParentButItsWritesReachTheParentOnlyWhenKept() {
        OpContext parent = context();
        parent.put("b", 2);
        OpContext child = parent.child();
        assertThat(child.subnet()).isEqualTo(SUBNET);
        assertThat(child.writer()).isEqualTo(parent.writer());
        assertThat(child.counter("a")).isEqualTo(1);
        assertThat(child.counter("b")).isEqualTo(2);
        child.put("c", 3);
        child.delete("a");
        assertThat(child.get("a")).isEmpty();
        assertThat(parent.get("c")).isEmpty();
        assertThat(parent.counter("a")).isEqualTo(1);
        parent.keep(child);
        assertThat(parent.counter("c")).isEqualTo(3);
        assertThat(parent.get("a")).isEmpty();
    }

    @Test
    void aDroppedChildLeavesNothing() {
        OpContext parent = context();
        parent.child().put("c", 3);
        assertThat(parent.get("c")).isEmpty();
        assertThat(view.writes()).isEmpty();
    }

    @Test
    void onlyItsOwnChildCanBeKept() {
        OpContext parent = context();
        OpContext stranger = context().child();
        assertThatThrownBy(() -> parent.keep(stranger)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parent.keep(context())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parent.keep(parent.child().child())).isInstanceOf(IllegalArgumentException.class);
    }
}
