package net.intercomj.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §1.4: the startup errors, with upstream's exact text, and the unknown-flag error. */
class StartupValidationTest {

    private static final String TOKEN_REQUIRED = "SC-Bridge requires --sc-bridge-token (auth is mandatory).";
    private static final String BAD_SUBNET = "Invalid --subnet-bootstrap. Provide 32-byte hex (64 chars).";
    private static final String SUBNET_IS_MSB = "Subnet bootstrap cannot equal MSB bootstrap.";
    private static final String MSB = "acbc3a4344d3a804101d40e53db1dda82b767646425af73599d4cd6577d69685";

    @TempDir
    Path workingDirectory;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(workingDirectory);
    }

    static Stream<Arguments> bridgeWithoutToken() {
        return Stream.of(
                Arguments.of(Map.of(), List.of("--sc-bridge", "1")),
                Arguments.of(Map.of(), List.of("--sc-bridge")),
                Arguments.of(Map.of(), List.of("--sc-bridge=yes", "--sc-bridge-token=")),
                Arguments.of(Map.of("SC_BRIDGE", "on"), List.of()),
                Arguments.of(Map.of("SC_BRIDGE_TOKEN", ""), List.of("--sc-bridge", "true")),
                // Deliberate: a blank token is no authentication either.
                Arguments.of(Map.of(), List.of("--sc-bridge", "1", "--sc-bridge-token", "   ")));
    }

    @ParameterizedTest(name = "env {0}, args {1}")
    @MethodSource("bridgeWithoutToken")
    void bridgeNeedsAToken(Map<String, String> env, List<String> args) {
        assertThat(cli.withEnv(env).error(args.toArray(String[]::new))).isEqualTo(TOKEN_REQUIRED);
    }

    @Test
    void bridgeWithATokenRuns() {
        assertThat(cli.run("--sc-bridge", "1", "--sc-bridge-token", "t").scBridge().token()).isEqualTo("t");
        PeerOptions fromEnv = cli.withEnv(Map.of("SC_BRIDGE_TOKEN", "envtoken")).run("--sc-bridge", "1");
        assertThat(fromEnv.scBridgeEnabled()).isTrue();
        assertThat(fromEnv.scBridge().token()).isEqualTo("envtoken");
    }

    @Test
    void bridgeOffNeedsNoToken() {
        assertThat(cli.run("--sc-bridge", "0").scBridgeEnabled()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"xyz", "abc", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
        "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "0x23456789abcdef0123456789abcdef"})
    void subnetBootstrapMustBe64Hex(String value) {
        assertThat(cli.error("--subnet-bootstrap", value)).isEqualTo(BAD_SUBNET);
        assertThat(cli.withEnv(Map.of("SUBNET_BOOTSTRAP", value)).error()).isEqualTo(BAD_SUBNET);
    }

    @Test
    void subnetBootstrapIsTrimmedAndLowercased() {
        String key = "0123456789abcdef".repeat(4);
        assertThat(cli.run("--subnet-bootstrap", "  " + key.toUpperCase() + " ").subnetBootstrap()).contains(key);
        assertThat(cli.withEnv(Map.of("SUBNET_BOOTSTRAP", key)).run().subnetBootstrap()).contains(key);
    }

    @Test
    void blankSubnetBootstrapLeavesItToTheStoreFile() {
        // Upstream trims before testing presence, so a blank value falls back to the file.
        assertThat(cli.run("--subnet-bootstrap", "   ").subnetBootstrap()).isEmpty();
    }

    @Test
    void subnetBootstrapCannotBeTheMsbBootstrap() {
        assertThat(SubnetBootstraps.MSB_MAINNET_BOOTSTRAP).isEqualTo(MSB);
        assertThat(cli.error("--subnet-bootstrap", MSB)).isEqualTo(SUBNET_IS_MSB);
        assertThat(cli.error("--subnet-bootstrap", " " + MSB.toUpperCase())).isEqualTo(SUBNET_IS_MSB);
        assertThat(cli.withEnv(Map.of("SUBNET_BOOTSTRAP", MSB)).error()).isEqualTo(SUBNET_IS_MSB);
    }

    @Test
    void startupErrorsComeInUpstreamsOrder() {
        assertThat(cli.error("--subnet-bootstrap", "xyz", "--sc-bridge", "1"))
                .isEqualTo(TOKEN_REQUIRED + "\n" + BAD_SUBNET);
    }

    @Test
    void aBareTokenIsReportedOnceNotAlsoAsMissing() {
        assertThat(cli.error("--sc-bridge", "1", "--sc-bridge-token")).isEqualTo("Option --sc-bridge-token needs a value.");
    }

    @Test
    void unknownFlagExitsWithTwoAndNamesIt() {
        ParseOutcome.Invalid invalid = cli.invalid("alice", "--nope", "1");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.message()).isEqualTo("Unknown option: --nope.");
    }

    @Test
    void unknownFlagWithAttachedValueIsNamedWithoutIt() {
        assertThat(cli.error("--nope=secret")).isEqualTo("Unknown option: --nope.");
    }

    @Test
    void unknownFlagSuggestsCloseNames() {
        assertThat(cli.error("--sc-brige", "1")).isEqualTo("Unknown option: --sc-brige. Did you mean --sc-bridge?");
        assertThat(cli.error("--peer-store-nam", "x"))
                .isEqualTo("Unknown option: --peer-store-nam. Did you mean --peer-store-name?");
    }

    @Test
    void aFlagWithAnEmptyNameIsUnknownNotTheEndOfOptions() {
        assertThat(cli.error("--=x", "--subnet-channel", "a")).isEqualTo("Unknown option: --=x.");
    }

    @Test
    void unknownShortOptionIsAnError() {
        ParseOutcome.Invalid invalid = cli.invalid("--subnet-channel=a", "-x");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.message()).contains("-x");
    }

    @Test
    void upstreamsInternetBootstrapHostsAreNotAKnownOption() {
        // Sanity check of the table: no other flag catches "--dht".
        assertThat(cli.error("--dht", "a:1")).startsWith("Unknown option: --dht.");
    }
}
