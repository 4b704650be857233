package net.intercomj.host.contract.schema;

import static net.intercomj.host.contract.schema.SchemaJson.json;
import static net.intercomj.host.contract.schema.SchemaJson.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON Schema export for wallets, rule by rule. */
class ContractSchemaJsonSchemaTest {

    /** The export of the rule {@code rule} as the only property {@code a} of a schema. */
    private static JsonNode exportOf(String rule) {
        return schema("{a: " + rule + "}").toJsonSchema().path("properties").path("a");
    }

    private static void assertSame(JsonNode actual, String expected) {
        assertThat(SchemaJson.same(actual, json(expected)))
                .as("%s should be %s", actual, json(expected)).isTrue();
    }

    @Test
    void theTopLevelIsAnObjectOfItsProperties() {
        assertSame(schema("{value: {$$type: 'object', op: 'string', n: {type: 'number', optional: true}}, key: 'string|optional'}")
                .toJsonSchema(), """
                {type: 'object',
                 properties: {
                   value: {type: 'object',
                           properties: {op: {type: 'string'}, n: {type: 'number'}},
                           additionalProperties: true, required: ['op']},
                   key: {type: 'string'}},
                 additionalProperties: true,
                 required: ['value']}
                """);
    }

    @Test
    void strictnessBecomesAdditionalPropertiesAtEveryLevel() {
        assertSame(schema("{$$strict: true, v: {$$type: 'object', $$strict: true, w: {type: 'object', strict: true, props: {}}}}")
                .toJsonSchema(), """
                {type: 'object', additionalProperties: false, required: ['v'],
                 properties: {v: {type: 'object', additionalProperties: false, required: ['w'],
                                  properties: {w: {type: 'object', properties: {}, additionalProperties: false, required: []}}}}}
                """);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "'string' => {type: 'string'}",
        "{type: 'string', min: 1, max: 256} => {type: 'string', minLength: 1, maxLength: 256}",
        "'string|min:3' => {type: 'string', minLength: 3}",
        "{type: 'string', length: 4, min: 1} => {type: 'string', minLength: 4, maxLength: 4}",
        "{type: 'string', empty: false} => {type: 'string', minLength: 1}",
        "{type: 'string', empty: false, min: 5} => {type: 'string', minLength: 5}",
        "{type: 'string', numeric: true} => {type: 'string', pattern: '^[0-9]+$'}",
        "{type: 'string', pattern: '^a/b$', patternFlags: 'i'} => {type: 'string', pattern: '^a/b$'}",
        "{type: 'string', alpha: true, pattern: 'x'} => {type: 'string', allOf: [{pattern: 'x'}, {pattern: '^[a-zA-Z]+$'}]}",
        "{type: 'string', hex: true} => {type: 'string', pattern: '^(?:[0-9a-fA-F]{2})+$'}",
        "{type: 'string', contains: 'a.b'} => {type: 'string', pattern: 'a\\\\.b'}",
        "{type: 'string', enum: ['x', 'y', 3]} => {type: 'string', enum: ['x', 'y']}",
        "{type: 'string', nullable: true} => {type: ['string', 'null']}",
        "{type: 'number'} => {type: 'number'}",
        "{type: 'number', integer: true, min: 0, max: 9007199254740991} => {type: 'integer', minimum: 0, maximum: 9007199254740991}",
        "'number|integer|nullable' => {type: ['integer', 'null']}",
        "{type: 'number', positive: true, negative: true} => {type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0}",
        "{type: 'number', equal: 3, notEqual: 4} => {type: 'number', const: 3, not: {const: 4}}",
        "'boolean' => {type: 'boolean'}",
        "{type: 'boolean', nullable: true, optional: true} => {type: ['boolean', 'null']}",
        "'any' => {}",
        "{type: 'any', nullable: true} => {}",
        "{type: 'is_hex'} => {type: 'string', pattern: '^[0-9a-fA-F]+$'}",
        "{type: 'is_hex', nullable: true} => {type: ['string', 'null'], pattern: '^[0-9a-fA-F]+$'}",
        "{type: 'bitcoin_address'} => {type: 'string'}",
        "{type: 'bigint'} => {type: ['integer', 'string'], pattern: '^-?[0-9]+$'}",
        "{type: 'bigint', min: '-5', max: 123456789012345678901234567890, nullable: true} => {type: ['integer', 'string', 'null'], pattern: '^-?[0-9]+$', minimum: -5, maximum: 123456789012345678901234567890}",
        "{type: 'enum', values: ['a', 1, null, [1], {}]} => {enum: ['a', 1, null]}",
        "{type: 'enum', values: ['a'], nullable: true} => {enum: ['a', null]}",
        "{type: 'equal', value: 'yes'} => {const: 'yes'}",
        "{type: 'equal', value: 5, nullable: true} => {enum: [5, null]}",
        "{type: 'array'} => {type: 'array'}",
        "'string[]' => {type: 'array', items: {type: 'string'}}",
        "{type: 'array', items: {type: 'number', nullable: true}, min: 1, max: 3, unique: true} => {type: 'array', items: {type: ['number', 'null']}, minItems: 1, maxItems: 3, uniqueItems: true}",
        "{type: 'array', length: 2, empty: false} => {type: 'array', minItems: 2, maxItems: 2}",
        "{type: 'array', empty: false, contains: 'x'} => {type: 'array', minItems: 1, contains: {const: 'x'}}",
        "{type: 'array', items: {$$type: 'object', id: 'number'}} => {type: 'array', items: {type: 'object', properties: {id: {type: 'number'}}, additionalProperties: true, required: ['id']}}",
        "{type: 'object'} => {type: 'object'}",
        "{type: 'object', minProps: 1, maxProps: 2} => {type: 'object', minProperties: 1, maxProperties: 2}",
        "{type: 'object', props: {b: 'string|optional'}, nullable: true} => {type: ['object', 'null'], properties: {b: {type: 'string'}}, additionalProperties: true, required: []}",
        "{type: 'object', properties: {c: 'number'}, strict: true} => {type: 'object', properties: {c: {type: 'number'}}, additionalProperties: false, required: ['c']}",
        "{$$type: 'object|optional', d: 'any'} => {type: 'object', properties: {d: {}}, additionalProperties: true, required: ['d']}",
    })
    void eachRuleExports(String rule, String expected) {
        assertSame(exportOf(rule), expected);
    }

    @Test
    void optionalPropertiesAreNotRequired() {
        JsonNode exported = schema("{a: 'string', b: 'string|optional', c: {type: 'any', nullable: true}}").toJsonSchema();
        assertSame(exported.get("required"), "['a', 'c']");
    }

    @Test
    void aRootRuleExportsAsItself() {
        assertSame(schema("{$$root: true, type: 'string', max: 3}").toJsonSchema(), "{type: 'string', maxLength: 3}");
    }

    @Test
    void eachCallReturnsAFreshCopy() {
        ContractSchema schema = schema("{a: 'string'}");
        ((ObjectNode) schema.toJsonSchema()).put("type", "array");
        assertThat(schema.toJsonSchema().get("type").asText()).isEqualTo("object");
    }
}
