package net.intercomj.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/flags.md and the README's flag table true to the flag table. */
class FlagDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "flags.md");
    private static final Path README = Path.of("..", "README.md");

    @Test
    void flagsPageDocumentsEveryNameAndEnvVar() throws IOException {
        String page = Files.readString(DOCS);
        for (Flag flag : Flags.ALL) {
            for (String name : flag.names()) {
                assertThat(page).as("docs/flags.md mentions %s", name).contains("`" + name + "`");
            }
            for (String envVar : flag.envVars()) {
                assertThat(page).as("docs/flags.md mentions %s", envVar).contains("`" + envVar + "`");
            }
        }
    }

    @Test
    void flagsPageHasAHeadingPerPlane() throws IOException {
        String page = Files.readString(DOCS);
        for (Plane plane : Plane.values()) {
            assertThat(page).as("docs/flags.md heading for %s", plane).contains("\n### " + plane.title() + "\n");
        }
    }

    @Test
    void readmeListsEveryFlag() throws IOException {
        String readme = Files.readString(README);
        for (Flag flag : Flags.ALL) {
            assertThat(readme).as("README lists %s", flag.name()).contains("| `" + flag.name() + "`");
        }
    }
}
