package net.intercomj.sidechannel.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void idHasSenderTimeAndEightBase36Chars() {
        String from = "ab".repeat(32);
        assertThat(MessageIds.newId(from, 1_700_000_000_000L)).matches(from + ":1700000000000:[0-9a-z]{8}");
        assertThat(MessageIds.newId(null, 5)).matches("anon:5:[0-9a-z]{8}");
    }

    @Test
    void idWithoutClockUsesCurrentTime() {
        long before = System.currentTimeMillis();
        String[] parts = MessageIds.newId("k").split(":");
        long after = System.currentTimeMillis();
        assertThat(parts).hasSize(3);
        assertThat(Long.parseLong(parts[1])).isBetween(before, after);
    }

    @Test
    void randomPartsDoNotRepeatAndUseTheWholeAlphabet() {
        Set<String> seen = new HashSet<>();
        Set<Character> chars = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String random = MessageIds.randomBase36(8);
            assertThat(random).matches("[0-9a-z]{8}");
            assertThat(seen.add(random)).isTrue();
            random.chars().forEach(c -> chars.add((char) c));
        }
        assertThat(chars).hasSize(36);
        assertThat(MessageIds.randomBase36(0)).isEmpty();
    }
}
