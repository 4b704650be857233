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
}
