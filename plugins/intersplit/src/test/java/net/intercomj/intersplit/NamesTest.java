package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void trimsAndLowercases() {
        assertThat(Names.normalize("  Alice\t")).isEqualTo("alice");
        assertThat(Names.normalize("\u00A0Bob\u2003")).isEqualTo("bob");
        assertThat(Names.normalize(null)).isEmpty();
        assertThat(Names.normalize("   ")).isEmpty();
    }

    @Test
    void lowercasesTheSameWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(Names.normalize("IRMAK")).isEqualTo("irmak");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void splitListsDropBlanksAndRepeatsKeepingTheFirstPlace() {
        assertThat(Names.parseList("alice, Bob,,ALICE , carol,")).containsExactly("alice", "bob", "carol");
        assertThat(Names.members(Arrays.asList("Bob", " alice", "", "BOB", null))).containsExactly("bob", "alice");
        assertThat(Names.parseList("")).isEmpty();
        assertThat(Names.parseList(null)).isEmpty();
    }

    @Test
    void refusesLongNamesAndLineBreaks() {
        assertThat(Names.normalize("a".repeat(Names.MAX_LENGTH))).hasSize(Names.MAX_LENGTH);
        assertThatThrownBy(() -> Names.normalize("a".repeat(Names.MAX_LENGTH + 1)))
                .hasMessage("A member name is too long: 65 characters, at most 64.");
        assertThatThrownBy(() -> Names.normalize("ali\nce"))
                .hasMessage("A member name must not contain control characters or line breaks (found U+000A).");
        assertThatThrownBy(() -> Names.normalize("ali\u2028ce")).hasMessageContaining("U+2028");
    }

    @Test
    void ordersByCodePoint() {
        List<String> names = new ArrayList<>(List.of("bob", "alice", "al", "zed", "é", "a_b", "a1", "a-b", "\uD83D\uDE00", "\uFFFD"));
        names.sort(Names.ORDER);
        // '-' (2D) < '1' (31) < '_' (5F) < 'l' (6C); é (E9) after z; U+FFFD before the emoji U+1F600,
        // though its UTF-16 form (D83D …) is smaller: code points, not char values.
        assertThat(names).containsExactly("a-b", "a1", "a_b", "al", "alice", "bob", "zed", "é", "\uFFFD", "\uD83D\uDE00");
    }
}
