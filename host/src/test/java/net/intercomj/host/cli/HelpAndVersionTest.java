package net.intercomj.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --help}: one heading per plane, every flag described with its env vars and default. */
class HelpAndVersionTest {

    @TempDir
    Path workingDirectory;

    private Cli cli;
    private String help;

    @BeforeEach
    void setUp() {
        cli = new Cli(workingDirectory);
        ParseOutcome outcome = cli.parse("--help");
        assertThat(outcome).isInstanceOf(ParseOutcome.ShowHelp.class);
        help = ((ParseOutcome.ShowHelp) outcome).text();
    }

    @Test
    void helpIsTheSameForEveryWayOfAsking() {
        for (List<String> args : List.of(List.of("-h"), List.of("alice", "--help"),
                List.of("--sidechannel-rate-bytes", "64k", "-h"), List.of("--help", "stray"))) {
            assertThat(cli.parse(args)).as("%s", args).isEqualTo(new ParseOutcome.ShowHelp(help));
        }
    }

    @Test
    void helpHasAHeadingPerPlaneAndAGeneralOne() {
        List<String> lines = Arrays.asList(help.split("\n"));
        for (Plane plane : Plane.values()) {
            assertThat(lines).contains(plane.title() + ":");
        }
        assertThat(lines).contains("General:");
        assertThat(help).contains("-h, --help").contains("-V, --version");
    }

    @Test
    void hostHeadingListsItsFlagsInTableOrder() {
        int heading = help.indexOf(Plane.HOST.title() + ":");
        int general = help.indexOf("General:");
        assertThat(heading).isNotNegative().isLessThan(general);
        int previous = heading;
        for (String name : List.of("--peer-store-name=<name>", "--peer-stores-directory=<path>",
                "--msb-store-name=<name>", "--msb-stores-directory=<path>", "--wallet-password-file=<path>",
                "--log-level=<level>")) {
            int at = help.indexOf(name);
            assertThat(at).as(name).isGreaterThan(previous).isLessThan(general);
            previous = at;
        }
    }

    @Test
    void settlementHeadingListsItsFlagsInTableOrder() {
        int heading = help.indexOf(Plane.MSB.title() + ":");
        int next = help.indexOf(Plane.TIMER.title() + ":");
        assertThat(heading).isNotNegative().isLessThan(next);
        int previous = heading;
        for (String name : List.of("--msb-bootstrap=", "--msb-channel=", "--msb-genesis-balance=",
                "--msb-dht-bootstrap=", "--api-tx-exposed[=")) {
            int at = help.indexOf(name);
            assertThat(at).as(name).isGreaterThan(previous).isLessThan(next);
            previous = at;
        }
    }

    static Stream<Arguments> allFlags() {
        return Flags.ALL.stream().map(flag -> Arguments.of(flag.name(), flag));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFlags")
    void everyFlagIsDescribedWithEnvAndDefault(String name, Flag flag) {
        // A yes/no flag may stand alone, which picocli draws as an optional value.
        String label = "=<" + flag.kind().paramLabel() + ">";
        assertThat(help).contains(name + (flag.kind() == ValueKind.BOOL ? "[" + label + "]" : label));
        String flat = help.replaceAll("\\s+", " ");
        for (String env : flag.envVars()) {
            assertThat(flat).contains(env);
        }
        if (!flag.defaultValue().isEmpty()) {
            assertThat(flat).contains("Default: " + flag.defaultValue() + ".");
        }
    }

    @Test
    void helpExplainsTheStoreLabelAndBothValueForms() {
        String flat = help.replaceAll("\\s+", " ");
        assertThat(flat).contains("<store-label>").contains("\"--flag value\"").contains("\"--flag=value\"");
    }

    @Test
    void versionForEveryWayOfAsking() {
        for (List<String> args : List.of(List.of("-V"), List.of("--version"), List.of("alice", "-V"))) {
            ParseOutcome outcome = cli.parse(args);
            assertThat(outcome).as("%s", args).isInstanceOf(ParseOutcome.ShowVersion.class);
            assertThat(((ParseOutcome.ShowVersion) outcome).text()).startsWith("intercom ").endsWith("\n");
        }
    }
}
