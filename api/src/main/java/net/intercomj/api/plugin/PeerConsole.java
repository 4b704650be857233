package net.intercomj.api.plugin;

/**
 * The operator's console: lines a plugin prints for the person running the peer, such as
 * {@code Sidechannel: ready}. Lines are printed whole, never interleaved with other output.
 */
@FunctionalInterface
public interface PeerConsole {

    /** Prints one line (without a trailing newline). */
    void println(String line);

    /** Prints one warning line, on the error stream where there is one. */
    default void warn(String line) {
        println(line);
    }
}
