package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code any}: every present value passes (null only with {@code nullable: true}, as for every rule). */
record AnyRule() implements Rule {

    static AnyRule compile(RuleSpec spec) {
        return new AnyRule();
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        // Presence and null are the constraint's checks; nothing is left.
    }

    @Override
    public ObjectNode jsonSchema() {
        return JsonNodeFactory.instance.objectNode();
    }
}
