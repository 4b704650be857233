package net.intercomj.focusroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.intercomj.testkit.TestWallet;
import org.junit.jupiter.api.Test;

/** The sidechannel wire decoder ({@link WireMessage#parse}): round trips, clear refusals, and fuzzing. */
class WireMessageTest {

    private static final TestWallet HOST = new TestWallet();
    private static final TestWallet JOINER = new TestWallet();
    private static final long T0 = 1_772_113_842_441L;
    private static final String SESSION = "0123456789abcdef";

    static List<WireMessage> samples() {
        String host = HOST.publicKeyHex();
        String joiner = JOINER.publicKeyHex();
        List<WireMessage> all = new ArrayList<>();
        all.add(Signatures.sign(HOST, new FocusEvent.Start("room-1", SESSION, host, "ship it", T0, T0 + 25 * 60_000,
                List.of(joiner, host)), 1, T0));
        all.add(Signatures.sign(JOINER, new FocusEvent.Join("room-1", null, joiner, T0), 2, T0));
        all.add(Signatures.sign(JOINER, new FocusEvent.Join("room-1", SESSION, joiner, T0), 3, T0));
        all.add(Signatures.sign(JOINER, new FocusEvent.Checkin("room-1", SESSION, joiner, "héllo \"quoted\" ✓", T0), 4, T0));
        all.add(Signatures.sign(HOST, new FocusEvent.Extend("room-1", SESSION, host, 5, T0 + 30 * 60_000, T0), 5, T0));
        all.add(Signatures.sign(HOST, new FocusEvent.End("room-1", SESSION, host, false, "done", T0,
                new Stats(1, 2, 2, 1), List.of(host, joiner)), 6, T0));
        all.add(Signatures.sign(HOST, new FocusEvent.End("room-1", SESSION, host, true, "", T0, new Stats(60_000, 60_002, 2, 1),
                List.of(host)), 7, T0));
        all.add(new WireMessage.SyncRequest("room-1", joiner, T0));
        all.add(new WireMessage.SyncReply("room-1", List.of((SignedEvent) all.get(0), (SignedEvent) all.get(3)), host, T0));
        return all;
    }

    @Test
    void everyMessageRoundTripsAndSignaturesVerify() {
        for (WireMessage message : samples()) {
            String text = message.toJson().toJson();
            assertThat(WireMessage.parse(text)).as(text).contains(message);
            if (message instanceof SignedEvent signed) {
                assertThat(Signatures.verify(TestWallet.VERIFIER, signed)).isTrue();
            }
        }
    }

    @Test
    void theOriginalsShapeIsKept() {
        String text = samples().get(6).toJson().toJson();
        assertThat(text).startsWith("{\"app\":\"focus_room\",\"eventType\":\"session_expired\",\"payload\":{\"room\":\"room-1\",\"who\":\""
                + HOST.publicKeyHex() + "\",\"reason\":\"timer\",\"at\":" + T0 + ",\"stats\":{\"plannedDurationMs\":60000,");
        assertThat(text).contains(",\"at\":" + T0 + ",\"by\":\"" + HOST.publicKeyHex() + "\",\"seq\":7,\"sig\":\"");
    }

    @Test
    void otherAppsAndNonJsonAreNotFocusRoomMessages() {
        for (String other : List.of("", "not json", "\"text\"", "42", "[]", "{}", "{\"app\":\"expense_split_v1\"}",
                "{\"app\":7}", "null")) {
            assertThat(WireMessage.parse(other)).as(other).isEmpty();
        }
    }

    @Test
    void badFocusRoomMessagesAreRefusedNamingWhatIsWrong() {
        String good = samples().get(4).toJson().toJson();
        assertThatThrownBy(() -> WireMessage.parse(good.replace("\"minutes\":5", "\"minutes\":1441")))
                .hasMessageContaining("minutes must be between 1 and 1440");
        assertThatThrownBy(() -> WireMessage.parse(good.replace("session_extend", "session_bogus")))
                .hasMessageContaining("unknown eventType \"session_bogus\"");
        assertThatThrownBy(() -> WireMessage.parse(good.replace("\"seq\":5", "\"seq\":0")))
                .hasMessageContaining("\"seq\" must be positive");
        assertThatThrownBy(() -> WireMessage.parse(good.replace("\"session\":\"" + SESSION, "\"session\":\"XYZ")))
                .hasMessageContaining("\"session\" must be 16 lowercase hex");
        assertThatThrownBy(() -> WireMessage.parse(good.replace("\"room\":\"room-1\"", "\"room\":\"  \"")))
                .hasMessage("room is required");
        String checkin = samples().get(3).toJson().toJson();
        assertThatThrownBy(() -> WireMessage.parse(checkin.replace("\"status\":\"", "\"status\":\" ")))
                .hasMessageContaining("\"status\" must be trimmed");
        String start = samples().get(0).toJson().toJson();
        assertThatThrownBy(() -> WireMessage.parse(start.replace("\"host\":\"" + HOST.publicKeyHex(),
                "\"host\":\"" + JOINER.publicKeyHex()))).hasMessageContaining("is not its signer");
        assertThatThrownBy(() -> WireMessage.parse(start.replace("\"endsAt\":" + (T0 + 25 * 60_000), "\"endsAt\":" + (T0 + 90_000))))
                .hasMessageContaining("whole minutes");
        String end = samples().get(5).toJson().toJson();
        assertThatThrownBy(() -> WireMessage.parse(end.replace("\"checkinCount\":1", "\"checkinCount\":-1")))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void aTamperedEventDecodesButDoesNotVerify() {
        SignedEvent checkin = (SignedEvent) samples().get(3);
        String tampered = checkin.toJson().toJson().replace("héllo", "hello");
        SignedEvent decoded = (SignedEvent) WireMessage.parse(tampered).orElseThrow();
        assertThat(Signatures.verify(TestWallet.VERIFIER, decoded)).isFalse();
    }

    /**
     * Random mutations of valid messages (characters changed, dropped, inserted; fields
     * truncated) decode, are refused with an {@link IllegalArgumentException} carrying a
     * message, or are "not ours": never another exception, never a hang.
     */
    @Test
    void fuzzedInputOnlyEverDecodesOrIsRefusedCleanly() {
        List<String> seeds = samples().stream().map(m -> m.toJson().toJson()).toList();
        String alphabet = "{}[]\":,0123456789-.eE truefalsn\\u00e9abcdefXYZ";
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            String base = seeds.get(random.nextInt(seeds.size()));
            StringBuilder text = new StringBuilder(base);
            int edits = 1 + random.nextInt(6);
            for (int i = 0; i < edits && !text.isEmpty(); i++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    case 2 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setLength(at);
                }
            }
            String input = text.toString();
            try {
                Optional<WireMessage> decoded = WireMessage.parse(input);
                decoded.ifPresent(message -> assertThat(message.room()).isNotBlank());
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("seed %d: %s", seed, input).isNotBlank();
            }
        }
    }

    @Test
    void structurallyWrongValuesInEveryFieldAreRefusedCleanly() {
        List<String> replacements = List.of("null", "true", "-1", "1.5", "\"\"", "[]", "{}", "1e400", "\"x\"",
                "99999999999999999999999");
        for (String seedText : samples().stream().map(m -> m.toJson().toJson()).toList()) {
            // Replace each value after a key with each replacement.
            for (int i = seedText.indexOf("\":"); i >= 0; i = seedText.indexOf("\":", i + 1)) {
                int start = i + 2;
                int end = valueEnd(seedText, start);
                for (String replacement : replacements) {
                    String input = seedText.substring(0, start) + replacement + seedText.substring(end);
                    try {
                        WireMessage.parse(input);
                    } catch (IllegalArgumentException e) {
                        assertThat(e.getMessage()).as(input).isNotBlank();
                    }
                }
            }
        }
    }

    private static int valueEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                case ',' -> {
                    if (depth == 0) {
                        return i;
                    }
                }
                default -> { }
            }
        }
        return text.length();
    }
}
