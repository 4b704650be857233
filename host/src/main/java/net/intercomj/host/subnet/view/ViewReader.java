package net.intercomj.host.subnet.view;

import java.util.Optional;

/** Reads the subnet's state: keys are text, values JSON text. */
public interface ViewReader {

    /** The value of {@code key}, or empty when it is not set. */
    Optional<String> get(String key);
}
