package net.intercomj.host.terminal.commands.subnet;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.SubnetStats;
import net.intercomj.host.subnet.op.ViewKeys;

/** The subnet's lines of {@code /stats}: roles, membership, lengths and how far confirmation lags. */
public final class SubnetStatsLines {

    private SubnetStatsLines() {}

    public static List<String> of(SubnetNode subnet) {
        SubnetStats stats = subnet.stats();
        List<String> lines = new ArrayList<>();
        lines.add("subnet.bootstrap: " + subnet.subnet().toHex());
        lines.add("admin: " + subnet.confirmed().get(ViewKeys.ADMIN).map(admin -> admin.replace("\"", "")).orElse("unset"));
        lines.add("isIndexer: " + subnet.isIndexer());
        lines.add("isWriter: " + subnet.isWriter());
        lines.add("subnet.writers: " + stats.writers());
        lines.add("subnet.indexers: " + stats.indexers().size());
        lines.add("subnet.logs: " + stats.logs());
        lines.add("subnet.entries: " + stats.knownEntries());
        lines.add("subnet.confirmedEntries: " + stats.confirmedEntries());
        lines.add("subnet.confirmedBatches: " + stats.confirmedBatches());
        lines.add("subnet.appliedBatches: " + stats.appliedBatches());
        lines.add("subnet.lag: " + stats.lag());
        lines.add("subnet.rollbacks: " + stats.rollbacks());
        lines.add("subnet.peers: " + stats.peers());
        lines.add("subnet.role: " + stats.consensus().role());
        lines.add("subnet.term: " + stats.consensus().term());
        lines.add("subnet.leader: " + stats.consensus().leader().orElse("unknown"));
        if (stats.halted() != null) {
            lines.add("subnet.halted: " + stats.halted());
        }
        if (stats.paused() != null) {
            lines.add("subnet.paused: " + stats.paused());
        }
        return lines;
    }
}
