package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code boolean}: {@code true} or {@code false}; nothing else converts to one. */
record BooleanRule() implements Rule {

    static BooleanRule compile(RuleSpec spec) {
        return new BooleanRule();
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        if (!value.isBoolean()) {
            findings.add(site, "boolean", value);
        }
    }

    @Override
    public ObjectNode jsonSchema() {
        return JsonNodeFactory.instance.objectNode().put("type", "boolean");
    }
}
