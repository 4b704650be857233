package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the assembled distribution ({@code target/intercom/bin/intercom}) as a separate
 * process, exactly as an operator does, and drives it through stdin.
 */
@Timeout(300)
class DistributionIT {

    /** Spec upstream-contract-subnet-msb §3.10: "abandon ×11 about", hrp trac, m/918'/0'/0'/0'. */
    private static final String ABANDON_PUBKEY = "17cea8fa0c8d6993e05bd5f4ad8cff9f413b40d8685bc5e633cbba6f78f5dfc5";
    private static final String ABANDON_ADDRESS = "trac1zl8237sv345e8czm6h62mr8lnaqnksxcdpdute3newax7784mlzspgq04v";

    @TempDir
    Path work;

    /** Puts the keypair.json written by the original JavaScript wallet into {@code stores/<name>/db/}. */
    private Path installOriginalKeypair(String storeName) throws IOException {
        Path file = work.resolve("stores").resolve(storeName).resolve("db").resolve("keypair.json");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("original-keypair.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void startsPrintsTheBannerAnswersStatsAndExitsWithZero() throws Exception {
        Path keypair = installOriginalKeypair("e2e");
        byte[] keypairBefore = Files.readAllBytes(keypair);
        try (PeerProcess peer = PeerProcess.start(work, "e2e")) {
            peer.awaitStdoutLine("isWriter: true", PeerProcess.STARTUP);
            List<String> out = peer.stdout();
            int top = out.indexOf("====================INTERCOM ====================");
            assertThat(top).isPositive();
            assertThat(out.get(top - 1)).isEmpty();
            // A first run creates a subnet whose bootstrap is this peer's own writer key.
            String writerKey = Files.readString(work.resolve("stores/e2e/subnet-bootstrap.hex")).trim();
            // The peer created its subnet with no MSB flag: it runs an embedded MSB, named after its own key.
            assertThat(out.get(top + 1)).matches("MSB network bootstrap: [0-9a-f]{64} \\(embedded: this peer is its validator\\)");
            String msbBootstrap = out.get(top + 1).substring("MSB network bootstrap: ".length(),
                    "MSB network bootstrap: ".length() + 64);
            assertThat(msbBootstrap).isNotEqualTo(writerKey);
            assertThat(out.subList(top, top + 16)).containsExactly(
                    "====================INTERCOM ====================",
                    out.get(top + 1),
                    "MSB channel: intercom-msb-" + msbBootstrap,
                    "MSB store: stores/e2e-msb",
                    "Peer store: stores/e2e",
                    "Peer DHT bootstrap nodes: 127.0.0.1:49737",
                    "Peer subnet bootstrap: " + writerKey,
                    "Peer subnet channel: trac-peer-subnet",
                    "Peer pubkey (hex): " + ABANDON_PUBKEY,
                    "Peer trac address (bech32m): " + ABANDON_ADDRESS,
                    "Peer writer key (hex): " + writerKey,
                    "Subnet writable: true",
                    "Sidechannel entry: 0000intercom",
                    "=".repeat(64),
                    "isIndexer: true",
                    "isWriter: true");
            // The sidechannel plugin, loaded from plugins/, warns as the original does and gets ready.
            assertThat(peer.stderrText()).contains("[sidechannel] welcome required for non-entry channels; entry"
                    + " \"0000intercom\" is open and does not require owner/welcome.");
            peer.awaitStdoutLine("Sidechannel: ready", PeerProcess.STARTUP);

            peer.type("/stats");
            peer.awaitStdoutLine("--- Stats ---", PeerProcess.REPLY);
            peer.awaitStdoutLine("wallet.address: " + ABANDON_ADDRESS, PeerProcess.REPLY);

            peer.type("/exit");
            peer.awaitStdoutLine("Exiting...", PeerProcess.REPLY);
            assertThat(peer.awaitExit(PeerProcess.REPLY)).isZero();
        }
        assertThat(Files.readAllBytes(keypair)).isEqualTo(keypairBefore);
        Path bootstrapFile = work.resolve("stores/e2e/subnet-bootstrap.hex");
        assertThat(Files.readString(bootstrapFile)).matches("[0-9a-f]{64}\n");
    }

    @Test
    void aFreshStoreGetsANewWalletThatTheNextRunReuses() throws Exception {
        String firstKey;
        try (PeerProcess peer = PeerProcess.start(work, "fresh")) {
            peer.awaitStdoutLine("Key pair exported to stores/fresh/db/keypair.json", PeerProcess.STARTUP);
            peer.awaitStdoutLine("=".repeat(64), PeerProcess.STARTUP);
            firstKey = valueOf(peer.stdout(), "Peer pubkey (hex): ");
            peer.type("/exit");
            assertThat(peer.awaitExit(PeerProcess.REPLY)).isZero();
        }
        String bootstrap = Files.readString(work.resolve("stores/fresh/subnet-bootstrap.hex"));
        try (PeerProcess peer = PeerProcess.start(work, "fresh")) {
            peer.awaitStdoutLine("Peer pubkey (hex): " + firstKey, PeerProcess.STARTUP);
            assertThat(peer.stdout()).noneMatch(line -> line.startsWith("Key pair exported"));
            peer.type("/exit");
            assertThat(peer.awaitExit(PeerProcess.REPLY)).isZero();
        }
        assertThat(firstKey).matches("[0-9a-f]{64}");
        assertThat(Files.readString(work.resolve("stores/fresh/subnet-bootstrap.hex"))).isEqualTo(bootstrap);
    }

    @Test
    void aSecondProcessOnTheSameStoreRefusesAndSigtermReleasesTheStore() throws Exception {
        installOriginalKeypair("shared");
        try (PeerProcess first = PeerProcess.start(work, "shared")) {
            first.awaitStdoutLine("Peer pubkey (hex): " + ABANDON_PUBKEY, PeerProcess.STARTUP);
            try (PeerProcess second = PeerProcess.start(work, "shared")) {
                assertThat(second.awaitExit(PeerProcess.STARTUP)).isEqualTo(1);
                assertThat(second.stderrText()).contains("Store stores/shared is already in use by another peer process");
            }
            first.terminate();
            assertThat(first.awaitExit(PeerProcess.REPLY)).isEqualTo(143);
        }
        try (PeerProcess again = PeerProcess.start(work, "shared")) {
            again.awaitStdoutLine("Peer pubkey (hex): " + ABANDON_PUBKEY, PeerProcess.STARTUP);
            again.type("/exit");
            assertThat(again.awaitExit(PeerProcess.REPLY)).isZero();
        }
    }

    @Test
    void startupValidationErrorsUseTheOriginalsWordsAndFail() throws Exception {
        assertFailsWith(2, "SC-Bridge requires --sc-bridge-token (auth is mandatory).", "p", "--sc-bridge", "1");
        assertFailsWith(2, "Invalid --subnet-bootstrap. Provide 32-byte hex (64 chars).", "p", "--subnet-bootstrap", "xyz");
        assertFailsWith(2, "--no-such-flag", "p", "--no-such-flag", "1");
        assertThat(work.resolve("stores")).doesNotExist();
    }

    @Test
    void aCorruptKeypairIsNamedAndLeftUntouched() throws Exception {
        Path keypair = work.resolve("stores/broken/db/keypair.json");
        Files.createDirectories(keypair.getParent());
        Files.writeString(keypair, "{\"nonce\":\"00\",\"salt\":");
        assertFailsWith(1, "stores/broken/db/keypair.json", "broken");
        assertThat(Files.readString(keypair)).isEqualTo("{\"nonce\":\"00\",\"salt\":");
    }

    @Test
    void helpListsFlagsByPlane() throws Exception {
        try (PeerProcess peer = PeerProcess.start(work, "--help")) {
            assertThat(peer.awaitExit(PeerProcess.STARTUP)).isZero();
            assertThat(peer.stdout()).anyMatch(line -> line.contains("--peer-store-name"));
        }
    }

    /** A distribution is run by a Java runtime: the launcher must not insist on a compiler. */
    @Test
    void runsOnAJavaRuntimeWithoutACompiler() throws Exception {
        Path runtime = work.resolve("jre");
        Path java = runtime.resolve("bin").resolve("java");
        Path calls = work.resolve("java-calls.txt");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        assertThat(runtime.resolve("bin").resolve("javac")).doesNotExist();

        try (PeerProcess peer = PeerProcess.start(work, Map.of("JAVA_HOME", runtime.toString()), "--help")) {
            assertThat(peer.awaitExit(PeerProcess.STARTUP)).isZero();
            assertThat(peer.stdout()).anyMatch(line -> line.contains("--peer-store-name"));
        }
        assertThat(Files.readAllLines(calls)).anyMatch(line -> line.endsWith("--help"));
    }

    private void assertFailsWith(int exitCode, String stderrFragment, String... args) throws Exception {
        try (PeerProcess peer = PeerProcess.start(work, args)) {
            assertThat(peer.awaitExit(PeerProcess.STARTUP)).isEqualTo(exitCode);
            assertThat(peer.stderrText()).contains(stderrFragment);
        }
    }

    private static String valueOf(List<String> lines, String label) {
        return lines.stream().filter(line -> line.startsWith(label)).findFirst()
                .map(line -> line.substring(label.length()))
                .orElseThrow(() -> new AssertionError("no line starting with " + label + " in " + lines));
    }

}
