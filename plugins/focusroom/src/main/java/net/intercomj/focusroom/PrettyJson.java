package net.intercomj.focusroom;

import java.util.Map;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;
import net.intercomj.api.json.JsonObject;

/**
 * {@code JSON.stringify(value, null, 2)}, byte for byte: the api's JSON values write only the
 * compact form, and the terminal shows room objects indented, as a person reads them.
 *
 * <p>Strings and numbers are written as the api writes them (already {@code JSON.stringify}'s
 * forms); containers open a line per member, indented two spaces per level, with {@code ": "}
 * after a key; an empty object or array is {@code {}} or {@code []} on one line.
 */
final class PrettyJson {

    private static final String STEP = "  ";

    private PrettyJson() {}

    static String stringify(Json value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.toString();
    }

    private static void write(StringBuilder out, Json value, String indent) {
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
                    out.append(inner).append(Json.of(field.getKey()).toJson()).append(": ");
                    write(out, field.getValue(), inner);
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
                    write(out, array.get(i), inner);
                }
                out.append('\n').append(indent).append(']');
            }
            default -> out.append(value.toJson());
        }
    }
}
