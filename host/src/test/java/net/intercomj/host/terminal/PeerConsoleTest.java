package net.intercomj.host.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PeerConsoleTest {

    @Test
    void lineModeReadsEachLineThenReportsTheEnd() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PeerConsole console = PeerConsole.lines(
                new ByteArrayInputStream("/stats\n\n/exit\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertThat(console.interactive()).isFalse();
            assertThat(console.read()).isEqualTo(new ConsoleInput.Line("/stats"));
            assertThat(console.read()).isEqualTo(new ConsoleInput.Line(""));
            assertThat(console.read()).isEqualTo(new ConsoleInput.Line("/exit"));
            assertThat(console.read()).isEqualTo(new ConsoleInput.EndOfInput());
            console.output().println("done");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("done" + System.lineSeparator());
    }
}
