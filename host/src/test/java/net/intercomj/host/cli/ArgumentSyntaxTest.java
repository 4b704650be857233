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

/** Spec §1.2: where values are, positional words, bare and repeated flags. */
class ArgumentSyntaxTest {

    @TempDir
    Path workingDirectory;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(workingDirectory);
    }

    static Stream<Arguments> valueForms() {
        return Stream.of(
                Arguments.of(List.of("--subnet-channel", "v"), "v"),
                Arguments.of(List.of("--subnet-channel=v"), "v"),
                // Upstream takes any next word that does not start with "--" as the value.
                Arguments.of(List.of("--subnet-channel", "-1"), "-1"),
                Arguments.of(List.of("--subnet-channel", "-42"), "-42"),
                Arguments.of(List.of("--subnet-channel", "-1.5"), "-1.5"),
                Arguments.of(List.of("--subnet-channel", "-x"), "-x"),
                Arguments.of(List.of("--subnet-channel", "-"), "-"),
                // Picocli alone reads these as its help/version options.
                Arguments.of(List.of("--subnet-channel", "-h"), "-h"),
                Arguments.of(List.of("--subnet-channel", "-V"), "-V"),
                Arguments.of(List.of("--subnet-channel", "-hV"), "-hV"),
                Arguments.of(List.of("--subnet-channel=-h"), "-h"),
                // A value starting with "--" needs "=", and then is kept whatever it looks like.
                Arguments.of(List.of("--subnet-channel=--x"), "--x"),
                Arguments.of(List.of("--subnet-channel=--help"), "--help"),
                Arguments.of(List.of("--subnet-channel=--sc-bridge"), "--sc-bridge"),
                Arguments.of(List.of("--subnet-channel=--"), "--"),
                // Split at the first "=" only.
                Arguments.of(List.of("--subnet-channel=a=b"), "a=b"),
                Arguments.of(List.of("--subnet-channel=="), "="),
                Arguments.of(List.of("--subnet-channel", "=x"), "=x"),
                // Characters the parser uses internally are ordinary values.
                Arguments.of(List.of("--subnet-channel", "!"), "!"),
                Arguments.of(List.of("--subnet-channel=!"), "!"),
                Arguments.of(List.of("--subnet-channel", "@file"), "@file"),
                Arguments.of(List.of("--subnet-channel", "\"q\""), "\"q\""),
                Arguments.of(List.of("--subnet-channel", "a b"), "a b"),
                // An empty value falls through to env/default.
                Arguments.of(List.of("--subnet-channel="), "trac-peer-subnet"),
                Arguments.of(List.of(), "trac-peer-subnet"),
                // Repeated: the last one wins, whatever the form.
                Arguments.of(List.of("--subnet-channel", "a", "--subnet-channel", "b"), "b"),
                Arguments.of(List.of("--subnet-channel=a", "--subnet-channel", "b"), "b"),
                Arguments.of(List.of("--subnet-channel", "a", "--subnet-channel="), "trac-peer-subnet"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("valueForms")
    void valueForms(List<String> args, String expectedChannel) {
        assertThat(cli.run(args).subnetChannel()).isEqualTo(expectedChannel);
    }

    static Stream<Arguments> negativeIntegers() {
        return Stream.of(
                Arguments.of(List.of("--sidechannel-pow-difficulty", "-1"), -1),
                Arguments.of(List.of("--sidechannel-pow-difficulty=-3"), -3),
                Arguments.of(List.of("--sidechannel-pow-difficulty", "-0"), 0),
                Arguments.of(List.of("--sidechannel-pow-difficulty", "+5"), 5));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("negativeIntegers")
    void negativeNumbersAreValues(List<String> args, int expected) {
        assertThat(cli.run(args).sidechannel().powDifficulty()).isEqualTo(expected);
    }

    @Test
    void firstWordIsTheStoreLabel() {
        PeerOptions options = cli.run("alice", "--sidechannel-debug", "1");
        assertThat(options.peerStoreName()).isEqualTo("alice");
        assertThat(options.msbStoreName()).isEqualTo("alice-msb");
        assertThat(options.sidechannel().debug()).isTrue();
    }

    @Test
    void peerStoreNameFlagWinsOverTheLabel() {
        assertThat(cli.run("alice", "--peer-store-name", "bob").peerStoreName()).isEqualTo("bob");
    }

    @Test
    void envWinsOverTheLabelAsUpstream() {
        // index.js: flag || env.PEER_STORE_NAME || storeLabel || 'peer'
        PeerOptions options = cli.withEnv(Map.of("PEER_STORE_NAME", "carol")).run("alice");
        assertThat(options.peerStoreName()).isEqualTo("carol");
    }

    @Test
    void aLabelStartingWithOneDashIsStillALabel() {
        assertThat(cli.run("-1").peerStoreName()).isEqualTo("-1");
    }

    @Test
    void anEmptyLabelFallsBackToTheDefault() {
        assertThat(cli.run("").peerStoreName()).isEqualTo("peer");
    }

    @Test
    void withoutLabelTheStoreIsPeer() {
        PeerOptions options = cli.run();
        assertThat(options.peerStoreName()).isEqualTo("peer");
        assertThat(options.msbStoreName()).isEqualTo("peer-msb");
    }

    static Stream<Arguments> strayWords() {
        return Stream.of(
                Arguments.of(List.of("alice", "bob"), "bob"),
                Arguments.of(List.of("--sc-bridge-port", "1", "2"), "2"),
                Arguments.of(List.of("--sidechannel-debug", "1", "-1"), "-1"),
                Arguments.of(List.of("--subnet-channel=a", "b"), "b"),
                Arguments.of(List.of("--", "x"), "x"),
                Arguments.of(List.of("alice", "--", "--subnet-channel", "x"), "--subnet-channel"));
    }

    @ParameterizedTest(name = "{0} names {1}")
    @MethodSource("strayWords")
    void strayWordsAreNamed(List<String> args, String stray) {
        // Upstream silently ignored them.
        ParseOutcome.Invalid invalid = cli.invalid(args.toArray(String[]::new));
        assertThat(invalid.message()).startsWith("Unexpected argument \"" + stray + "\":");
        assertThat(invalid.exitCode()).isEqualTo(ParseOutcome.USAGE_ERROR);
    }

    @Test
    void bareBooleanFlagIsTrueWhetherLastOrFollowedByAFlag() {
        PeerOptions options = cli.run("--sidechannel-auto-join", "--sidechannel-debug");
        assertThat(options.sidechannel().autoJoin()).isTrue();
        assertThat(options.sidechannel().debug()).isTrue();
    }

    @Test
    void bareBooleanFollowedByAWordTakesItAsItsValue() {
        // As upstream: "--sidechannel-pow anything" consumes the word, and it is not a true word.
        assertThat(cli.run("--sidechannel-pow", "enable").sidechannel().pow()).isFalse();
    }

    @Test
    void bareTokenIsAnErrorNotTheTextTrue() {
        // Upstream (spec §6 item 16) set the token to "true" and started an open bridge.
        assertThat(cli.error("--sc-bridge", "--sc-bridge-token")).isEqualTo("Option --sc-bridge-token needs a value.");
        assertThat(cli.error("--sc-bridge-token", "--sc-bridge", "1"))
                .isEqualTo("Option --sc-bridge-token needs a value.");
    }

    @Test
    void bareSidechannelsIsAnErrorNotAChannelNamedTrue() {
        assertThat(cli.error("--sidechannels")).isEqualTo("Option --sidechannels needs a value.");
        assertThat(cli.error("--sidechannel", "--sidechannel-debug")).isEqualTo("Option --sidechannels needs a value.");
    }

    static Stream<Arguments> bareNonBooleans() {
        return Flags.ALL.stream().filter(flag -> flag.kind() != ValueKind.BOOL)
                .map(flag -> Arguments.of(flag.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bareNonBooleans")
    void everyBareNonBooleanNeedsAValue(String name) {
        assertThat(cli.error(name)).isEqualTo("Option " + name + " needs a value.");
    }

    @Test
    void aBareFlagIsNotRescuedByItsEnvVar() {
        // The user wrote the flag; taking the env value instead would hide the mistake.
        assertThat(cli.withEnv(Map.of("SC_BRIDGE_TOKEN", "t")).error("--sc-bridge-token"))
                .isEqualTo("Option --sc-bridge-token needs a value.");
    }

    @Test
    void aLaterValueRepairsAnEarlierBareFlag() {
        assertThat(cli.run("--sidechannels", "--sidechannels", "a").sidechannels()).containsExactly("a");
    }

    @Test
    void anUnknownFlagAfterAValueFlagIsNotTakenAsItsValue() {
        // Picocli alone would make "--typo" the token.
        ParseOutcome.Invalid invalid = cli.invalid("--sc-bridge-token", "--typo");
        assertThat(invalid.message()).contains("--typo");
        assertThat(invalid.exitCode()).isEqualTo(2);
    }

    @Test
    void aliasesShareOneValueAndTheLastWins() {
        assertThat(cli.run("--sidechannel", "a").sidechannels()).containsExactly("a");
        assertThat(cli.run("--sidechannels", "a", "--sidechannel", "b").sidechannels()).containsExactly("b");
        assertThat(cli.run("--dht-bootstrap", "h:1", "--peer-dht-bootstrap", "h:2").peerDhtBootstrap())
                .containsExactly(new HostPort("h", 2));
    }
}
