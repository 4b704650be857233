package net.intercomj.host.contract.schema;

import static net.intercomj.host.contract.schema.SchemaJson.json;
import static net.intercomj.host.contract.schema.SchemaJson.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiling schemas: what is refused, with which message and field, and what compiling leaves alone. */
class ContractSchemaCompileTest {

    @Test
    void anUnknownRuleNamesTheRuleAndTheField() {
        assertThatThrownBy(() -> schema("{value: {$$type: 'object', op: {type: 'xyz'}}}"))
                .isInstanceOfSatisfying(SchemaException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Invalid 'xyz' type in validator schema. (field 'value.op')");
                    assertThat(e.field()).isEqualTo("value.op");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "{list: {type: 'array', items: {$$type: 'object', a: 'nope|optional'}}} => list[].a => Invalid 'nope' type",
        "{a: {type: 'object', props: {'b-c': {}}}} => a['b-c'] => Invalid 'undefined' type",
        "{a: {type: 'object', properties: {b: {type: ['string']}}}} => a.b => Invalid 'string' type",
        "{a: {type: {}}} => a => Invalid '[object Object]' type",
        "{a: 5} => a => Invalid 'undefined' type",
        "{a: null} => a => Invalid 'undefined' type",
        "{a: ''} => a => Invalid '' type",
        "{$$root: true, type: 'nope'} => `` => Invalid 'nope' type",
    })
    void unknownRulesAreFoundAtAnyDepth(String schema, String field, String message) {
        assertThatThrownBy(() -> schema(schema)).isInstanceOfSatisfying(SchemaException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(message + " in validator schema.");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "url", "uuid", "date", "forbidden", "multi", "tuple", "record", "mac", "luhn",
        "objectID", "currency", "class", "function", "custom"})
    void fastestValidatorRulesNotPortedAreNamedAsSuch(String type) {
        assertThatThrownBy(() -> schema("{a: {type: '" + type + "'}}")).isInstanceOf(SchemaException.class)
                .hasMessage("The '" + type + "' rule of fastest-validator is not supported. (field 'a')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'x'", "5", "null", "true", "[{type: 'string'}]"})
    void aSchemaMustBeAnObject(String schema) {
        assertThatThrownBy(() -> ContractSchema.compile(json(schema))).isInstanceOf(SchemaException.class);
    }

    @Test
    void alternativeRulesAreNotSupported() {
        assertThatThrownBy(() -> schema("{a: ['string', 'number']}")).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'multi'").hasMessageContaining("(field 'a')");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "{a: {type: 'string', trim: true}} => 'trim'",
        "{a: 'string|trim'} => 'trim'",
        "{a: {type: 'string', trimLeft: 1}} => 'trimLeft'",
        "{a: {type: 'string', padStart: 5}} => 'padStart'",
        "{a: {type: 'string', lowercase: true}} => 'lowercase'",
        "{a: {type: 'string', localeUppercase: true}} => 'localeUppercase'",
        "{a: {type: 'string', convert: true}} => 'convert'",
        "{a: {type: 'number', convert: true}} => 'convert'",
        "{a: {type: 'boolean', convert: true}} => 'convert'",
        "{a: {type: 'array', convert: true}} => 'convert'",
        "{a: {type: 'number', default: 5}} => 'default'",
        "{a: {type: 'any', default: false}} => 'default'",
        "{a: {type: 'object', strict: 'remove', props: {}}} => 'strict: \"remove\"'",
        "{$$strict: 'remove', a: 'any'} => 'strict: \"remove\"'",
    })
    void optionsThatRewriteTheValueAreRefused(String schema, String option) {
        assertThatThrownBy(() -> schema(schema)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("The " + option + " option is not supported");
    }

    @Test
    void inactiveRewritingOptionsAreHarmless() {
        ContractSchema schema = schema("{a: {type: 'string', trim: false, convert: false, default: null, padStart: 0}}");
        assertThat(schema.validate(json("{a: ' x '}")).valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "{a: {type: 'string', min: '3'}} => 'min' option of the 'string' rule must be a finite number",
        "{a: {type: 'number', max: [1]}} => 'max' option of the 'number' rule must be a finite number",
        "{a: 'string|max:Infinity'} => 'max' option of the 'string' rule must be a finite number",
        "{a: {type: 'array', length: 'x'}} => 'length' option of the 'array' rule must be a finite number",
        "{a: {type: 'object', minProps: true}} => 'minProps' option of the 'object' rule must be a finite number",
        "{a: {type: 'string', enum: 'red'}} => 'enum' option of the 'string' rule must be an array",
        "{a: {type: 'array', enum: {}}} => 'enum' option of the 'array' rule must be an array",
        "{a: {type: 'enum'}} => needs a 'values' array",
        "{a: {type: 'enum', values: 'x'}} => 'values' option of the 'enum' rule must be an array",
        "{a: {type: 'equal'}} => needs a 'value'",
        "{a: {type: 'equal', value: [1]}} => must be a string, number, boolean or null",
        "{a: {type: 'equal', value: {}}} => must be a string, number, boolean or null",
        "{a: {type: 'equal', field: 'b', value: 1}} => ('field') is not supported",
        "{a: {type: 'object', props: 'x'}} => must be an object",
        "{a: {type: 'string', messages: 'x'}} => 'messages' option must be an object",
        "{a: {type: 'string', messages: {stringMin: 5}} } => message for 'stringMin' must be a string",
        "{a: {type: 'string', pattern: 5}} => must be strings",
        "{a: {type: 'string', pattern: 'a', patternFlags: 5}} => must be strings",
        "{a: {type: 'string', pattern: '('}} => Invalid regular expression: /(/",
        "{a: {type: 'string', pattern: '(?<=(ab)+)c'}} => Invalid regular expression",
        "{a: {type: 'string', pattern: 'a', patternFlags: 'u'}} => 'u' and 'v' flags are not supported",
        "{a: {type: 'string', pattern: 'a', patternFlags: 'ii'}} => Invalid flags",
        "{a: {type: 'number', custom: ['x']}} => 'custom'",
    })
    void badOptionsAreRefusedWithTheField(String schema, String problem) {
        assertThatThrownBy(() -> schema(schema)).isInstanceOfSatisfying(SchemaException.class, e -> {
            assertThat(e.getMessage()).contains(problem);
            assertThat(e.field()).isEqualTo("a");
        });
    }

    @Test
    void nestingIsBounded() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        ObjectNode level = schema.putObject("a");
        for (int i = 0; i < 200; i++) {
            level.put("$$type", "object");
            level = level.putObject("a");
        }
        level.put("type", "string");
        assertThatThrownBy(() -> ContractSchema.compile(schema)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("deeper than " + SchemaCompiler.MAX_DEPTH);

        ObjectNode shallow = JsonNodeFactory.instance.objectNode();
        ObjectNode at = shallow.putObject("a");
        for (int i = 0; i < 20; i++) {
            at.put("$$type", "object");
            at = at.putObject("a");
        }
        at.put("type", "string");
        assertThat(ContractSchema.compile(shallow).validate(json("{}")).valid()).isFalse();
    }

    @Test
    void theCompiledSchemaDoesNotChangeWithItsSource() {
        ObjectNode source = (ObjectNode) json("{a: {type: 'string', min: 2}}");
        ContractSchema schema = ContractSchema.compile(source);
        ((ObjectNode) source.get("a")).put("min", 100);
        source.put("b", "number");

        assertThat(schema.validate(json("{a: 'xy'}")).valid()).isTrue();
        assertThat(schema.source()).isEqualTo(json("{a: {type: 'string', min: 2}}"));
        ((ObjectNode) schema.source()).put("c", 1);
        assertThat(schema.source().has("c")).isFalse();
    }

    @Test
    void metaKeysAreNotProperties() {
        ContractSchema schema = schema("{$$strict: true, $$async: true, $$custom: 'x', a: 'number'}");
        assertThat(schema.validate(json("{a: 1}")).valid()).isTrue();
        assertThat(schema.toJsonSchema().path("properties").size()).isEqualTo(1);
    }

    @Test
    void unknownOptionsAreIgnoredAsFastestValidatorIgnoresThem() {
        ContractSchema schema = schema("{a: {type: 'string', description: 'a name', integer: true, whatever: [1]}}");
        assertThat(schema.validate(json("{a: 'x'}")).valid()).isTrue();
    }
}
