package net.intercomj.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.intercomj.host.terminal.PeerConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole command in-process, with stdin, stdout and stderr captured. */
@Timeout(120)
class MainTest {

    /** Spec upstream-contract-subnet-msb §3.10: "abandon ×11 about", hrp trac, m/918'/0'/0'/0'. */
    private static final String ABANDON_ADDRESS = "trac1zl8237sv345e8czm6h62mr8lnaqnksxcdpdute3newax7784mlzspgq04v";
    private static final String FIXTURE = "wallet/compat/keypair-trac-wallet-1.0.1-password.json";
    private static final String FIXTURE_PASSWORD = "correct horse battery staple";

    @TempDir
    Path work;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String stdin, Map<String, String> env, String... args) {
        Main main = new Main(env, work, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return main.run(List.of(args), host -> PeerConsole.lines(in, new PrintStream(stdout, true, StandardCharsets.UTF_8)));
    }

    private List<String> stdoutLines() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path installPasswordProtectedKeypair(String store) throws IOException {
        Path keypair = work.resolve("stores").resolve(store).resolve("db/keypair.json");
        Files.createDirectories(keypair.getParent());
        try (InputStream in = MainTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, keypair);
        }
        return keypair;
    }

    @Test
    void opensAnOriginalWalletWithThePasswordFileAndAnswersCommands() throws Exception {
        installPasswordProtectedKeypair("alice");
        Files.writeString(work.resolve("password.txt"), FIXTURE_PASSWORD + "\n");

        int code = run("/get_keys\n/exit\n", Map.of(), "alice", "--wallet-password-file", "password.txt");

        assertThat(code).isZero();
        assertThat(stdoutLines())
                .contains("Peer trac address (bech32m): " + ABANDON_ADDRESS, "Address:  " + ABANDON_ADDRESS, "Exiting...");
    }

    @Test
    void theWalletPasswordFileCanComeFromTheEnvironment() throws Exception {
        installPasswordProtectedKeypair("alice");
        Files.writeString(work.resolve("password.txt"), FIXTURE_PASSWORD);

        int code = run("/exit\n", Map.of("WALLET_PASSWORD_FILE", "password.txt"), "alice");

        assertThat(code).isZero();
        assertThat(stdoutLines()).contains("Peer trac address (bech32m): " + ABANDON_ADDRESS);
    }

    @Test
    void aWrongPasswordNamesTheFileFailsAndLeavesItUntouched() throws Exception {
        Path keypair = installPasswordProtectedKeypair("alice");
        byte[] before = Files.readAllBytes(keypair);

        int code = run("/exit\n", Map.of(), "alice");

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(keypair.toString());
        assertThat(Files.readAllBytes(keypair)).isEqualTo(before);
        assertThat(stdoutLines()).noneMatch(line -> line.startsWith("Peer trac address"));
    }

    @Test
    void aMissingPasswordFileIsNamed() {
        int code = run("/exit\n", Map.of(), "alice", "--wallet-password-file", "nope.txt");

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--wallet-password-file", "nope.txt");
        assertThat(work.resolve("stores/alice")).doesNotExist();
    }

    @Test
    void badSettlementFlagsFailBeforeAnythingIsWritten() {
        int code = run("", Map.of(), "bob", "--msb-bootstrap", "abc", "--msb-genesis-balance", "lots");

        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "Invalid --msb-bootstrap. Expected 32-byte hex (64 chars), got length 3.",
                "Invalid --msb-genesis-balance: Invalid amount \"lots\": expected digits with an optional decimal"
                        + " point, such as 12.5.");
        assertThat(work.resolve("stores")).doesNotExist();
    }

    @Test
    void unknownFlagsFailBeforeAnythingIsWritten() {
        int code = run("", Map.of(), "bob", "--no-such-flag", "1");

        assertThat(code).isNotZero();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--no-such-flag");
        assertThat(work.resolve("stores")).doesNotExist();
    }

    @Test
    void anUnknownCommandIsReportedAndThePeerKeepsRunning() throws Exception {
        int code = run("/nope\n/stats\n/exit\n", Map.of(), "carol");

        assertThat(code).isZero();
        assertThat(stdoutLines()).contains(
                "Unknown command: /nope. Type /help for the list of commands.", "--- Stats ---", "Exiting...");
    }

    @Test
    void versionIsOneLine() {
        int code = run("", Map.of(), "--version");

        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).matches("intercom [^\n]+\n");
    }
}
