package net.intercomj.host.contract.schema;

import static net.intercomj.host.contract.schema.SchemaJson.json;
import static net.intercomj.host.contract.schema.SchemaJson.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two upstream defects this port fixes. Each test here fails on fastest-validator 1.19.0 as
 * trac-peer configures it: a nested {@code $$strict} is ignored there, and {@code bigint} fails
 * every value.
 */
class ContractSchemaDefectsTest {

    @Nested
    class NestedStrict {

        private final ContractSchema schema = schema("""
                {value: {$$type: 'object', $$strict: true,
                         dispatch: {$$type: 'object', $$strict: true, type: 'string', value: {type: 'any', nullable: true}}}}
                """);

        @Test
        void anExtraPropertyOfANestedStrictObjectIsRejected() {
            ValidationResult result = schema.validate(json("{value: {dispatch: {type: 't', value: 1, extra: 2}}}"));

            assertThat(result.valid()).isFalse();
            assertThat(result.errors()).singleElement().satisfies(error -> {
                assertThat(error.type()).isEqualTo("objectStrict");
                assertThat(error.field()).isEqualTo("value.dispatch");
                assertThat(error.message()).isEqualTo("The object 'value.dispatch' contains forbidden keys: 'extra'.");
                assertThat(error.actual().asText()).isEqualTo("extra");
                assertThat(error.expected().asText()).isEqualTo("type, value");
            });
        }

        @Test
        void everyStrictLevelReportsItsOwnExtras() {
            ValidationResult result = schema.validate(json("{value: {dispatch: {type: 't', value: 1, x: 1}, y: 2, z: 3}}"));

            assertThat(result.errors()).extracting(ValidationError::field, ValidationError::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("value.dispatch",
                            "The object 'value.dispatch' contains forbidden keys: 'x'."),
                    org.assertj.core.groups.Tuple.tuple("value", "The object 'value' contains forbidden keys: 'y, z'."));
        }

        @Test
        void exactPropertiesStillPass() {
            assertThat(schema.validate(json("{value: {dispatch: {type: 't', value: null}}}")).valid()).isTrue();
        }

        @Test
        void aNestedObjectWithoutStrictStillTakesExtras() {
            ContractSchema lax = schema("{value: {$$type: 'object', a: 'number'}}");
            assertThat(lax.validate(json("{value: {a: 1, b: 2}}")).valid()).isTrue();
            ContractSchema notStrict = schema("{value: {$$type: 'object', $$strict: false, a: 'number'}}");
            assertThat(notStrict.validate(json("{value: {a: 1, b: 2}}")).valid()).isTrue();
        }

        @Test
        void strictInsideArrayItemsAndOptionalObjects() {
            ContractSchema items = schema("{list: {type: 'array', items: {$$type: 'object|optional', $$strict: true, id: 'number'}}}");
            ValidationResult result = items.validate(json("{list: [{id: 1}, {id: 2, x: 1}]}"));
            assertThat(result.errors()).extracting(ValidationError::field).containsExactly("list[1]");
            assertThat(items.validate(json("{list: [null, {id: 3}]}")).valid()).isTrue();
        }

        @Test
        void theLongFormIsStrictAtEveryLevelToo() {
            ContractSchema longForm = schema("""
                    {value: {type: 'object', strict: true,
                             props: {inner: {type: 'object', strict: true, props: {a: 'number'}}}}}
                    """);
            ValidationResult result = longForm.validate(json("{value: {inner: {a: 1, b: 2}, c: 3}}"));
            assertThat(result.errors()).extracting(ValidationError::field).containsExactly("value.inner", "value");
        }

        @Test
        void dollarStrictAmongLongFormPropsIsHonouredToo() {
            ContractSchema longForm = schema("{value: {type: 'object', props: {$$strict: true, a: 'number'}}}");
            assertThat(longForm.validate(json("{value: {a: 1, b: 2}}")).errors())
                    .extracting(ValidationError::type).containsExactly("objectStrict");
        }

        @Test
        void strictRemoveIsRefusedAtEveryLevel() {
            assertThatThrownBy(() -> schema("{value: {$$type: 'object', $$strict: 'remove', a: 'number'}}"))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("strict: \"remove\"");
        }
    }

    @Nested
    class BigInt {

        private final ContractSchema plain = schema("{amount: {type: 'bigint'}}");

        @ParameterizedTest
        @ValueSource(strings = {"'123'", "123", "0", "'-5'", "-5", "'007'", "'-0'", "1e21", "1.0",
            "'123456789012345678901234567890'", "123456789012345678901234567890"})
        void integersAndDigitStringsPass(String amount) {
            assertThat(plain.validate(json("{amount: " + amount + "}")).valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"'1.5'", "1.5", "'abc'", "''", "' 1'", "'1 '", "'+1'", "'1e3'", "'0x10'", "'--1'",
            "'-'", "true", "[]", "[1]", "{}"})
        void everythingElseFails(String amount) {
            ValidationResult result = plain.validate(json("{amount: " + amount + "}"));
            assertThat(result.errors()).singleElement().satisfies(error -> {
                assertThat(error.type()).isEqualTo("bigint");
                assertThat(error.field()).isEqualTo("amount");
                assertThat(error.message()).startsWith("The 'amount' field must be an integer or a string of decimal"
                        + " digits! Actual: ");
            });
        }

        @Test
        void absentAndNullAreRequiredErrorsLikeEveryRule() {
            assertThat(plain.validate(json("{}")).errors()).extracting(ValidationError::type).containsExactly("required");
            assertThat(plain.validate(json("{amount: null}")).errors()).extracting(ValidationError::type)
                    .containsExactly("required");
            assertThat(schema("{amount: {type: 'bigint', optional: true}}").validate(json("{}")).valid()).isTrue();
        }

        @Test
        void boundsGivenAsNumbersOrStringsAreHonoured() {
            ContractSchema bounded = schema("{amount: {type: 'bigint', min: '-100', max: 1000}}");
            assertThat(bounded.validate(json("{amount: -100}")).valid()).isTrue();
            assertThat(bounded.validate(json("{amount: '1000'}")).valid()).isTrue();
            assertThat(bounded.validate(json("{amount: '0001000'}")).valid()).isTrue();

            ValidationResult below = bounded.validate(json("{amount: '-101'}"));
            assertThat(below.errors()).singleElement().satisfies(error -> {
                assertThat(error.type()).isEqualTo("bigintMin");
                assertThat(error.message()).isEqualTo("The 'amount' field must be greater than or equal to -100.");
                assertThat(error.expected().asText()).isEqualTo("-100");
            });
            ValidationResult above = bounded.validate(json("{amount: 1001}"));
            assertThat(above.errors()).singleElement().satisfies(error -> {
                assertThat(error.type()).isEqualTo("bigintMax");
                assertThat(error.message()).isEqualTo("The 'amount' field must be less than or equal to 1000.");
            });
        }

        @Test
        void boundsCompareExactlyBeyondDoublePrecision() {
            // 2^53 + 1: a double cannot tell it from 2^53, an exact comparison can.
            ContractSchema bounded = schema("{amount: {type: 'bigint', max: '9007199254740992'}}");
            assertThat(bounded.validate(json("{amount: 9007199254740992}")).valid()).isTrue();
            assertThat(bounded.validate(json("{amount: 9007199254740993}")).valid()).isFalse();
            assertThat(bounded.validate(json("{amount: '9007199254740993'}")).valid()).isFalse();

            ContractSchema huge = schema("{amount: {type: 'bigint', min: '123456789012345678901234567890'}}");
            assertThat(huge.validate(json("{amount: '123456789012345678901234567890'}")).valid()).isTrue();
            assertThat(huge.validate(json("{amount: '123456789012345678901234567889'}")).valid()).isFalse();
            assertThat(huge.validate(json("{amount: '-123456789012345678901234567891'}")).valid()).isFalse();
            assertThat(huge.validate(json("{amount: 123456789012345678901234567891}")).valid()).isTrue();
        }

        @Test
        void aVeryLongDigitStringIsComparedWithoutParsingIt() {
            ContractSchema bounded = schema("{amount: {type: 'bigint', min: 0, max: '1000'}}");
            String huge = "9".repeat(2_000_000);
            assertThat(bounded.validate(json("{amount: '" + huge + "'}")).errors())
                    .extracting(ValidationError::type).containsExactly("bigintMax");
            assertThat(bounded.validate(json("{amount: '-" + huge + "'}")).errors())
                    .extracting(ValidationError::type).containsExactly("bigintMin");
            assertThat(bounded.validate(json("{amount: '" + "0".repeat(2_000_000) + "7'}")).valid()).isTrue();
        }

        @Test
        void badBoundsAreRefusedWhenCompiling() {
            assertThatThrownBy(() -> schema("{amount: {type: 'bigint', min: 1.5}}")).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'min' option of the 'bigint' rule");
            assertThatThrownBy(() -> schema("{amount: {type: 'bigint', max: '1e3'}}")).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("(field 'amount')");
            assertThatThrownBy(() -> schema("{amount: {type: 'bigint', max: true}}")).isInstanceOf(SchemaException.class);
        }
    }
}
