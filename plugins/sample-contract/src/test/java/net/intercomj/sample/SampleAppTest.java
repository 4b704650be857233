package net.intercomj.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sample app's handlers, run through {@link ContractHarness} over an in-memory state. The
 * schema of {@code set_profile} is only looked at, not applied: the host compiles and checks
 * schemas, so whether it accepts a value is tested where the host runs (the dist's
 * {@code ContractAppIT} loads the app, which compiles the schema).
 */
class SampleAppTest {

    private static final String ADA = "aa".repeat(32);
    private static final String BO = "bb".repeat(32);

    private final SampleApp app = new SampleApp();
    private final ContractHarness contract = new ContractHarness(app);

    @Test
    void defineRegistersOneOfEachKind() {
        assertThat(contract.hasFunction(SampleApp.TALLY)).isTrue();
        assertThat(contract.schema(SampleApp.SET_PROFILE)).isPresent();
        assertThat(contract.hasFeature(SampleApp.CLOCK_FEATURE)).isTrue();
        assertThat(contract.hasMessageHandler()).isTrue();
    }

    @Test
    void theProfileSchemaIsStrictInsideTheNestedValue() {
        JsonObject value = contract.schema(SampleApp.SET_PROFILE).orElseThrow().object("value");
        assertThat(value.string("$$type")).isEqualTo("object");
        assertThat(value.bool("$$strict")).isTrue();
        assertThat(value.names()).containsExactly("$$type", "$$strict", "name", "color");
    }

    @Nested
    class Tally {

        @Test
        void addsToTheRequestersOwnTally() {
            assertThat(contract.tx(SampleApp.TALLY, Json.of(5), ADA).ok()).isTrue();
            assertThat(contract.tx(SampleApp.TALLY, Json.of(1000), ADA).ok()).isTrue();
            assertThat(contract.tx(SampleApp.TALLY, Json.of(1), BO).ok()).isTrue();

            assertThat(contract.state).isEqualTo(Map.of(
                    SampleApp.tallyKey(ADA), Json.of(1005),
                    SampleApp.tallyKey(BO), Json.of(1)));
        }

        @Test
        void refusesWhatIsNotAnIntegerFromOneToAThousandAndKeepsTheState() {
            contract.tx(SampleApp.TALLY, Json.of(7), ADA);

            for (Json bad : new Json[] {Json.of("5"), Json.of(1.5), Json.NULL, Json.object().build()}) {
                assertThat(contract.tx(SampleApp.TALLY, bad, ADA).failure()).contains("tally takes an integer");
            }
            for (Json bad : new Json[] {Json.of(0), Json.of(-3), Json.of(1001)}) {
                assertThat(contract.tx(SampleApp.TALLY, bad, ADA).failure()).contains("tally takes 1 to 1000");
            }
            assertThat(contract.state).isEqualTo(Map.of(SampleApp.tallyKey(ADA), Json.of(7)));
        }

        @Test
        void anIntegerWrittenWithAFractionCounts() {
            // 2.0 is the integer 2 in JSON, as in JavaScript.
            assertThat(contract.tx(SampleApp.TALLY, Json.of(new java.math.BigDecimal("2.0")), ADA).ok()).isTrue();
            assertThat(contract.state.get(SampleApp.tallyKey(ADA))).isEqualTo(Json.of(2));
        }
    }

    @Nested
    class SetProfile {

        @Test
        void storesTheNameAndColorUnderTheRequestersKey() {
            JsonObject profile = Json.object().put("name", "ada").put("color", "blue").build();

            assertThat(contract.tx(SampleApp.SET_PROFILE, profile, ADA).ok()).isTrue();
            assertThat(contract.tx(SampleApp.SET_PROFILE,
                    Json.object().put("name", "ada l.").put("color", "red").build(), ADA).ok()).isTrue();

            assertThat(contract.state).isEqualTo(Map.of(SampleApp.profileKey(ADA),
                    Json.object().put("name", "ada l.").put("color", "red").build()));
        }
    }

    @Nested
    class Clock {

        @Test
        void keepsTheNewestReading() {
            assertThat(contract.feature(SampleApp.CLOCK_FEATURE, Json.of(1_700_000_000_000L), ADA).ok()).isTrue();
            assertThat(contract.feature(SampleApp.CLOCK_FEATURE, Json.of(1_700_000_000_500L), ADA).ok()).isTrue();

            assertThat(contract.state).isEqualTo(Map.of(SampleApp.CLOCK, Json.of(1_700_000_000_500L)));
        }

        @Test
        void refusesAReadingThatIsNotNewer() {
            contract.feature(SampleApp.CLOCK_FEATURE, Json.of(2000), ADA);

            assertThat(contract.feature(SampleApp.CLOCK_FEATURE, Json.of(2000), ADA).failure())
                    .contains("clock reading 2000 is not newer than 2000");
            assertThat(contract.feature(SampleApp.CLOCK_FEATURE, Json.of(1999), ADA).failure())
                    .contains("clock reading 1999 is not newer than 2000");
            assertThat(contract.state).isEqualTo(Map.of(SampleApp.CLOCK, Json.of(2000)));
        }

        @Test
        void refusesWhatIsNotEpochMilliseconds() {
            for (Json bad : new Json[] {Json.of("2000"), Json.of(-1), Json.of(0.5), Json.NULL}) {
                assertThat(contract.feature(SampleApp.CLOCK_FEATURE, bad, ADA).failure())
                        .contains("clock_feature takes epoch milliseconds, a non-negative integer");
            }
            assertThat(contract.state).isEmpty();
        }
    }

    @Nested
    class ChatHook {

        @Test
        void keepsTheLastMessageAndCountsEachAuthorsMessages() {
            assertThat(contract.message("hello", ADA).ok()).isTrue();
            assertThat(contract.message("hi ada", BO).ok()).isTrue();
            assertThat(contract.message("how are you?", ADA).ok()).isTrue();

            assertThat(contract.state).isEqualTo(Map.of(
                    SampleApp.LAST_MESSAGE, Json.object().put("address", ADA).put("msg", "how are you?").build(),
                    SampleApp.messageCountKey(ADA), Json.of(2),
                    SampleApp.messageCountKey(BO), Json.of(1)));
        }

        @Test
        void refusesARepeatOfTheLastMessageByAnyoneAndKeepsNothingOfIt() {
            contract.message("hello", ADA);
            Map<String, Json> before = Map.copyOf(contract.state);

            assertThat(contract.message("hello", ADA).failure()).contains("the same text as the last message is refused");
            assertThat(contract.message("hello", BO).failure()).contains("the same text as the last message is refused");

            assertThat(contract.state).isEqualTo(before);
        }

        @Test
        void onlyTheLastMessageCountsSoAnOlderTextMayComeBack() {
            contract.message("hello", ADA);
            contract.message("bye", BO);

            assertThat(contract.message("hello", ADA).ok()).isTrue();
            // The rule compares exact text: another case or spacing is another message.
            assertThat(contract.message("Hello", ADA).ok()).isTrue();
            assertThat(contract.message("Hello ", ADA).ok()).isTrue();
            assertThat(contract.state.get(SampleApp.messageCountKey(ADA))).isEqualTo(Json.of(4));
        }
    }

    @Nested
    class MapTxCommand {

        @Test
        void mapsTallyToTheTallyFunction() {
            assertThat(app.mapTxCommand("tally 5")).contains(new TxCommand(SampleApp.TALLY, Json.of(5)));
            assertThat(app.mapTxCommand("  tally   12 ")).contains(new TxCommand(SampleApp.TALLY, Json.of(12)));
            // Only the form is checked here; the contract refuses the amount.
            assertThat(app.mapTxCommand("tally -4")).contains(new TxCommand(SampleApp.TALLY, Json.of(-4)));
        }

        @Test
        void mapsProfileToSetProfileWithAnObjectValue() {
            Optional<TxCommand> mapped = app.mapTxCommand("profile ada blue");

            assertThat(mapped).contains(new TxCommand(SampleApp.SET_PROFILE,
                    Json.object().put("name", "ada").put("color", "blue").build()));
            assertThat(mapped.orElseThrow().toJson().toJson())
                    .isEqualTo("{\"type\":\"set_profile\",\"value\":{\"name\":\"ada\",\"color\":\"blue\"}}");
        }

        @Test
        void anyOtherTextMeansNothingToTheApp() {
            for (String text : new String[] {"", "tally", "tally five", "tally 1 2", "tally 1.5",
                    "tally 99999999999999999999", "profile ada", "profile ada blue extra", "Tally 5", "set_profile a b"}) {
                assertThat(app.mapTxCommand(text)).as(text).isEmpty();
            }
        }
    }
}
