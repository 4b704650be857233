package net.intercomj.intersplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertThat(Csv.field("alice")).isEqualTo("alice");
        assertThat(Csv.field("")).isEqualTo("");
        assertThat(Csv.field("it's ok; really")).isEqualTo("it's ok; really");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void aNoteWithACommaAQuoteAndANewlineRoundTrips() {
        String note = "dinner, \"the good place\"\nand a taxi\r\nback";
        List<List<String>> rows = List.of(
                List.of("txId", "payer", "amount", "note"),
                List.of("t1", "alice", "30.00", note),
                List.of("t2", "bob", "10.00", ""),
                List.of("t3", "smith, jr", "1.00", "\"\""));
        String text = String.join("\n", rows.stream().map(Csv::record).toList());
        assertThat(text).contains("t1,alice,30.00,\"dinner, \"\"the good place\"\"\nand a taxi\r\nback\"");
        assertThat(Csv.parse(text)).isEqualTo(rows);
        assertThat(Csv.parse(text + "\n")).isEqualTo(rows);
        assertThat(Csv.parse(text.replace("t2,bob,10.00,\n", "t2,bob,10.00,\r\n"))).isEqualTo(rows);
    }

    @Test
    void readsEmptyFieldsAndText() {
        assertThat(Csv.parse("")).isEmpty();
        assertThat(Csv.parse(",")).containsExactly(List.of("", ""));
        assertThat(Csv.parse("a\n\nb")).containsExactly(List.of("a"), List.of(""), List.of("b"));
    }

    @Test
    void refusesBrokenQuoting() {
        assertThatThrownBy(() -> Csv.parse("\"open")).hasMessage("Unclosed quoted field starting at offset 0.");
        assertThatThrownBy(() -> Csv.parse("\"a\"b")).hasMessage("Unexpected character after a closing quote at offset 3.");
    }
}
