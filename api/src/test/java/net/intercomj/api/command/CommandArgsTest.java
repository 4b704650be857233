package net.intercomj.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandArgsTest {

    @Test
    void readsSpaceAndEqualsForms() throws Exception {
        CommandArgs args = CommandArgs.parse("/get --key app/x --confirmed=false");
        assertThat(args.command()).isEqualTo("/get");
        assertThat(args.value("key")).contains("app/x");
        assertThat(args.value("confirmed")).contains("false");
    }

    @Test
    void quotedValuesKeepSpacesAndEscapes() throws Exception {
        CommandArgs args = CommandArgs.parse("/sc_send --channel \"my room\" --message 'it''s' --x \"a \\\"b\\\"\"");
        assertThat(args.value("channel")).contains("my room");
        assertThat(args.value("message")).contains("its");
        assertThat(args.value("x")).contains("a \"b\"");
    }

    @Test
    void missingValueIsAbsentAndDoesNotShiftFollowingPairs() throws Exception {
        // The original paired words by position: "--message" with no value became "null"
        // and shifted "--channel" into a value.
        CommandArgs args = CommandArgs.parse("/post --message --channel a");
        assertThat(args.has("message")).isTrue();
        assertThat(args.value("message")).isEmpty();
        assertThat(args.value("channel")).contains("a");
    }

    @Test
    void quotedDoubleDashIsAValue() throws Exception {
        CommandArgs args = CommandArgs.parse("/sc_send --message \"--not-an-option\"");
        assertThat(args.value("message")).contains("--not-an-option");
    }

    @Test
    void aliasesAreTriedInOrder() throws Exception {
        CommandArgs args = CommandArgs.parse("/sc_join --ch b --name c");
        assertThat(args.value("channel", "ch", "name")).contains("b");
        assertThat(args.value("nothing")).isEmpty();
    }

    @Test
    void flagsUseTheBooleanWordsOfTheOriginal() throws Exception {
        assertThat(CommandArgs.parse("/x --sim").flag("sim")).isTrue();
        assertThat(CommandArgs.parse("/x --sim 1").flag("sim")).isTrue();
        assertThat(CommandArgs.parse("/x --sim YES").flag("sim")).isTrue();
        assertThat(CommandArgs.parse("/x --sim on").flag("sim")).isTrue();
        assertThat(CommandArgs.parse("/x --sim 0").flag("sim")).isFalse();
        assertThat(CommandArgs.parse("/x --sim nope").flag("sim")).isFalse();
        assertThat(CommandArgs.parse("/x").flag("sim")).isFalse();
    }

    @Test
    void strayWordsArePositional() throws Exception {
        CommandArgs args = CommandArgs.parse("  /cmd one --k v two  ");
        assertThat(args.positional()).isEqualTo(List.of("one", "two"));
        assertThat(args.value("k")).contains("v");
    }

    @Test
    void blankLineHasNoCommand() throws Exception {
        assertThat(CommandArgs.parse("   ").command()).isEmpty();
    }

    @Test
    void unclosedQuoteIsAClearError() {
        assertThatThrownBy(() -> CommandArgs.parse("/x --k \"abc"))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("Unclosed double quote");
    }
}
