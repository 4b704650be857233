package net.intercomj.host.subnet.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.Checkpoint;

/**
 * A batch applied in memory, not yet stored: its view writes, each op's result and the
 * checkpoint after it.
 */
public record AppliedBatch(Batch batch, List<LogEntry> entries, Map<String, Optional<String>> writes,
        List<OpResult> results, Checkpoint checkpoint) {

    public AppliedBatch {
        entries = List.copyOf(entries);
        writes = Map.copyOf(writes);
        results = List.copyOf(results);
    }
}
