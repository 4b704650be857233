package net.intercomj.host;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The start-up banner, line for line as the original prints it. */
public final class Banner {

    static final String TOP = "====================INTERCOM ====================";
    static final String BOTTOM = "=".repeat(64);

    private Banner() {
    }

    /**
     * Renders the banner: an empty line, the top rule, one {@code label value} line per present
     * value in {@link BannerLine} order, the bottom rule, an empty line.
     */
    public static List<String> render(Map<BannerLine, String> values) {
        Map<BannerLine, String> ordered = new EnumMap<>(BannerLine.class);
        ordered.putAll(values);
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(TOP);
        ordered.forEach((line, value) -> lines.add(line.label() + " " + value));
        lines.add(BOTTOM);
        lines.add("");
        return lines;
    }
}
