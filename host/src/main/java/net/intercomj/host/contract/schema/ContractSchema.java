package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A contract operation's schema, in the dialect of fastest-validator 1.19.0 as trac-peer uses
 * it, compiled once and then checked against each transaction's dispatch object
 * ({@code {type, value}}, or a feature's {@code {type, key, hash, value, nonce, address}}).
 *
 * <p>The schema's keys are the properties of the validated object, normally {@code value} (and
 * {@code key} for features); each maps to a rule: an object such as
 * {@code {type: "string", min: 1, max: 256}}, a shorthand string such as
 * {@code "number|integer|min:0"}, or a nested object {@code {$$type: "object", a: ..., b: ...}}.
 * Every listed property is required unless {@code optional: true}; null fails unless
 * {@code nullable: true} or {@code optional: true}; nothing is coerced ({@code "5"} is not a
 * number); {@code $$strict: true} forbids properties that are not listed. Rules:
 * {@code string}, {@code number}, {@code boolean}, {@code any}, {@code array}, {@code object},
 * {@code enum}, {@code equal}, and trac-peer's {@code is_hex}, {@code bitcoin_address} and
 * {@code bigint}.
 *
 * <p>Behaves like fastest-validator (same verdicts, error types, messages and field paths),
 * which a differential test against it holds to, except where this port chooses otherwise:
 * <ul>
 *   <li>two upstream defects are fixed: {@code $$strict} inside a nested {@code $$type} object
 *       is honoured (fastest-validator ignores it), and {@code bigint} works (trac-peer's fails
 *       every value);</li>
 *   <li>{@code bitcoin_address} takes a Solana address as base58 of exactly 32 bytes
 *       ({@link WalletAddresses});</li>
 *   <li>options that make fastest-validator rewrite the value ({@code default},
 *       {@code convert}, {@code trim}, {@code strict: "remove"}…) are refused when compiling: a
 *       value is checked, never changed; so are rules not ported (alternatives given as an
 *       array, {@code email}, {@code url}…) and {@code equal} with {@code field} or with an
 *       array or object as its value;</li>
 *   <li>a {@code $} in a value shown in a message is copied as is (JavaScript's
 *       {@code String.replace} reads {@code $&} and the like as patterns); the expected value of
 *       {@code stringPattern} is the pattern as written; a property the value lacks is absent
 *       even when JavaScript would find one on {@code Object.prototype} ({@code toString});
 *       {@code label} is shown for the rule's own errors only;</li>
 *   <li>{@code pattern} runs on Java's regular expressions after translation, with the gaps
 *       listed at {@link JsRegex}.</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ContractSchema {

    private final JsonNode source;
    private final Constraint root;
    private final JsonNode jsonSchema;

    private ContractSchema(JsonNode source, Constraint root) {
        this.source = source;
        this.root = root;
        this.jsonSchema = root.jsonSchema();
    }

    /**
     * Compiles {@code schema}.
     *
     * @throws SchemaException naming the field and the problem: an unknown rule type
     *                         ({@code Invalid 'xyz' type in validator schema.}), an option of the
     *                         wrong type, an invalid pattern, an unsupported feature
     */
    public static ContractSchema compile(JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        JsonNode copy = schema.deepCopy();
        return new ContractSchema(copy, SchemaCompiler.root(copy));
    }

    /**
     * Checks {@code value}; a {@link com.fasterxml.jackson.databind.node.MissingNode} stands for
     * an absent value. Never throws for any JSON value: every problem is an error of the result.
     */
    public ValidationResult validate(JsonNode value) {
        Objects.requireNonNull(value, "value");
        Findings findings = new Findings();
        root.validate(value, "", findings);
        return findings.result();
    }

    /**
     * The schema as JSON Schema, for wallets to build their forms: an object schema with
     * {@code properties}, {@code additionalProperties} ({@code false} when strict) and
     * {@code required}; each rule as its JSON Schema counterpart, null added to the type when
     * {@code nullable: true}. A fresh copy on each call.
     */
    public JsonNode toJsonSchema() {
        return jsonSchema.deepCopy();
    }

    /** The schema as given to {@link #compile}; a fresh copy on each call. */
    public JsonNode source() {
        return source.deepCopy();
    }
}
