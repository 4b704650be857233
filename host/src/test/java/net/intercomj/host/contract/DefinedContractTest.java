package net.intercomj.host.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.ContractFunction;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Registration rules: one kind per type, the original's messages, nothing after define(). */
class DefinedContractTest {

    private static final ContractFunction NOTHING = call -> { };
    private static final JsonObject SCHEMA =
            Json.object().put("value", Json.object().put("$$type", "object").put("a", "string").build()).build();

    @Test
    void aTypeRegisteredAsOneKindCannotBeRegisteredAsAnother() {
        assertThatThrownBy(() -> DefinedContract.of(contract -> {
            contract.addFeature("t", NOTHING);
            contract.addFunction("t", NOTHING);
        })).isInstanceOf(IllegalStateException.class)
                .hasMessage("addFunction(type): The type has been registered already.");
        assertThatThrownBy(() -> DefinedContract.of(contract -> {
            contract.addFunction("t", NOTHING);
            contract.addSchema("t", SCHEMA, NOTHING);
        })).hasMessage("addSchema(type, schema): The type has been registered already.");
        assertThatThrownBy(() -> DefinedContract.of(contract -> {
            contract.addSchema("t", SCHEMA, NOTHING);
            contract.addFeature("t", NOTHING);
        })).hasMessage("addFeature(type, func): The type has been registered already.");
    }

    @Test
    void registeringATypeAgainAsTheSameKindReplacesIt() {
        ContractFunction second = call -> { };
        DefinedContract defined = DefinedContract.of(contract -> {
            contract.addFunction("t", NOTHING);
            contract.addFunction("t", second);
        });
        assertThat(defined.operations()).containsOnlyKeys("t");
        assertThat(defined.operations().get("t").function()).isSameAs(second);
    }

    @Test
    void aBadSchemaIsRefusedWhenRegistered() {
        JsonObject bad = Json.object().put("value", Json.object().put("type", "no-such-rule").build()).build();
        assertThatThrownBy(() -> DefinedContract.of(contract -> contract.addSchema("t", bad, NOTHING)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-rule");
    }

    @Test
    void theDefinitionCannotBeUsedOnceDefineReturned() {
        AtomicReference<ContractDefinition> kept = new AtomicReference<>();
        DefinedContract defined = DefinedContract.of(kept::set);
        assertThat(defined.operations()).isEmpty();
        assertThatThrownBy(() -> kept.get().addFunction("late", NOTHING)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only while define() runs");
        assertThatThrownBy(() -> kept.get().messageHandler(NOTHING)).isInstanceOf(IllegalStateException.class);
    }
}
