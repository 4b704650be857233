package net.intercomj.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How each kind of value is read: booleans, integers, lists, keys, welcomes, paths, endpoints. */
class FlagValuesTest {

    private static final String KEY = "ab".repeat(32);
    private static final String WELCOME_JSON =
            "{\"channel\":\"pub1\",\"ownerPubKey\":\"" + KEY + "\",\"text\":\"hi\",\"issuedAt\":1700000000000,"
                    + "\"sig\":\"" + "cd".repeat(64) + "\"}";

    @TempDir
    Path workingDirectory;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(workingDirectory);
    }

    // Booleans (spec §5 black-box test 5).

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1|true", "true|true", "TRUE|true", "yes|true", "Yes|true", "on|true", "ON|true", "' on '|true",
        "0|false", "false|false", "no|false", "off|false", "garbage|false", "2|false", "-1|false", "y|false",
        "enabled|false"})
    void booleanWords(String word, boolean expected) {
        // --sidechannel-pow defaults to true, so "false" here proves "any other word is false".
        assertThat(cli.run("--sidechannel-pow", word).sidechannel().pow()).isEqualTo(expected);
        assertThat(cli.run("--sidechannel-debug=" + word).sidechannel().debug()).isEqualTo(expected);
        assertThat(cli.withEnv(Map.of("SIDECHANNEL_POW", word)).run().sidechannel().pow()).isEqualTo(expected);
    }

    @Test
    void booleanDefaults() {
        PeerOptions.SidechannelOptions sidechannel = cli.run().sidechannel();
        assertThat(sidechannel.allowRemoteOpen()).isTrue();
        assertThat(sidechannel.pow()).isTrue();
        assertThat(sidechannel.welcomeRequired()).isTrue();
        assertThat(sidechannel.debug()).isFalse();
        assertThat(sidechannel.quiet()).isFalse();
        assertThat(sidechannel.autoJoin()).isFalse();
        assertThat(sidechannel.powEntryOnly()).isFalse();
        assertThat(sidechannel.inviteRequired()).isFalse();
        assertThat(sidechannel.ownerWriteOnly()).isFalse();
        assertThat(cli.run().scBridgeEnabled()).isFalse();
        assertThat(cli.run().timer()).isFalse();
    }

    @Test
    void emptyBooleanFallsThroughToEnvThenDefault() {
        assertThat(cli.withEnv(Map.of("SIDECHANNEL_POW", "0")).run("--sidechannel-pow=").sidechannel().pow())
                .isFalse();
        assertThat(cli.withEnv(Map.of("SIDECHANNEL_POW", "")).run("--sidechannel-pow=").sidechannel().pow())
                .isTrue();
    }

    // Integers.

    @Test
    void integerDefaults() {
        PeerOptions.SidechannelOptions sidechannel = cli.run().sidechannel();
        assertThat(sidechannel.maxBytes()).isEqualTo(1_000_000);
        assertThat(sidechannel.powDifficulty()).isEqualTo(12);
        assertThat(sidechannel.rateBytes()).isEqualTo(64_000);
        assertThat(sidechannel.rateBurst()).isEqualTo(256_000);
        assertThat(sidechannel.maxStrikes()).isEqualTo(3);
        assertThat(sidechannel.inviteTtl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void integersAreTrimmedAndSigned() {
        PeerOptions.SidechannelOptions sidechannel = cli.run("--sidechannel-max-bytes", " 42 ",
                "--sidechannel-rate-bytes", "-1", "--sidechannel-rate-burst=+9", "--sidechannel-max-strikes", "0")
                .sidechannel();
        assertThat(sidechannel.maxBytes()).isEqualTo(42);
        assertThat(sidechannel.rateBytes()).isEqualTo(-1);
        assertThat(sidechannel.rateBurst()).isEqualTo(9);
        assertThat(sidechannel.maxStrikes()).isZero();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"64k", "abc", "1.5", "1e3", "0x10", "12 34", "--5"})
    void nonIntegersAreNamedInsteadOfTruncated(String value) {
        // Upstream's parseInt read "64k" as 64 and "abc" as the default.
        assertThat(cli.error("--sidechannel-rate-bytes=" + value))
                .isEqualTo("Invalid --sidechannel-rate-bytes: expected an integer, got \"" + value + "\".");
    }

    @Test
    void integerErrorExample() {
        assertThat(cli.error("--sidechannel-rate-bytes", "64k"))
                .isEqualTo("Invalid --sidechannel-rate-bytes: expected an integer, got \"64k\".");
    }

    @Test
    void integerOutOfRange() {
        assertThat(cli.error("--sidechannel-max-bytes", "99999999999"))
                .isEqualTo("Invalid --sidechannel-max-bytes: expected an integer between -2147483648 and"
                        + " 2147483647, got \"99999999999\".");
    }

    @Test
    void anErrorFromEnvNamesTheEnvVar() {
        assertThat(cli.withEnv(Map.of("SIDECHANNEL_RATE_BYTES", "64k")).error())
                .isEqualTo("Invalid --sidechannel-rate-bytes (env SIDECHANNEL_RATE_BYTES): expected an integer,"
                        + " got \"64k\".");
    }

    @ParameterizedTest(name = "{0} s -> {1} s")
    @CsvSource({"3600,3600", "0,0", "-1,0", "-604800,0", "1,1"})
    void inviteTtlIsClampedAtZero(String given, long seconds) {
        assertThat(cli.run("--sidechannel-invite-ttl", given).sidechannel().inviteTtl())
                .isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"1,1", "65535,65535", "49223,49223", "' 8080 ',8080"})
    void validPorts(String given, int port) {
        assertThat(cli.run("--sc-bridge-port", given).scBridge().port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0", "65536", "-1", "abc", "80k", "99999999999"})
    void invalidPorts(String given) {
        assertThat(cli.error("--sc-bridge-port=" + given))
                .isEqualTo("Invalid --sc-bridge-port: expected a port number from 1 to 65535, got \"" + given + "\".");
    }

    @Test
    void bridgeDefaults() {
        PeerOptions.ScBridgeOptions bridge = cli.run().scBridge();
        assertThat(bridge.host()).isEqualTo("127.0.0.1");
        assertThat(bridge.port()).isEqualTo(49222);
        assertThat(bridge.token()).isEmpty();
        assertThat(bridge.filter()).isEmpty();
        assertThat(bridge.filterChannels()).isEmpty();
        assertThat(bridge.cli()).isFalse();
        assertThat(bridge.debug()).isFalse();
    }

    @Test
    void bridgeSettings() {
        PeerOptions options = cli.run("--sc-bridge", "on", "--sc-bridge-token", "s3cret", "--sc-bridge-host",
                "0.0.0.0", "--sc-bridge-port", "9000", "--sc-bridge-filter", "alpha+beta|gamma",
                "--sc-bridge-filter-channel", " a, b ,", "--sc-bridge-cli", "--sc-bridge-debug", "yes");
        PeerOptions.ScBridgeOptions bridge = options.scBridge();
        assertThat(options.scBridgeEnabled()).isTrue();
        assertThat(bridge.token()).isEqualTo("s3cret");
        assertThat(bridge.host()).isEqualTo("0.0.0.0");
        assertThat(bridge.port()).isEqualTo(9000);
        assertThat(bridge.filter()).isEqualTo("alpha+beta|gamma");
        assertThat(bridge.filterChannels()).containsExactly("a", "b");
        assertThat(bridge.cli()).isTrue();
        assertThat(bridge.debug()).isTrue();
        assertThat(bridge.toString()).doesNotContain("s3cret");
    }

    // Lists.

    @Test
    void csvIsTrimmedAndEmptiesDropped() {
        PeerOptions.SidechannelOptions sidechannel = cli.run("--sidechannels", " a , ,b,, c ",
                "--sidechannel-pow-channels", "x,", "--sidechannel-invite-channels", ",y , z",
                "--sidechannel-invite-prefixes", "p-,q-", "--sidechannel-owner-write-channels", " w ").sidechannel();
        assertThat(sidechannel.extras()).containsExactly("a", "b", "c");
        assertThat(sidechannel.powChannels()).containsExactly("x");
        assertThat(sidechannel.inviteChannels()).containsExactly("y", "z");
        assertThat(sidechannel.invitePrefixes()).containsExactly("p-", "q-");
        assertThat(sidechannel.ownerWriteChannels()).containsExactly("w");
    }

    @Test
    void entryChannelIsRemovedFromTheExtras() {
        PeerOptions options = cli.run("--sidechannels", "a,0000intercom,b");
        assertThat(options.sidechannels()).containsExactly("a", "b");
        assertThat(options.sidechannel().channels()).containsExactly("0000intercom", "a", "b");
    }

    @Test
    void duplicateExtrasAreJoinedOnce() {
        assertThat(cli.run("--sidechannels", "a,b,a").sidechannels()).containsExactly("a", "b");
    }

    @Test
    void listOfOnlyCommasIsEmpty() {
        assertThat(cli.run("--sidechannels", " , ,").sidechannels()).isEmpty();
    }

    @Test
    void inviterKeysAreLowercasedAndChecked() {
        assertThat(cli.run("--sidechannel-inviter-keys", KEY.toUpperCase() + ", " + "01".repeat(32))
                .sidechannel().inviterKeys()).containsExactly(KEY, "01".repeat(32));
        assertThat(cli.error("--sidechannel-inviter-keys", KEY + ",abc"))
                .isEqualTo("Invalid --sidechannel-inviter-keys: \"abc\" is not a public key (64 hex characters).");
    }

    // Key/value lists.

    @Test
    void ownersSplitAtTheFirstColonOrElseTheFirstEquals() {
        String other = "01".repeat(32);
        PeerOptions options = cli.run("--sidechannel-owner",
                " pub1 : " + KEY.toUpperCase() + " ,pub2=" + other + ",a=b:" + KEY);
        assertThat(options.sidechannel().owners())
                .containsExactly(entry("pub1", KEY), entry("pub2", other), entry("a=b", KEY));
    }

    @Test
    void repeatedOwnerChannelKeepsTheLastKey() {
        String other = "01".repeat(32);
        assertThat(cli.run("--sidechannel-owner", "c:" + KEY + ",c:" + other).sidechannel().owners())
                .containsExactly(entry("c", other));
    }

    static Stream<Arguments> badOwners() {
        return Stream.of(
                Arguments.of("pub1:zz",
                        "Invalid --sidechannel-owner: the owner of channel \"pub1\": \"zz\" is not a public key"
                                + " (64 hex characters)."),
                Arguments.of("pub1",
                        "Invalid --sidechannel-owner: entry \"pub1\" is not <channel>:<pubkey>."),
                Arguments.of(":" + KEY,
                        "Invalid --sidechannel-owner: entry \":" + KEY + "\" is not <channel>:<pubkey>."),
                Arguments.of("pub1:",
                        "Invalid --sidechannel-owner: entry \"pub1:\" is not <channel>:<pubkey>."),
                Arguments.of("ok:" + KEY + ",pub2:" + KEY + "00",
                        "Invalid --sidechannel-owner: the owner of channel \"pub2\": \"" + KEY + "00\" is not a"
                                + " public key (64 hex characters)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOwners")
    void badOwnerEntriesAreNamed(String value, String message) {
        // Upstream skipped them silently.
        assertThat(cli.error("--sidechannel-owner", value)).isEqualTo(message);
    }

    // Welcomes.

    @Test
    void inlineJsonWelcome() {
        PeerOptions options = cli.run("--sidechannel-welcome", "pub1:{\"text\":\"hi\"}");
        assertThat(options.sidechannel().welcomes()).containsExactly(entry("pub1", "{\"text\":\"hi\"}"));
        assertThat(options.sidechannel().welcome("pub1")).hasValueSatisfying(
                node -> assertThat(node.get("text").asText()).isEqualTo("hi"));
        assertThat(options.sidechannel().welcome("other")).isEmpty();
    }

    @Test
    void base64Welcome() {
        String b64 = Base64.getEncoder().encodeToString(WELCOME_JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(cli.run("--sidechannel-welcome", "pub1:" + b64).sidechannel().welcomes())
                .containsExactly(entry("pub1", WELCOME_JSON));
    }

    @Test
    void b64PrefixedWelcome() {
        String b64 = Base64.getEncoder().encodeToString(WELCOME_JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(cli.run("--sidechannel-welcome", "pub1:b64:" + b64).sidechannel().welcomes())
                .containsExactly(entry("pub1", WELCOME_JSON));
    }

    @Test
    void urlSafeUnpaddedBase64WelcomeIsAcceptedAsNodeDoes() {
        String b64 = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"t\":\"??>>\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(b64).containsAnyOf("-", "_");
        assertThat(cli.run("--sidechannel-welcome", "c:" + b64).sidechannel().welcomes())
                .containsExactly(entry("c", "{\"t\":\"??>>\"}"));
    }

    @Test
    void welcomeFromAFileRelativeToTheWorkingDirectory() throws Exception {
        Files.createDirectories(workingDirectory.resolve("w"));
        Files.writeString(workingDirectory.resolve("w/pub1.json"),
                "\n  {\n  \"text\": \"hi\",\n  \"issuedAt\": 1\n}\n\n");
        assertThat(cli.run("--sidechannel-welcome", "pub1:@w/pub1.json").sidechannel().welcomes())
                .containsExactly(entry("pub1", "{\"text\":\"hi\",\"issuedAt\":1}"));
    }

    @Test
    void welcomeFileMayHoldB64() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(WELCOME_JSON.getBytes(StandardCharsets.UTF_8));
        Files.writeString(workingDirectory.resolve("welcome.txt"), "b64:" + b64 + "\n");
        assertThat(cli.run("--sidechannel-welcome=pub1:@welcome.txt").sidechannel().welcomes())
                .containsExactly(entry("pub1", WELCOME_JSON));
    }

    @Test
    void severalWelcomesAndTheEqualsSeparator() {
        // "=" separates only when the entry has no ":" at all, so it works with base64 values.
        String b64 = Base64.getEncoder().encodeToString("{\"y\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(cli.run("--sidechannel-welcome", "a:{\"x\":1} , b=" + b64).sidechannel().welcomes())
                .containsExactly(entry("a", "{\"x\":1}"), entry("b", "{\"y\":2}"));
    }

    @Test
    void aColonInsideTheValueWinsOverAnEarlierEqualsAsUpstream() {
        assertThat(cli.error("--sidechannel-welcome", "b={\"y\":2}"))
                .startsWith("Invalid --sidechannel-welcome: the welcome for channel \"b={\"y\"\":");
    }

    static Stream<Arguments> badWelcomes() {
        String notJsonB64 = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        String arrayB64 = Base64.getEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("pub1:@missing.json", "the welcome for channel \"pub1\": the file \""),
                Arguments.of("pub1:%%%", "the welcome for channel \"pub1\": the value is neither JSON nor base64"),
                Arguments.of("pub1:{bad", "the welcome for channel \"pub1\": the value is not valid JSON"),
                Arguments.of("pub1:b64:" + notJsonB64, "the welcome for channel \"pub1\": the value is not valid JSON"),
                Arguments.of("pub1:" + arrayB64, "the welcome for channel \"pub1\": the value is not a JSON object"),
                Arguments.of("pub1:{\"a\":1} x", "the welcome for channel \"pub1\": the value is not valid JSON"),
                Arguments.of("pub1", "entry \"pub1\" is not <channel>:<welcome>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWelcomes")
    void badWelcomesAreNamed(String value, String reason) {
        // Upstream ignored them silently, and the channel then dropped every message.
        assertThat(cli.error("--sidechannel-welcome", value)).startsWith("Invalid --sidechannel-welcome: " + reason);
    }

    @Test
    void missingWelcomeFileNamesThePath() {
        assertThat(cli.error("--sidechannel-welcome", "pub1:@missing.json"))
                .isEqualTo("Invalid --sidechannel-welcome: the welcome for channel \"pub1\": the file \""
                        + workingDirectory.resolve("missing.json") + "\" does not exist.");
    }

    @Test
    void inlineJsonWithACommaExplainsTheSplitting() {
        assertThat(cli.error("--sidechannel-welcome", "pub1:{\"a\":1,\"b\":2}"))
                .contains("the welcome for channel \"pub1\"")
                .contains("inline JSON cannot contain commas");
    }

    @Test
    void emptyWelcomeFileIsAnError() throws Exception {
        Files.writeString(workingDirectory.resolve("empty.json"), "  \n");
        assertThat(cli.error("--sidechannel-welcome", "c:@empty.json")).endsWith("is empty.");
    }

    // Stores, paths, log level, password file.

    @Test
    void storePathsResolveAgainstTheWorkingDirectory() {
        PeerOptions options = cli.run("alice");
        assertThat(options.peerStoresDirectory()).isEqualTo(workingDirectory.resolve("stores"));
        assertThat(options.msbStoresDirectory()).isEqualTo(workingDirectory.resolve("stores"));
        assertThat(options.peerStorePath()).isEqualTo(workingDirectory.resolve("stores/alice"));
        assertThat(options.msbStorePath()).isEqualTo(workingDirectory.resolve("stores/alice-msb"));
    }

    @Test
    void storeDirectoriesAndNamesFromFlags() {
        Path absolute = workingDirectory.resolve("elsewhere").toAbsolutePath();
        PeerOptions options = cli.run("--peer-stores-directory", "data/", "--msb-stores-directory",
                absolute.toString(), "--msb-store-name", "settle", "--peer-store-name", "p1");
        assertThat(options.peerStorePath()).isEqualTo(workingDirectory.resolve("data/p1"));
        assertThat(options.msbStorePath()).isEqualTo(absolute.resolve("settle"));
    }

    @Test
    void msbStoreNameFollowsTheResolvedPeerStoreName() {
        assertThat(cli.withEnv(Map.of("PEER_STORE_NAME", "envpeer")).run().msbStoreName()).isEqualTo("envpeer-msb");
        assertThat(cli.withEnv(Map.of("MSB_STORE_NAME", "m")).run("alice").msbStoreName()).isEqualTo("m");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a/b", "a\\b", ".", "..", "   ", "../x"})
    void storeNamesMustBeOneFolder(String name) {
        assertThat(cli.error("--peer-store-name", name)).isEqualTo("Invalid --peer-store-name: \"" + name
                + "\" is not a single folder name (it must not be blank, contain \"/\" or \"\\\", or be \".\" or"
                + " \"..\").");
        assertThat(cli.error("--msb-store-name=" + name)).startsWith("Invalid --msb-store-name: \"" + name + "\"");
    }

    @Test
    void storeLabelErrorSaysItCameFromTheLabel() {
        assertThat(cli.error("../evil")).startsWith("Invalid --peer-store-name (store label): \"../evil\"");
    }

    @Test
    void invalidPathIsAnError() {
        assertThat(cli.error("--peer-stores-directory", "a\u0000b"))
                .startsWith("Invalid --peer-stores-directory: \"a\u0000b\" is not a valid path");
    }

    @Test
    void walletPasswordFile() {
        assertThat(cli.run().walletPasswordFile()).isEmpty();
        assertThat(cli.run("--wallet-password-file", "secrets/pw").walletPasswordFile())
                .contains(workingDirectory.resolve("secrets/pw"));
        assertThat(cli.withEnv(Map.of("WALLET_PASSWORD_FILE", "/run/pw")).run().walletPasswordFile())
                .contains(workingDirectory.resolve("/run/pw"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"error,ERROR", "warn,WARN", "INFO,INFO", "Debug,DEBUG", "' trace ',TRACE"})
    void logLevels(String given, LogLevel level) {
        assertThat(cli.run("--log-level", given).logLevel()).isEqualTo(level);
    }

    @Test
    void logLevelDefaultEnvAndError() {
        assertThat(cli.run().logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(cli.withEnv(Map.of("INTERCOM_LOG_LEVEL", "warn")).run().logLevel()).isEqualTo(LogLevel.WARN);
        assertThat(cli.error("--log-level", "loud"))
                .isEqualTo("Invalid --log-level: expected one of error, warn, info, debug, trace, got \"loud\".");
    }

    // Subnet, timer, discovery.

    @Test
    void subnetDefaults() {
        PeerOptions options = cli.run();
        assertThat(options.subnetChannel()).isEqualTo("trac-peer-subnet");
        assertThat(options.subnetBootstrap()).isEmpty();
    }

    @Test
    void timerFlagAndEnv() {
        assertThat(cli.run("--timer").timer()).isTrue();
        assertThat(cli.withEnv(Map.of("INTERCOM_TIMER", "1")).run().timer()).isTrue();
    }

    @Test
    void discoveryBootstrapDefaultsToEmptyNotUpstreamsInternetHosts() {
        PeerOptions options = cli.run();
        assertThat(options.peerDhtBootstrap()).isEmpty();
        assertThat(options.msb().dhtBootstrap()).isEmpty();
    }

    @Test
    void discoveryBootstrapLists() {
        PeerOptions options = cli.run("--peer-dht-bootstrap", " 127.0.0.1:49737 , [::1]:10001,node.example:1",
                "--msb-dht-bootstrap", "10.0.0.1:5");
        assertThat(options.peerDhtBootstrap()).containsExactly(new HostPort("127.0.0.1", 49737),
                new HostPort("::1", 10001), new HostPort("node.example", 1));
        assertThat(options.msb().dhtBootstrap()).containsExactly(new HostPort("10.0.0.1", 5));
    }

    static Stream<Arguments> dhtBootstrapPrecedence() {
        return Stream.of(
                Arguments.of(Map.of("PEER_DHT_BOOTSTRAP", "a:1", "DHT_BOOTSTRAP", "b:2"), List.of(), "a:1"),
                Arguments.of(Map.of("DHT_BOOTSTRAP", "b:2"), List.of(), "b:2"),
                Arguments.of(Map.of("PEER_DHT_BOOTSTRAP", "", "DHT_BOOTSTRAP", "b:2"), List.of(), "b:2"),
                Arguments.of(Map.of("PEER_DHT_BOOTSTRAP", "a:1"), List.of("--dht-bootstrap", "c:3"), "c:3"),
                Arguments.of(Map.of("DHT_BOOTSTRAP", "b:2"), List.of("--peer-dht-bootstrap", "c:3"), "c:3"),
                Arguments.of(Map.of("DHT_BOOTSTRAP", "b:2"), List.of("--peer-dht-bootstrap="), "b:2"),
                Arguments.of(Map.of("PEER_DHT_BOOTSTRAP", "a:1"), List.of("--dht-bootstrap="), "a:1"));
    }

    @ParameterizedTest(name = "env {0}, args {1} -> {2}")
    @MethodSource("dhtBootstrapPrecedence")
    void dhtBootstrapPrecedence(Map<String, String> env, List<String> args, String expected) {
        assertThat(cli.withEnv(env).run(args).peerDhtBootstrap()).containsExactly(HostPort.parse(expected));
    }

    @Test
    void badDiscoveryEntriesAreNamed() {
        assertThat(cli.error("--peer-dht-bootstrap", "a:1,nohost"))
                .isEqualTo("Invalid --peer-dht-bootstrap: \"nohost\" has no port (expected host:port).");
        assertThat(cli.error("--msb-dht-bootstrap", "::1:5"))
                .isEqualTo("Invalid --msb-dht-bootstrap: \"::1:5\" is ambiguous: write an IPv6 address in brackets,"
                        + " as [addr]:port.");
        assertThat(cli.error("--dht-bootstrap", "h:0"))
                .isEqualTo("Invalid --peer-dht-bootstrap: \"h:0\" has port 0, not between 1 and 65535.");
    }

    // Precedence and errors in general.

    @Test
    void envFillsMissingAndEmptyFlagsButNeverOverridesAValue() {
        Cli withEnv = cli.withEnv(Map.of("SC_BRIDGE_HOST", "envhost"));
        assertThat(withEnv.run().scBridge().host()).isEqualTo("envhost");
        assertThat(withEnv.run("--sc-bridge-host=").scBridge().host()).isEqualTo("envhost");
        assertThat(withEnv.run("--sc-bridge-host", "flaghost").scBridge().host()).isEqualTo("flaghost");
        assertThat(cli.withEnv(Map.of("SC_BRIDGE_HOST", "")).run().scBridge().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void allProblemsAreReportedAtOnceInTableOrder() {
        assertThat(cli.error("--sc-bridge-port", "0", "--sidechannel-rate-bytes", "64k", "--log-level", "x"))
                .isEqualTo(String.join("\n",
                        "Invalid --log-level: expected one of error, warn, info, debug, trace, got \"x\".",
                        "Invalid --sidechannel-rate-bytes: expected an integer, got \"64k\".",
                        "Invalid --sc-bridge-port: expected a port number from 1 to 65535, got \"0\"."));
    }

    // Settlement (MSB).

    @Test
    void msbBootstrapIs64HexNormalizedToLowercase() {
        assertThat(cli.run().msb().bootstrap()).isEmpty();
        assertThat(cli.run("--msb-bootstrap", " " + "AB".repeat(32) + " ").msb().bootstrap()).contains(KEY);
        assertThat(cli.withEnv(Map.of("MSB_BOOTSTRAP", KEY)).run().msb().bootstrap()).contains(KEY);
        // Blank means "not given": the subnet's record, else an embedded MSB.
        assertThat(cli.run("--msb-bootstrap=  ").msb().bootstrap()).isEmpty();
    }

    @Test
    void aBadMsbBootstrapGetsTheOriginalsMessage() {
        assertThat(cli.error("--msb-bootstrap", "abc"))
                .isEqualTo("Invalid --msb-bootstrap. Expected 32-byte hex (64 chars), got length 3.");
        assertThat(cli.withEnv(Map.of("MSB_BOOTSTRAP", "zz".repeat(32))).error())
                .isEqualTo("Invalid --msb-bootstrap. Expected 32-byte hex (64 chars), got length 64.");
        assertThat(cli.error("--msb-bootstrap", KEY + "a"))
                .isEqualTo("Invalid --msb-bootstrap. Expected 32-byte hex (64 chars), got length 65.");
    }

    @Test
    void msbChannelIsTrimmedAndEmptyMeansNone() {
        assertThat(cli.run().msb().channel()).isEmpty();
        assertThat(cli.run("--msb-channel", " settle ").msb().channel()).contains("settle");
        assertThat(cli.withEnv(Map.of("MSB_CHANNEL", "settle")).run().msb().channel()).contains("settle");
        assertThat(cli.run("--msb-channel", " ").msb().channel()).isEmpty();
    }

    @Test
    void msbGenesisBalanceIsATnkAmountInBaseUnits() {
        assertThat(cli.run().msb().genesisBalance()).isEqualTo(new BigInteger("1000" + "0".repeat(18)));
        assertThat(cli.run("--msb-genesis-balance", "12.5").msb().genesisBalance())
                .isEqualTo(new BigInteger("125" + "0".repeat(17)));
        assertThat(cli.withEnv(Map.of("MSB_GENESIS_BALANCE", "0.000000000000000001")).run().msb().genesisBalance())
                .isEqualTo(BigInteger.ONE);
    }

    @Test
    void aBadMsbGenesisBalanceIsNamed() {
        assertThat(cli.error("--msb-genesis-balance", "1e3")).isEqualTo("Invalid --msb-genesis-balance: Invalid amount"
                + " \"1e3\": expected digits with an optional decimal point, such as 12.5.");
        assertThat(cli.error("--msb-genesis-balance=-1"))
                .isEqualTo("Invalid --msb-genesis-balance: Invalid amount \"-1\": amounts are not negative.");
        assertThat(cli.error("--msb-genesis-balance", "0." + "0".repeat(18) + "1"))
                .startsWith("Invalid --msb-genesis-balance: ").endsWith("at most 18 decimals.");
        assertThat(cli.withEnv(Map.of("MSB_GENESIS_BALANCE", "lots")).error())
                .startsWith("Invalid --msb-genesis-balance (env MSB_GENESIS_BALANCE): ");
    }

    @Test
    void aBadMsbDhtBootstrapIsNamed() {
        assertThat(cli.error("--msb-dht-bootstrap", "nohost")).startsWith("Invalid --msb-dht-bootstrap: ");
    }
}
