package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * Who may write and who orders, kept in the view so that every peer derives it from the same
 * confirmed ops: {@code wri/<key>} = {@code {"indexer": bool}} per writer, {@code indexers} = the
 * sorted indexer keys, and {@code wrl} = the number of writers (the original's {@code /stats}
 * read {@code wrl} but nothing wrote it, spec §9 item 27).
 */
public final class Membership {

    public static final String INDEXERS = "indexers";
    public static final String WRITER_COUNT = "wrl";

    /** The op types that may change the indexers: {@code addIndexer}, and {@code removeWriter} of an indexer. */
    public static final Set<String> INDEXER_CHANGES = Set.of("addIndexer", "removeWriter");

    private Membership() {}

    /**
     * Whether {@code entry}'s op is of a type that may change the indexers. The leader ends a
     * batch after such an op, so the indexers change at most once per batch.
     */
    public static boolean mayChangeIndexers(LogEntry entry) {
        String op = entry.op();
        if (INDEXER_CHANGES.stream().noneMatch(type -> op.contains("\"" + type + "\""))) {
            return false;
        }
        try {
            JsonNode parsed = CanonicalJson.parse(op);
            return parsed != null && INDEXER_CHANGES.contains(parsed.path("type").asText(""));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public static boolean isWriter(OpContext context, String key) {
        return context.get(ViewKeys.writer(key)).isPresent();
    }

    public static boolean isIndexer(OpContext context, String key) {
        return context.get(ViewKeys.writer(key)).map(value -> value.path("indexer").asBoolean(false)).orElse(false);
    }

    public static int indexers(OpContext context) {
        return indexerKeys(context.get(INDEXERS).orElse(null)).size();
    }

    /** Adds {@code key} as a writer, or as an indexer (promoting a writer). */
    public static void add(OpContext context, String key, boolean indexer) {
        boolean wasWriter = isWriter(context, key);
        context.put(ViewKeys.writer(key), JsonNodeFactory.instance.objectNode().put("indexer", indexer));
        if (!wasWriter) {
            context.put(WRITER_COUNT, context.counter(WRITER_COUNT) + 1);
        }
        TreeSet<String> keys = new TreeSet<>(indexerKeys(context.get(INDEXERS).orElse(null)));
        if (indexer ? keys.add(key) : keys.remove(key)) {
            context.put(INDEXERS, array(keys));
        }
    }

    /** Removes {@code key}, writer or indexer. */
    public static void remove(OpContext context, String key) {
        context.delete(ViewKeys.writer(key));
        context.put(WRITER_COUNT, Math.max(0, context.counter(WRITER_COUNT) - 1));
        TreeSet<String> keys = new TreeSet<>(indexerKeys(context.get(INDEXERS).orElse(null)));
        if (keys.remove(key)) {
            context.put(INDEXERS, array(keys));
        }
    }

    /** Whether {@code key} is a writer in {@code view}. */
    public static boolean isWriter(ViewReader view, String key) {
        return view.get(ViewKeys.writer(key)).isPresent();
    }

    /** The indexer keys in {@code view}, sorted. */
    public static List<String> indexers(ViewReader view) {
        return view.get(INDEXERS).map(text -> {
            try {
                return indexerKeys(CanonicalJson.parse(text));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("The view holds invalid JSON at " + INDEXERS, e);
            }
        }).orElse(List.of());
    }

    /** The number of writers in {@code view}. */
    public static long writerCount(ViewReader view) {
        return view.get(WRITER_COUNT).map(Long::parseLong).orElse(0L);
    }

    private static List<String> indexerKeys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> keys.add(element.asText()));
        }
        return keys;
    }

    private static ArrayNode array(Iterable<String> keys) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        keys.forEach(array::add);
        return array;
    }
}
