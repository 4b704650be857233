package net.intercomj.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "127.0.0.1:49737,127.0.0.1,49737",
        "localhost:1,localhost,1",
        "node1.example.org:65535,node1.example.org,65535",
        "[::1]:10001,::1,10001",
        "[fe80::1%eth0]:5,fe80::1%eth0,5",
        "[2001:db8::7]:80,2001:db8::7,80"})
    void parsesAndPrintsBack(String text, String host, int port) {
        HostPort parsed = HostPort.parse(text);
        assertThat(parsed).isEqualTo(new HostPort(host, port));
        assertThat(parsed.toString()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "host", ":1", "host:", "host:0", "host:65536", "host:-1", "host:1x", "::1:5",
        "[::1]", "[::1]5", "[zz]:5", "ho st:1", "-host:1", "host:123456"})
    void rejects(String text) {
        assertThatThrownBy(() -> HostPort.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"");
    }
}
