package net.intercomj.host.js;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.SafeValues;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.JsonNodes;
import net.intercomj.host.contract.ReservedKeys;
import net.intercomj.host.contract.schema.ContractSchema;
import net.intercomj.host.contract.schema.ValidationError;
import net.intercomj.host.contract.schema.ValidationResult;
import org.graalvm.polyglot.HostAccess;

/**
 * The host's side of the {@code 'trac-peer'} module in one context: the storage of the call that
 * runs, the reserved keys, the schemas and the amount helpers. The only Java object a context
 * sees, and only its {@link HostAccess.Export} methods; the module takes it from a global that
 * the host removes before the app's own code runs.
 *
 * <p>Values cross as JSON text ({@code JSON.stringify} on the JavaScript side, {@link Json} here),
 * so a stored value is exactly what trac-peer's JSON value encoding would have stored. Expected
 * failures come back as values ({@code null}, a message), never as Java exceptions, so the
 * module can throw proper JavaScript errors.
 */
public final class JsBridge {

    // check.compile() schemas, by their JSON text; a few, as a contract compiles them in its constructor.
    private static final int MAX_ANONYMOUS_SCHEMAS = 64;

    private final Map<String, JsonObject> schemaSources = new LinkedHashMap<>();
    private final Map<String, ContractSchema> schemas = new LinkedHashMap<>();
    private final Map<String, ContractSchema> anonymous = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ContractSchema> eldest) {
            return size() > MAX_ANONYMOUS_SCHEMAS;
        }
    };
    private ContractCall call;

    JsBridge() {}

    /** Binds storage to {@code call} until {@link #end()}. */
    void begin(ContractCall call) {
        this.call = call;
    }

    void end() {
        this.call = null;
    }

    /** The schemas the contract registered (type → schema), in order. */
    Map<String, JsonObject> schemaSources() {
        return Collections.unmodifiableMap(schemaSources);
    }

    private ContractCall call() {
        if (call == null) {
            throw new IllegalStateException("The contract's storage is used outside a contract call");
        }
        return call;
    }

    /** The JSON text stored at {@code key}, or null. */
    @HostAccess.Export
    public String get(String key) {
        return call().get(key).map(Json::toJson).orElse(null);
    }

    /** Stores the JSON text {@code json} at {@code key}. */
    @HostAccess.Export
    public void put(String key, String json) {
        call().put(key, Json.parse(json));
    }

    @HostAccess.Export
    public void del(String key) {
        call().del(key);
    }

    @HostAccess.Export
    public boolean reserved(String key) {
        return ReservedKeys.isReserved(key);
    }

    /** Compiles and keeps the schema of {@code type}; null, or why the schema is refused. */
    @HostAccess.Export
    public String compileSchema(String type, String json) {
        try {
            JsonObject source = Json.parse(json).asObject();
            ContractSchema schema = ContractSchema.compile(JsonNodes.toNode(source));
            schemaSources.put(type, source);
            schemas.put(type, schema);
            return null;
        } catch (RuntimeException e) {
            return "addSchema(" + type + "): " + e.getMessage();
        }
    }

    /** Whether {@code opJson} passes the schema of {@code type}. */
    @HostAccess.Export
    public boolean validateSchema(String type, String opJson) {
        ContractSchema schema = schemas.get(type);
        return schema != null && schema.validate(JsonNodes.toNode(Json.parse(opJson))).valid();
    }

    /** Null, or why the schema {@code json} is refused. */
    @HostAccess.Export
    public String checkSchema(String json) {
        try {
            anonymous(json);
            return null;
        } catch (RuntimeException e) {
            return "compile(schema): " + e.getMessage();
        }
    }

    /** Null when {@code payloadJson} passes the schema {@code json}, else its errors as a JSON array. */
    @HostAccess.Export
    public String validate(String json, String payloadJson) {
        ValidationResult result = anonymous(json).validate(JsonNodes.toNode(Json.parse(payloadJson)));
        if (result.valid()) {
            return null;
        }
        StringBuilder errors = new StringBuilder("[");
        for (ValidationError error : result.errors()) {
            if (errors.length() > 1) {
                errors.append(',');
            }
            JsonObject.Builder entry = Json.object().put("type", error.type()).put("message", error.message())
                    .put("field", error.field());
            if (!error.actual().isMissingNode()) {
                entry.put("actual", JsonNodes.fromNode(error.actual()));
            }
            if (!error.expected().isMissingNode()) {
                entry.put("expected", JsonNodes.fromNode(error.expected()));
            }
            errors.append(entry.build().toJson());
        }
        return errors.append(']').toString();
    }

    private ContractSchema anonymous(String json) {
        ContractSchema schema = anonymous.get(json);
        if (schema == null) {
            schema = ContractSchema.compile(JsonNodes.toNode(Json.parse(json)));
            anonymous.put(json, schema);
        }
        return schema;
    }

    /** {@link SafeValues#fromBigIntString(String, int)}. */
    @HostAccess.Export
    public String fromBigIntString(String text, int decimals) {
        return SafeValues.fromBigIntString(text, decimals);
    }

    /** {@link SafeValues#toBigIntString(String, int)}, or null when the amount is too large. */
    @HostAccess.Export
    public String toBigIntString(String text, int decimals) {
        try {
            return SafeValues.toBigIntString(text, decimals);
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
