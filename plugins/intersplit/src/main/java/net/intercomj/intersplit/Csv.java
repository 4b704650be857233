package net.intercomj.intersplit;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV fields and records as RFC 4180 writes them, and a reader for the same.
 *
 * <p>The original writes {@code from,to,amount} rows by joining the raw names with commas
 * (W9), so a name such as {@code "smith, jr"} shifts the columns. Here a field that holds a
 * comma, a double quote, a CR or an LF is enclosed in double quotes, and a double quote inside
 * it is doubled; every other field is written as it is, so ordinary rows stay byte-identical to
 * the original's.
 *
 * <p>One deviation from RFC 4180, kept for compatibility with the original's output: records
 * are separated by LF, not CRLF. The reader accepts both.
 */
public final class Csv {

    private Csv() {}

    /** One field, quoted when it must be. */
    public static String field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** One record: the fields, each {@link #field quoted when it must be}, joined by commas. */
    public static String record(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.toString();
    }

    /**
     * Reads CSV text into records of fields: quoted fields may hold commas, doubled quotes and
     * line breaks; records end at LF, CR LF or the end of the text (a final line break does not
     * start an empty record).
     *
     * @throws IllegalArgumentException when a quoted field is not closed, or a closing quote is
     *     followed by something other than a comma or a line break
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        if (text.isEmpty()) {
            return records;
        }
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                int open = i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("Unclosed quoted field starting at offset " + open + ".");
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && !text.startsWith("\r\n", i)) {
                    throw new IllegalArgumentException("Unexpected character after a closing quote at offset " + i + ".");
                }
            } else {
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && !text.startsWith("\r\n", i)) {
                    field.append(text.charAt(i++));
                }
            }
            record.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                records.add(record);
                return records;
            }
            if (text.charAt(i) == ',') {
                i++;
                continue;
            }
            i += text.charAt(i) == '\r' ? 2 : 1;
            records.add(record);
            record = new ArrayList<>();
            if (i >= n) {
                return records;
            }
        }
    }
}
