package net.intercomj.host.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.intercomj.api.sidechannel.SidechannelMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Input no well-behaved client sends: each gets the answer the original gives (spec §3.3–3.5,
 * reading fields with JavaScript's {@code String(x || '')}), the bridge never fails, and the
 * connection stays open and answers on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeBadInputTest {

    private static final String INVALID_JSON = "{\"type\":\"error\",\"error\":\"Invalid JSON.\"}";
    private static final String INVALID_MESSAGE = "{\"type\":\"error\",\"error\":\"Invalid message.\"}";

    /** Valid messages the fuzzer mutates. */
    private static final List<String> SEEDS = List.of(
            "{\"id\":1,\"type\":\"ping\"}",
            "{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}",
            "{\"id\":2,\"type\":\"send\",\"channel\":\"room\",\"message\":{\"text\":\"hi\",\"n\":[1,2,3]}}",
            "{\"type\":\"join\",\"channel\":\"c\",\"invite\":{\"payload\":{\"channel\":\"c\"},\"sig\":\"00\"}}",
            "{\"type\":\"leave\",\"channel\":\"c\"}",
            "{\"type\":\"open\",\"channel\":\"t\",\"via\":\"lobby\",\"welcome\":\"e30=\"}",
            "{\"type\":\"subscribe\",\"channels\":[\"a\",\"b\"]}",
            "{\"type\":\"unsubscribe\",\"channel\":\"a\"}",
            "{\"type\":\"set_filter\",\"filter\":\"alpha+beta|gamma\"}",
            "{\"type\":\"clear_filter\"}",
            "{\"type\":\"stats\"}",
            "{\"type\":\"info\"}",
            "{\"type\":\"cli\",\"command\":\"/echo --text hi\"}");

    private final AtomicInteger ids = new AtomicInteger();
    private TestBridge peer = TestBridge.start();

    @AfterEach
    void stop() {
        peer.close();
    }

    private void restart(Consumer<TestBridge.Spec> spec) {
        peer.close();
        peer = TestBridge.start(spec);
    }

    @Test
    void textThatJavaScriptCannotParseIsInvalidJson() throws Exception {
        for (WsClient client : List.of(unauthenticated(), peer.authenticated())) {
            for (String text : List.of("", " ", "\n\t", "{", "}", "[", "nul", "tru", "{'type':'ping'}",
                    "{\"type\":\"ping\",}", "[1,]", "{type:\"ping\"}", "{\"type\":\"ping\"} extra", "{\"type\":\"ping\"}}",
                    "{\"a\":1}{\"b\":2}", "1 2", "NaN", "Infinity", "-", "01", "0x10", "\"unterminated",
                    "\"tab\there\"", "{\"type\":\"ping\" /* comment */}", "// comment\n{}", "\u0000", "\uFEFF{}",
                    "{\"type\":\"ping\"\u0000}")) {
                assertThat(client.ask(text).toString()).as("%s", text).isEqualTo(INVALID_JSON);
            }
            assertAnswers(client);
        }
    }

    @Test
    void jsonThatIsNotAnObjectIsAnInvalidMessageAndArraysCountAsObjects() throws Exception {
        WsClient stranger = unauthenticated();
        WsClient member = peer.authenticated();
        for (String text : List.of("null", "0", "-1.5e300", "1e400", "true", "false", "\"\"", "\"{\\\"type\\\":\\\"ping\\\"}\"",
                " 42 ", "123456789012345678901234567890")) {
            assertThat(stranger.ask(text).toString()).as(text).isEqualTo(INVALID_MESSAGE);
            assertThat(member.ask(text).toString()).as(text).isEqualTo(INVALID_MESSAGE);
        }
        for (String array : List.of("[]", "[\"ping\"]", "[{\"type\":\"ping\"}]", "[[[]]]")) {
            assertThat(stranger.ask(array).toString()).as(array)
                    .isEqualTo("{\"type\":\"error\",\"error\":\"Unauthorized.\"}");
            assertThat(member.ask(array).toString()).as(array)
                    .isEqualTo("{\"type\":\"error\",\"error\":\"Unknown type: undefined\"}");
        }
        assertAnswers(stranger);
        assertAnswers(member);
    }

    @Test
    void aMissingOrOddTypeIsUnknownAndTheLastDuplicateKeyWins() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"id\":1}").toString())
                .isEqualTo("{\"id\":1,\"type\":\"error\",\"error\":\"Unknown type: undefined\"}");
        assertThat(client.ask("{\"type\":null}").path("error").asText()).isEqualTo("Unknown type: null");
        assertThat(client.ask("{\"type\":7}").path("error").asText()).isEqualTo("Unknown type: 7");
        assertThat(client.ask("{\"type\":true}").path("error").asText()).isEqualTo("Unknown type: true");
        assertThat(client.ask("{\"type\":\"\"}").path("error").asText()).isEqualTo("Unknown type: ");
        assertThat(client.ask("{\"type\":\"PING\"}").path("error").asText()).isEqualTo("Unknown type: PING");
        assertThat(client.ask("{\"type\":\" ping\"}").path("error").asText()).isEqualTo("Unknown type:  ping");
        // Only a string names a type, as in the original's strict comparison.
        assertThat(client.ask("{\"type\":[\"ping\"]}").path("error").asText()).isEqualTo("Unknown type: ping");
        assertThat(client.ask("{\"type\":{\"name\":\"ping\"}}").path("error").asText())
                .isEqualTo("Unknown type: [object Object]");
        assertThat(client.ask("{\"type\":2.0}").path("error").asText()).isEqualTo("Unknown type: 2");
        assertThat(client.ask("{\"type\":\"nope\",\"type\":\"ping\"}").path("type").asText()).isEqualTo("pong");
        assertAnswers(client);
    }

    @Test
    void anAuthWithoutAStringTokenIsUnauthorized() throws Exception {
        restart(spec -> spec.limits = new BridgeSettings.Limits(4 << 20, 8L << 20, 100, Duration.ofSeconds(30)));
        WsClient client = unauthenticated();
        for (String token : List.of("[\"" + TestBridge.TOKEN + "\"]", "{\"token\":\"" + TestBridge.TOKEN + "\"}", "null",
                "true", "0", "\"\"")) {
            assertThat(client.ask("{\"id\":1,\"type\":\"auth\",\"token\":" + token + "}").toString()).as(token)
                    .isEqualTo("{\"id\":1,\"type\":\"error\",\"error\":\"Unauthorized.\"}");
        }
        assertThat(client.ask("{\"type\":\"auth\"}").path("error").asText()).isEqualTo("Unauthorized.");
        assertThat(client.ask("{\"type\":[\"auth\"],\"token\":\"" + TestBridge.TOKEN + "\"}").path("error").asText())
                .as("only the string auth is auth").isEqualTo("Unauthorized.");
        assertThat(client.ask("{\"type\":\"ping\"}").path("error").asText()).as("still not authenticated")
                .isEqualTo("Unauthorized.");
        assertThat(client.ask("{\"type\":\"auth\",\"token\":\"" + TestBridge.TOKEN + "\"}").path("type").asText())
                .isEqualTo("auth_ok");
    }

    @Test
    void aChannelOfAnotherTypeIsReadAsJavaScriptsStringOfIt() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"send\",\"channel\":42,\"message\":1}").toString())
                .isEqualTo("{\"type\":\"sent\",\"channel\":\"42\"}");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":1.50,\"message\":1}").path("channel").asText())
                .isEqualTo("1.5");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":{\"a\":1},\"message\":1}").path("channel").asText())
                .isEqualTo("[object Object]");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":[\"a\",\"b\"],\"message\":1}").path("channel").asText())
                .isEqualTo("a,b");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":true,\"message\":1}").path("channel").asText())
                .isEqualTo("true");
        assertThat(peer.plane.calls).extracting(FakeSidechannels.Call::channel)
                .containsExactly("42", "1.5", "[object Object]", "a,b", "true");
        // Falsy values and values whose string is blank are no channel.
        for (String channel : List.of("0", "false", "null", "\"\"", "[]", "[\" \"]", "\"   \"")) {
            for (String type : List.of("send", "join", "leave", "open")) {
                assertThat(client.ask("{\"id\":9,\"type\":\"" + type + "\",\"channel\":" + channel + "}").toString())
                        .as("%s %s", type, channel)
                        .isEqualTo("{\"id\":9,\"type\":\"error\",\"error\":\"Missing channel.\"}");
            }
        }
        assertThat(client.ask("{\"type\":\"join\",\"channel\":7}").toString())
                .isEqualTo("{\"type\":\"joined\",\"channel\":\"7\"}");
        assertThat(client.ask("{\"type\":\"leave\",\"channel\":[7]}").toString())
                .isEqualTo("{\"type\":\"left\",\"channel\":\"7\",\"ok\":true}");
        assertAnswers(client);
    }

    @Test
    void anIdThatIsNotANumberIsNotEchoed() throws Exception {
        WsClient client = peer.authenticated();
        for (String id : List.of("{\"n\":1}", "[1]", "null", "true", "\"1\"", "1.25", "1e400")) {
            JsonNode pong = client.ask("{\"id\":" + id + ",\"type\":\"ping\"}");
            assertThat(pong.path("type").asText()).as(id).isEqualTo("pong");
            assertThat(pong.has("id")).as(id).isFalse();
        }
        assertThat(client.ask("{\"id\":-5,\"type\":\"ping\"}").path("id").asLong()).isEqualTo(-5);
        assertThat(client.ask("{\"id\":1e3,\"type\":\"ping\"}").path("id").asLong()).isEqualTo(1000);
    }

    @Test
    void aFilterOfAnotherTypeIsEchoedAndMatchedAsJavaScriptsStringOfIt() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"set_filter\",\"filter\":42}").toString())
                .isEqualTo("{\"type\":\"filter_set\",\"filter\":42}");
        deliver("c", "\"no number\"");
        expectMessage(client, deliver("c", "\"room 42\""));

        assertThat(client.ask("{\"type\":\"set_filter\",\"filter\":[\"alpha\",\"beta\"]}").toString())
                .isEqualTo("{\"type\":\"filter_set\",\"filter\":[\"alpha\",\"beta\"]}");
        // String(["alpha","beta"]) is "alpha,beta": both words must appear.
        deliver("c", "\"alpha\"");
        expectMessage(client, deliver("c", "\"beta and alpha\""));

        for (String none : List.of("0", "false", "null", "\"\"")) {
            assertThat(client.ask("{\"type\":\"set_filter\",\"filter\":" + none + "}").toString()).as(none)
                    .isEqualTo("{\"type\":\"filter_set\",\"filter\":\"\"}");
        }
        expectMessage(client, deliver("c", "\"anything\""));

        assertThat(client.ask("{\"type\":\"set_filter\",\"filter\":{\"x\":1}}").path("filter").toString())
                .isEqualTo("{\"x\":1}");
        assertAnswers(client);
    }

    @Test
    void subscriptionsOfAnotherShapeChangeNothingOrAreReadAsStrings() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"subscribe\",\"channels\":\"abc\"}").path("channels").toString())
                .as("channels that is not an array, and no channel").isEqualTo("[]");
        assertThat(client.ask("{\"type\":\"subscribe\",\"channels\":{\"a\":1}}").path("channels").toString())
                .isEqualTo("[]");
        assertThat(client.ask("{\"type\":\"subscribe\",\"channel\":0}").path("channels").toString()).isEqualTo("[]");
        expectMessage(client, deliver("anywhere", "1"));
        assertThat(client.ask("{\"type\":\"subscribe\",\"channels\":[1,true,null,{\"a\":1},[\"x\",\"y\"]]}")
                .path("channels").toString())
                .isEqualTo("[\"1\",\"true\",\"null\",\"[object Object]\",\"x,y\"]");
        assertThat(client.ask("{\"type\":\"unsubscribe\",\"channels\":\"1\"}").path("channels").toString())
                .isEqualTo("[\"1\",\"true\",\"null\",\"[object Object]\",\"x,y\"]");
        assertThat(client.ask("{\"type\":\"unsubscribe\",\"channels\":[1,true,null,{},[\"x\",\"y\"]]}")
                .path("channels").toString()).isEqualTo("[]");
        assertAnswers(client);
    }

    @Test
    void otherFieldsOfTheWrongTypeGetTheirErrors() throws Exception {
        WsClient client = peer.authenticated();
        assertThat(client.ask("{\"type\":\"cli\",\"command\":[]}").path("error").asText()).isEqualTo("Missing command.");
        assertThat(client.ask("{\"type\":\"cli\",\"command\":{\"a\":1}}").path("error").asText())
                .startsWith("Unknown command: [object");
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"c\",\"invite\":true}").path("error").asText())
                .isEqualTo("Invalid invite (expected JSON or base64).");
        assertThat(client.ask("{\"type\":\"join\",\"channel\":\"c\",\"welcome\":12}").path("error").asText())
                .isEqualTo("Invalid welcome (expected JSON or base64).");
        assertThat(client.ask("{\"type\":\"join\",\"channel\":\"c\",\"invite\":\"{\\\"a\\\":1} junk\"}").path("error")
                .asText()).as("JSON text followed by more").isEqualTo("Invalid invite (expected JSON or base64).");
        assertThat(peer.plane.calls).as("none of these reached the plane").isEmpty();
        assertThat(client.ask("{\"type\":\"open\",\"channel\":\"c\",\"welcome\":\"bm90IGpzb24=\"}").path("error").asText())
                .as("base64 of text that is not JSON").isEqualTo("Invalid welcome (expected JSON or base64).");
        assertThat(client.ask("{\"type\":\"open\",\"channel\":\"t\",\"via\":5}").path("via").asText()).isEqualTo("5");
        assertAnswers(client);
    }

    @Test
    void deeplyNestedOrHugeMessagesAreAnsweredWithoutHarm() throws Exception {
        WsClient client = peer.authenticated();
        String nested = "[".repeat(500) + "\"deep\"" + "]".repeat(500);
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"c\",\"message\":" + nested + "}").path("type").asText())
                .isEqualTo("sent");
        assertThat(peer.plane.last().detail()).isEqualTo(nested);
        // Past the parser's nesting limit: refused before anything recurses over it.
        String tooDeep = "{\"type\":\"send\",\"channel\":\"c\",\"message\":" + "{\"a\":".repeat(50_000) + "1"
                + "}".repeat(50_000) + "}";
        assertThat(client.ask(tooDeep).toString()).isEqualTo(INVALID_JSON);
        assertThat(client.ask("[".repeat(200_000)).toString()).isEqualTo(INVALID_JSON);
        String wide = "[" + "1,".repeat(300_000) + "1]";
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"c\",\"message\":" + wide + "}").path("type").asText())
                .isEqualTo("sent");
        String longText = "x".repeat(1_100_000);
        assertThat(client.ask("{\"type\":\"send\",\"channel\":\"c\",\"message\":\"" + longText + "\"}").path("error")
                .asText()).as("the plane refuses it, as the original's size guard").isEqualTo(
                        "Send denied (invite required or invalid).");
        assertAnswers(client);
    }

    @Test
    void binaryFramesAreReadAsUtf8TextToo() throws Exception {
        WsClient client = unauthenticated();
        client.sendBinary("{\"id\":4,\"type\":\"auth\",\"token\":\"s3cret-token\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next().toString()).isEqualTo("{\"id\":4,\"type\":\"auth_ok\"}");
        client.sendBinary(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(client.next().toString()).isEqualTo(INVALID_JSON);
        client.sendBinary(new byte[0]);
        assertThat(client.next().toString()).isEqualTo(INVALID_JSON);
        // Invalid UTF-8 inside a string decodes to replacement characters, as JavaScript's decoder does.
        client.sendBinary(concat("{\"id\":5,\"type\":\"set_filter\",\"filter\":\"a".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xc3}, "\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(client.next().toString()).isEqualTo("{\"id\":5,\"type\":\"filter_set\",\"filter\":\"a\uFFFD\"}");
        assertAnswers(client);
    }

    @Test
    void aSeededFuzzerNeverBreaksTheBridgeOrTheConnection() throws Exception {
        // Mutated auth messages present wrong tokens; the cap on them is not what this tests.
        restart(spec -> spec.limits = new BridgeSettings.Limits(4 << 20, 8L << 20, Integer.MAX_VALUE, Duration.ofSeconds(30)));
        for (long seed : new long[] {1, 42, 20_240_607}) {
            Random random = new Random(seed);
            WsClient member = peer.authenticated();
            WsClient stranger = unauthenticated();
            for (int i = 0; i < 1000; i++) {
                WsClient client = i % 3 == 0 ? stranger : member;
                byte[] input = fuzz(random);
                if (random.nextBoolean()) {
                    client.sendBinary(input);
                } else {
                    client.send(new String(input, StandardCharsets.UTF_8));
                }
            }
            // Each client's replies come in order, so its pong is the last frame it gets.
            assertAnswersAfterTheRest(member, seed);
            assertAnswersAfterTheRest(stranger, seed);
            assertThat(member.closed).as("seed %s", seed).isNotDone();
            assertThat(stranger.closed).as("seed %s", seed).isNotDone();
        }
        assertThat(peer.bridge.clientCount()).isEqualTo(6);
    }

    /** One fuzzer input: random bytes, a mutated valid message or deep nesting. */
    private static byte[] fuzz(Random random) {
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 -> {
                StringBuilder text = new StringBuilder();
                String alphabet = "{}[]\":,0123456789.eE+-truefalsnul \\/\t\nabc";
                for (int i = random.nextInt(80); i > 0; i--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return utf8(text.toString());
            }
            case 2 -> {
                int depth = 1 + random.nextInt(3000);
                String open = random.nextBoolean() ? "[" : "{\"k\":";
                String close = open.equals("[") ? "]" : "}";
                return utf8("{\"type\":\"send\",\"channel\":\"c\",\"message\":" + open.repeat(depth) + "0"
                        + (random.nextInt(4) == 0 ? "" : close.repeat(depth)) + "}");
            }
            default -> {
                byte[] bytes = utf8(SEEDS.get(random.nextInt(SEEDS.size())));
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    bytes = mutate(random, bytes);
                }
                return bytes;
            }
        }
    }

    private static byte[] mutate(Random random, byte[] bytes) {
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 1 -> {
                byte[] copy = bytes.clone();
                String tokens = "{}[]\",:0-9.e\\ntf";
                copy[at] = (byte) tokens.charAt(random.nextInt(tokens.length()));
                return copy;
            }
            case 2 -> {
                return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, at + 1, bytes.length));
            }
            case 3 -> {
                int length = random.nextInt(bytes.length - at + 1);
                return concat(Arrays.copyOf(bytes, at + length), Arrays.copyOfRange(bytes, at, bytes.length));
            }
            default -> {
                String value = List.of("null", "[]", "{}", "-0", "1e999", "\"\"", "true", "\"\\u0000\"", "[[{}]]",
                        "12345678901234567890").get(random.nextInt(10));
                String text = new String(bytes, StandardCharsets.UTF_8);
                int colon = text.indexOf(':', random.nextInt(Math.max(1, text.length())));
                if (colon < 0) {
                    return bytes;
                }
                int end = colon + 1;
                while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                return utf8(text.substring(0, colon + 1) + value + text.substring(end));
            }
        }
    }

    private WsClient unauthenticated() throws Exception {
        WsClient client = peer.connect();
        client.next();
        return client;
    }

    private String deliver(String channel, String messageJson) {
        String id = "e" + ids.incrementAndGet();
        peer.bridge.deliver(new SidechannelMessage(channel, id, "a1".repeat(32), "a1".repeat(32), "5e".repeat(64),
                Optional.empty(), 3, 1L, messageJson));
        return id;
    }

    private static void expectMessage(WsClient client, String id) throws InterruptedException {
        JsonNode frame = client.next();
        assertThat(frame.path("type").asText()).as("%s", frame).isEqualTo("sidechannel_message");
        assertThat(frame.path("id").asText()).as("%s", frame).isEqualTo(id);
    }

    /** The connection still answers: a ping gets its reply (pong, or Unauthorized before auth). */
    private static void assertAnswers(WsClient client) throws InterruptedException {
        JsonNode reply = client.ask("{\"id\":424242,\"type\":\"ping\"}");
        assertThat(reply.path("id").asLong()).as("%s", reply).isEqualTo(424242);
        assertThat(client.closed).isNotDone();
    }

    /** Skips the replies to earlier input until the ping's. */
    private static void assertAnswersAfterTheRest(WsClient client, long seed) throws InterruptedException {
        client.send("{\"id\":424242,\"type\":\"ping\"}");
        JsonNode frame;
        int skipped = 0;
        do {
            frame = client.next();
            skipped++;
            assertThat(frame.path("type").asText()).as("seed %s: %s", seed, frame).isIn("error", "pong", "auth_ok",
                    "filter_set", "subscribed", "sent", "joined", "left", "open_requested", "stats", "info", "cli_result");
        } while (frame.path("id").asLong() != 424242);
        assertThat(skipped).as("seed %s: replies before the pong", seed).isPositive();
        assertThat(frame.path("type").asText()).as("seed %s", seed).isIn("pong", "error");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] whole = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, whole, at, part.length);
            at += part.length;
        }
        return whole;
    }
}
