package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * One failed check, as fastest-validator reports it.
 *
 * @param field    the field's path, dotted ({@code value.items[2].name}); empty for the validated
 *                 value itself. As in fastest-validator, a null item of an array that does not
 *                 allow null is reported on the array's field.
 * @param type     fastest-validator's error type ({@code required}, {@code stringMin},
 *                 {@code objectStrict}, …; {@code bufferedHex}, {@code bigint},
 *                 {@code bigintMin}, {@code bigintMax} and {@code bitcoin} for the custom rules)
 * @param message  the message from the type's template
 * @param actual   what was found (the value, a length, the forbidden keys…), or a
 *                 {@link MissingNode} when the check has none or the value was absent
 * @param expected what the rule asked for (a bound, the allowed values…), or a
 *                 {@link MissingNode} when the check has none
 */
public record ValidationError(String field, String type, String message, JsonNode actual, JsonNode expected) {

    public ValidationError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        actual = actual == null ? MissingNode.getInstance() : actual;
        expected = expected == null ? MissingNode.getInstance() : expected;
    }
}
