package net.intercomj.host.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A client's message filter (spec upstream-sidechannel-bridge §3.7): {@code |} separates
 * alternatives, and within one, words separated by {@code +}, {@code ,} or spaces must all
 * appear, case-insensitively. The empty filter lets everything through. Immutable.
 *
 * @param raw    the text as the client gave it, echoed back in {@code filter_set}
 * @param groups the alternatives, each a list of lowercase words
 */
public record BridgeFilter(String raw, List<List<String>> groups) {

    public static final BridgeFilter NONE = new BridgeFilter("", List.of());

    public BridgeFilter {
        groups = groups.stream().map(List::copyOf).toList();
    }

    public static BridgeFilter parse(String raw) {
        List<List<String>> groups = new ArrayList<>();
        for (String alternative : raw.split("\\|", -1)) {
            List<String> words = Arrays.stream(alternative.split("[+,\\s]+"))
                    .filter(word -> !word.isEmpty())
                    .map(word -> word.toLowerCase(Locale.ROOT))
                    .toList();
            if (!words.isEmpty()) {
                groups.add(words);
            }
        }
        return new BridgeFilter(raw, groups);
    }

    /** Whether {@code text} (a message as a string, or its JSON) passes. */
    public boolean matches(String text) {
        if (groups.isEmpty()) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return groups.stream().anyMatch(words -> words.stream().allMatch(lower::contains));
    }
}
