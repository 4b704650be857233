package net.intercomj.intersplit;

import java.util.Locale;

/**
 * The one canonical form of a room's channel name, used for the room key, the file, the
 * sidechannel, the terminal and the bridge alike (fixes W1: the original kept case in some
 * paths and lowercased in others): trimmed as JS {@code trim()} does, lowercased with
 * {@link Locale#ROOT}; blank gives the entry channel {@value #DEFAULT}.
 */
public final class Channels {

    /** The default room, the sidechannel entry channel. */
    public static final String DEFAULT = "0000intercom";

    /** The longest channel name (the original contract's limit), in code points. */
    public static final int MAX_LENGTH = 128;

    private Channels() {}

    /**
     * The canonical name of {@code raw}.
     *
     * @throws IllegalArgumentException when the name is too long or holds control characters
     */
    public static String canonical(String raw) {
        String name = raw == null ? "" : Names.jsTrim(raw).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return DEFAULT;
        }
        Names.checkText(name, "A channel name", MAX_LENGTH);
        return name;
    }
}
