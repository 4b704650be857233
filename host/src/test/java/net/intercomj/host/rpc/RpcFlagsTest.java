package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.intercomj.host.cli.FlagParser;
import net.intercomj.host.cli.ParseOutcome;
import net.intercomj.host.cli.PeerOptions;
import net.intercomj.host.cli.PeerOptions.RpcOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RPC flags: defaults, the mandatory token, and the original's messages for bad values. */
class RpcFlagsTest {

    private static final String TOKEN_REQUIRED = "RPC requires --rpc-token (auth is mandatory).";
    private static final String BAD_PORT = "Invalid --rpc-port. Expected integer 1-65535.";
    private static final String BAD_BODY = "Invalid --rpc-max-body-bytes. Expected a positive integer.";

    @TempDir
    Path workingDirectory;

    private ParseOutcome parse(Map<String, String> env, String... args) {
        return new FlagParser(env, workingDirectory).parse(List.of(args));
    }

    private RpcOptions rpc(Map<String, String> env, String... args) {
        ParseOutcome outcome = parse(env, args);
        assertThat(outcome).as("%s", List.of(args)).isInstanceOf(ParseOutcome.Run.class);
        return ((ParseOutcome.Run) outcome).options().rpc();
    }

    private String error(Map<String, String> env, String... args) {
        ParseOutcome outcome = parse(env, args);
        assertThat(outcome).as("%s", List.of(args)).isInstanceOf(ParseOutcome.Invalid.class);
        assertThat(((ParseOutcome.Invalid) outcome).exitCode()).isEqualTo(2);
        return ((ParseOutcome.Invalid) outcome).message();
    }

    @Test
    void offByDefaultWithTheOriginalsDefaultsButNoCorsOrigin() {
        RpcOptions rpc = rpc(Map.of());
        assertThat(rpc).isEqualTo(new RpcOptions(false, "127.0.0.1", 5001, "", java.util.Optional.empty(), 1_000_000,
                false));
    }

    @Test
    void everyRpcFlagAndEnvVarIsRead() {
        RpcOptions fromFlags = rpc(Map.of(), "--rpc", "--rpc-host", "0.0.0.0", "--rpc-port", "6001",
                "--rpc-token", "t", "--rpc-allow-origin", " http://localhost:5173 ", "--rpc-max-body-bytes", "2048");
        assertThat(fromFlags).isEqualTo(new RpcOptions(true, "0.0.0.0", 6001, "t",
                java.util.Optional.of("http://localhost:5173"), 2048, false));
        RpcOptions fromEnv = rpc(Map.of("PEER_RPC", "1", "PEER_RPC_HOST", "::1", "PEER_RPC_PORT", "6002",
                "PEER_RPC_TOKEN", "e", "PEER_RPC_ALLOW_ORIGIN", "*", "PEER_RPC_MAX_BODY_BYTES", "1"));
        assertThat(fromEnv).isEqualTo(new RpcOptions(true, "::1", 6002, "e", java.util.Optional.of("*"), 1, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--rpc", "--rpc=1", "--rpc=true", "--rpc=on"})
    void theRpcNeedsAToken(String flag) {
        assertThat(error(Map.of(), flag)).isEqualTo(TOKEN_REQUIRED);
        assertThat(error(Map.of(), flag, "--rpc-token", "   ")).isEqualTo(TOKEN_REQUIRED);
        assertThat(error(Map.of("PEER_RPC_TOKEN", ""), flag)).isEqualTo(TOKEN_REQUIRED);
    }

    @Test
    void theTokenMayComeFromTheEnvironment() {
        assertThat(rpc(Map.of("PEER_RPC", "true", "PEER_RPC_TOKEN", "envtoken")).token()).isEqualTo("envtoken");
        assertThat(rpc(Map.of("PEER_RPC", "true", "PEER_RPC_TOKEN", "envtoken")).enabled()).isTrue();
    }

    @Test
    void aBareTokenIsReportedOnce() {
        assertThat(error(Map.of(), "--rpc", "--rpc-token")).isEqualTo("Option --rpc-token needs a value.");
    }

    @Test
    void theRpcOffNeedsNoToken() {
        assertThat(rpc(Map.of(), "--rpc", "0").enabled()).isFalse();
        assertThat(rpc(Map.of("PEER_RPC", "no")).enabled()).isFalse();
    }

    @Test
    void bothTokenErrorsAreListedBridgeFirst() {
        assertThat(error(Map.of(), "--rpc", "--sc-bridge")).isEqualTo(
                "SC-Bridge requires --sc-bridge-token (auth is mandatory).\n" + TOKEN_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "abc", "5001x", "1.5", "99999999999"})
    void theOriginalsPortMessage(String port) {
        assertThat(error(Map.of(), "--rpc-port", port)).isEqualTo(BAD_PORT);
        assertThat(error(Map.of("PEER_RPC_PORT", port))).isEqualTo(BAD_PORT);
        // Checked whether or not the RPC is on, like every flag (the original only when on).
        assertThat(error(Map.of(), "--rpc", "--rpc-token", "t", "--rpc-port=" + port)).isEqualTo(BAD_PORT);
    }

    @Test
    void portsAtTheEdgesAreFine() {
        assertThat(rpc(Map.of(), "--rpc-port", "1").port()).isEqualTo(1);
        assertThat(rpc(Map.of(), "--rpc-port", "65535").port()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "64k", "1e6", "3000000000"})
    void theOriginalsBodyLimitMessage(String limit) {
        assertThat(error(Map.of(), "--rpc-max-body-bytes", limit)).isEqualTo(BAD_BODY);
        assertThat(error(Map.of("PEER_RPC_MAX_BODY_BYTES", limit))).isEqualTo(BAD_BODY);
    }

    @Test
    void apiTxExposedIsActive() {
        ParseOutcome outcome = parse(Map.of(), "--rpc", "--rpc-token", "t", "--api-tx-exposed");
        PeerOptions options = ((ParseOutcome.Run) outcome).options();
        assertThat(options.rpc().apiTxExposed()).isTrue();
        assertThat(((ParseOutcome.Run) parse(Map.of("PEER_API_TX_EXPOSED", "1"))).options().rpc().apiTxExposed()).isTrue();
        assertThat(((ParseOutcome.Run) parse(Map.of(), "--rpc", "--rpc-token", "t")).options().rpc().apiTxExposed()).isFalse();
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(rpc(Map.of(), "--rpc", "--rpc-token", "hunter2").toString()).doesNotContain("hunter2");
    }
}
