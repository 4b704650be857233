package net.intercomj.api.json;

import java.util.Map;

/** Writes containers into one buffer, so nested values are not turned into strings twice. */
final class JsonWriter {

    private JsonWriter() {}

    static void write(StringBuilder out, Json value) {
        switch (value) {
            case JsonObject object -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Json> field : object.fields().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    JsonString.appendQuoted(out, field.getKey());
                    out.append(':');
                    write(out, field.getValue());
                }
                out.append('}');
            }
            case JsonArray array -> {
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, array.get(i));
                }
                out.append(']');
            }
            case JsonString string -> JsonString.appendQuoted(out, string.value());
            case JsonNumber number -> out.append(number.toJson());
            case JsonBoolean bool -> out.append(bool.toJson());
            case JsonNull nul -> out.append("null");
        }
    }

    private static final String STEP = "  ";

    /**
     * {@code JSON.stringify(value, null, 2)}: a line per member, indented two spaces per level,
     * {@code ": "} after a key, empty containers as {@code {}} and {@code []}.
     */
    static void writePretty(StringBuilder out, Json value, String indent) {
        switch (value) {
            case JsonObject object when !object.fields().isEmpty() -> {
                String inner = indent + STEP;
                out.append("{\n");
                boolean first = true;
                for (Map.Entry<String, Json> field : object.fields().entrySet()) {
                    if (!first) {
                        out.append(",\n");
                    }
                    first = false;
                    out.append(inner);
                    JsonString.appendQuoted(out, field.getKey());
                    out.append(": ");
                    writePretty(out, field.getValue(), inner);
                }
                out.append('\n').append(indent).append('}');
            }
            case JsonArray array when !array.isEmpty() -> {
                String inner = indent + STEP;
                out.append("[\n");
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(",\n");
                    }
                    out.append(inner);
                    writePretty(out, array.get(i), inner);
                }
                out.append('\n').append(indent).append(']');
            }
            default -> write(out, value);
        }
    }
}
