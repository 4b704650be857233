package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * {@code bigint}, trac-peer's custom rule for amounts: a JSON number without fractional part, or
 * a string of an optional {@code -} and decimal digits ({@code "-12"}, {@code "007"}; no
 * {@code +}, spaces, exponent or hex), then {@code min} and {@code max} (numbers or such strings)
 * compared exactly, never through a double.
 *
 * <p>Fixes an upstream defect: trac-peer's rule never set its result and so failed every value.
 * Error types {@code bigint}, {@code bigintMin}, {@code bigintMax}; the expected value of the
 * latter two is the bound as a decimal string, exact however large.
 *
 * @param min the least value allowed, or null
 * @param max the greatest value allowed, or null
 */
record BigIntRule(BigInteger min, BigInteger max) implements Rule {

    static final String ERROR = "bigint";
    static final String ERROR_MIN = "bigintMin";
    static final String ERROR_MAX = "bigintMax";

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");

    static BigIntRule compile(RuleSpec spec) {
        return new BigIntRule(bound(spec, "min"), bound(spec, "max"));
    }

    private static BigInteger bound(RuleSpec spec, String name) {
        JsonNode value = spec.option(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual() && DIGITS.matcher(value.textValue()).matches()) {
            return new BigInteger(value.textValue());
        }
        BigDecimal number = value.isNumber() ? exact(value) : null;
        if (number == null || !isInteger(number)) {
            throw spec.error("The '" + name + "' option of the 'bigint' rule must be an integer, as a number or a"
                    + " string of decimal digits.");
        }
        return number.toBigIntegerExact();
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        int belowMin;
        int aboveMax;
        if (value.isTextual() && DIGITS.matcher(value.textValue()).matches()) {
            String digits = value.textValue();
            belowMin = min == null ? 0 : -compare(digits, min);
            aboveMax = max == null ? 0 : compare(digits, max);
        } else if (value.isNumber() && exact(value) != null && isInteger(exact(value))) {
            BigDecimal number = exact(value);
            belowMin = min == null ? 0 : new BigDecimal(min).compareTo(number);
            aboveMax = max == null ? 0 : number.compareTo(new BigDecimal(max));
        } else {
            findings.add(site, ERROR, value);
            return;
        }
        if (belowMin > 0) {
            findings.add(site, ERROR_MIN, value, TextNode.valueOf(min.toString()));
        }
        if (aboveMax > 0) {
            findings.add(site, ERROR_MAX, value, TextNode.valueOf(max.toString()));
        }
    }

    /**
     * The number's exact value, or null for NaN and the infinities. A double counts as the binary
     * value it holds, as {@code BigInt(x)} takes it, not as its shortest decimal.
     */
    private static BigDecimal exact(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            double x = number.doubleValue();
            return Double.isFinite(x) ? new BigDecimal(x) : null;
        }
        return number.decimalValue();
    }

    private static boolean isInteger(BigDecimal number) {
        // stripTrailingZeros keeps 1E+1000000000 small, where toBigIntegerExact would not.
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    /**
     * Compares a decimal string ({@code -?[0-9]+}) with {@code bound} by its digits, in time
     * linear in its length: parsing a string of many thousands of digits into a BigInteger is not.
     */
    static int compare(String digits, BigInteger bound) {
        boolean negative = digits.startsWith("-");
        String magnitude = digits.substring(negative ? 1 : 0).replaceFirst("^0+(?=.)", "");
        if (magnitude.equals("0")) {
            negative = false;
        }
        int sign = negative ? -1 : 1;
        if (negative != (bound.signum() < 0)) {
            return sign;
        }
        String boundDigits = bound.abs().toString();
        int byMagnitude = magnitude.length() != boundDigits.length()
                ? Integer.compare(magnitude.length(), boundDigits.length())
                : Integer.signum(magnitude.compareTo(boundDigits));
        return sign * byMagnitude;
    }

    /** Either form: an integer or a string of digits; the bounds apply to the integer form only. */
    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.putArray("type").add("integer").add("string");
        schema.put("pattern", "^-?[0-9]+$");
        if (min != null) {
            schema.set("minimum", BigIntegerNode.valueOf(min));
        }
        if (max != null) {
            schema.set("maximum", BigIntegerNode.valueOf(max));
        }
        return schema;
    }
}
