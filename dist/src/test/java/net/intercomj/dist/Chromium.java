package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the browser tests find Chromium: Debian's, or the one named by {@code CHROMIUM}. Nothing is downloaded. */
final class Chromium {

    private Chromium() {}

    /** The executable: the {@code CHROMIUM} system property or environment variable, else {@code /usr/bin/chromium}. */
    static Path path() {
        String configured = System.getProperty("CHROMIUM", System.getenv("CHROMIUM"));
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        assertThat(Files.isExecutable(path)).as("chromium at " + path + " (install Debian's chromium, or set CHROMIUM)")
                .isTrue();
        return path;
    }
}
