package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code bitcoin_address}, trac-peer's custom rule: a string that is an address of one of the
 * chains trac-peer accepts, or a Trac public key ({@link WalletAddresses#isValid}). Error type
 * {@code bitcoin}, as in trac-peer.
 */
record BitcoinAddressRule() implements Rule {

    static final String ERROR = "bitcoin";

    static BitcoinAddressRule compile(RuleSpec spec) {
        return new BitcoinAddressRule();
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        if (!value.isTextual() || !WalletAddresses.isValid(value.textValue())) {
            findings.add(site, ERROR, value);
        }
    }

    @Override
    public ObjectNode jsonSchema() {
        return JsonNodeFactory.instance.objectNode().put("type", "string");
    }
}
