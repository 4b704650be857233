package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One compiled rule of a schema, such as {@code string} with its options. A rule only sees
 * values that are present and not null: whether a value may be absent or null is its
 * {@link Constraint}'s business. Rules are immutable.
 */
sealed interface Rule
        permits AnyRule, ArrayRule, BigIntRule, BitcoinAddressRule, BooleanRule, EnumRule, EqualRule, HexRule,
        NumberRule, ObjectRule, StringRule {

    /** Checks {@code value} (present, not null) and reports each failed check to {@code findings} at {@code site}. */
    void check(JsonNode value, Site site, Findings findings);

    /** The rule as JSON Schema, leaving null out (its {@link Constraint} adds it). */
    ObjectNode jsonSchema();
}
