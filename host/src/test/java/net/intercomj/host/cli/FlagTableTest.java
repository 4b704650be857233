package net.intercomj.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table itself, and that every row is wired: each name, alias and env var changes its option. */
class FlagTableTest {

    @TempDir
    Path workingDirectory;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(workingDirectory);
    }

    @Test
    void namesAndEnvVarsAreUnique() {
        List<String> names = new ArrayList<>(List.of("--help", "--version"));
        List<String> envVars = new ArrayList<>();
        for (Flag flag : Flags.ALL) {
            names.addAll(flag.names());
            envVars.addAll(flag.envVars());
        }
        assertThat(names).doesNotHaveDuplicates();
        assertThat(envVars).doesNotHaveDuplicates();
    }

    @Test
    void theUpstreamFlagsAreAllThere() {
        assertThat(Flags.ALL.stream().flatMap(flag -> flag.names().stream())).containsExactlyInAnyOrder(
                "--peer-store-name", "--peer-stores-directory", "--msb-store-name", "--msb-stores-directory",
                "--subnet-channel", "--subnet-bootstrap", "--sidechannels", "--sidechannel", "--sidechannel-debug",
                "--sidechannel-quiet", "--sidechannel-max-bytes", "--sidechannel-allow-remote-open",
                "--sidechannel-auto-join", "--sidechannel-pow", "--sidechannel-pow-difficulty",
                "--sidechannel-pow-entry", "--sidechannel-pow-channels", "--sidechannel-rate-bytes",
                "--sidechannel-rate-burst", "--sidechannel-max-strikes", "--sidechannel-invite-required",
                "--sidechannel-invite-channels", "--sidechannel-invite-prefixes", "--sidechannel-inviter-keys",
                "--sidechannel-invite-ttl", "--sidechannel-owner", "--sidechannel-owner-write-only",
                "--sidechannel-owner-write-channels", "--sidechannel-welcome", "--sidechannel-welcome-required",
                "--sc-bridge", "--sc-bridge-host", "--sc-bridge-port", "--sc-bridge-filter",
                "--sc-bridge-filter-channel", "--sc-bridge-token", "--sc-bridge-cli", "--sc-bridge-debug", "--timer",
                "--peer-dht-bootstrap", "--dht-bootstrap", "--msb-dht-bootstrap", "--msb-bootstrap", "--msb-channel",
                // Ours.
                "--wallet-password-file", "--log-level", "--lan-discovery", "--app", "--msb-genesis-balance",
                // Ours too: the original let every bridge client run /get_keys and /exit, and had no origin check.
                "--sc-bridge-cli-unsafe", "--sc-bridge-origins",
                // The original's RPC runner flags (spec upstream-contract-subnet-msb §6.3) ...
                "--rpc", "--rpc-host", "--rpc-port", "--rpc-allow-origin", "--rpc-max-body-bytes", "--api-tx-exposed",
                // ... and ours: the original's RPC had no authentication.
                "--rpc-token");
    }

    @Test
    void byNameFindsAliases() {
        assertThat(Flags.byName("--dht-bootstrap")).contains(Flags.PEER_DHT_BOOTSTRAP);
        assertThat(Flags.byName("--sidechannel")).contains(Flags.SIDECHANNELS);
        assertThat(Flags.byName("--nope")).isEmpty();
    }

    @Test
    void flagNamesMustHaveTwoDashes() {
        assertThatThrownBy(() -> new Flag("-x", List.of(), List.of(), ValueKind.TEXT, "", Plane.HOST, "d"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Flag("--x", List.of("--y=z"), List.of(), ValueKind.TEXT, "", Plane.HOST, "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> everyNameAndEnvVar() {
        List<Arguments> cases = new ArrayList<>();
        for (Flag flag : Flags.ALL) {
            for (String name : flag.names()) {
                cases.add(Arguments.of(flag, "flag " + name, List.of(name, ArgumentValues.sample(flag)), Map.of()));
            }
            for (String env : flag.envVars()) {
                cases.add(Arguments.of(flag, "env " + env, List.of(), Map.of(env, ArgumentValues.sample(flag))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyNameAndEnvVar")
    void everyNameAndEnvVarIsWired(Flag flag, String label, List<String> args, Map<String, String> env) {
        // An enabled bridge or RPC needs a token; the token flags themselves are tested without them.
        List<String> base = flag == Flags.SC_BRIDGE ? List.of("--sc-bridge-token", "t")
                : flag == Flags.RPC ? List.of("--rpc-token", "t") : List.of();
        List<String> all = new ArrayList<>(base);
        all.addAll(args);
        PeerOptions defaults = cli.run(base);
        PeerOptions viaLongName = cli.run(concat(base, List.of(flag.name() + "=" + ArgumentValues.sample(flag))));
        PeerOptions set = cli.withEnv(env).run(all);
        assertThat(set).as("changes an option").isNotEqualTo(defaults);
        assertThat(set).as("same as the long name").isEqualTo(viaLongName);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
