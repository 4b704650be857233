package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractOperation;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * {@code GET /v1/contract/schema}: the transaction types of the contract the subnet pins in its
 * confirmed view, for wallets to build their forms.
 *
 * <pre>
 * {"schemaVersion":1, "schemaFormat":"json-schema",
 *  "contract":{"app":"notes", "hash":"…", "txTypes":["save_note"], "ops":{"save_note":{"value":{…}}}},
 *  "api":{"methods":{"generateNonce":{"params":[], "returns":{…}, "route":"GET /v1/contract/nonce"}}}}
 * </pre>
 *
 * <ul>
 *   <li>{@code txTypes}: the types registered with {@code addFunction} and {@code addSchema},
 *       sorted; feature types are left out, since a transaction cannot run them (the original
 *       listed them, spec §9 item 22e);</li>
 *   <li>{@code ops}: per type, the JSON Schema of the dispatch's {@code key} and {@code value}
 *       when the schema names them, else the whole schema as {@code value}; {@code {"value":{}}}
 *       for a function without schema (as the original's);</li>
 *   <li>{@code contract} is null, with a {@code reason}, when the subnet pins nothing or pins a
 *       version not loaded here;</li>
 *   <li>{@code api.methods} lists only what a client can call here, each with its route (the
 *       original advertised protocol methods no route could call, §9 item 22d): for now
 *       {@code generateNonce}.</li>
 * </ul>
 */
public final class ContractSchemaHandler implements RpcRoute {

    static final String NOTHING_PINNED = "The subnet pins no contract app.";

    private final Supplier<ViewReader> confirmed;
    private final ContractApps apps;

    public ContractSchemaHandler(Supplier<ViewReader> confirmed, ContractApps apps) {
        this.confirmed = confirmed;
        this.apps = apps;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/contract/schema";
    }

    @Override
    public JsonNode handle(RpcRequest request) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("schemaVersion", 1);
        out.put("schemaFormat", "json-schema");
        Optional<ContractPin> pin = ContractPin.in(confirmed.get());
        Optional<ContractRuntime> runtime = pin.flatMap(p -> apps.find(p.app(), p.hash()));
        if (runtime.isPresent()) {
            out.set("contract", contract(pin.get(), runtime.get()));
        } else {
            out.putNull("contract");
            out.put("reason", pin.map(p -> "The subnet pins " + p.app() + " " + p.hash()
                    + ", which is not loaded on this peer.").orElse(NOTHING_PINNED));
        }
        out.set("api", api());
        return out;
    }

    private static ObjectNode contract(ContractPin pin, ContractRuntime runtime) {
        ObjectNode contract = JsonNodeFactory.instance.objectNode();
        contract.put("app", pin.app());
        contract.put("hash", pin.hash());
        // String order is UTF-16 code unit order, as JavaScript's sort().
        Map<String, ContractOperation> transactions = new TreeMap<>();
        runtime.contract().operations().forEach((type, operation) -> {
            if (!(operation instanceof ContractOperation.Feature)) {
                transactions.put(type, operation);
            }
        });
        var txTypes = contract.putArray("txTypes");
        ObjectNode ops = contract.putObject("ops");
        transactions.forEach((type, operation) -> {
            txTypes.add(type);
            ops.set(type, operation instanceof ContractOperation.Checked checked
                    ? opSchema(checked.schema().toJsonSchema())
                    : JsonNodeFactory.instance.objectNode().set("value", JsonNodeFactory.instance.objectNode()));
        });
        return contract;
    }

    /** The original's split: the schema of {@code key} and of {@code value}, else all of it as {@code value}. */
    private static ObjectNode opSchema(JsonNode jsonSchema) {
        ObjectNode op = JsonNodeFactory.instance.objectNode();
        JsonNode properties = jsonSchema.path("properties");
        for (String part : new String[] {"key", "value"}) {
            if (properties.has(part)) {
                op.set(part, properties.get(part));
            }
        }
        if (op.isEmpty()) {
            op.set("value", jsonSchema);
        }
        return op;
    }

    private static ObjectNode api() {
        ObjectNode api = JsonNodeFactory.instance.objectNode();
        ObjectNode nonce = api.putObject("methods").putObject("generateNonce");
        nonce.putArray("params");
        nonce.putObject("returns").put("type", "string").put("pattern", "^[0-9a-f]{64}$");
        nonce.put("route", "GET /v1/contract/nonce");
        return api;
    }
}
