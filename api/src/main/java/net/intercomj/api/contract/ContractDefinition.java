package net.intercomj.api.contract;

import net.intercomj.api.json.JsonObject;

/**
 * Where a contract registers what it does (trac-peer's {@code addFunction}, {@code addSchema},
 * {@code addFeature}, {@code messageHandler}). A type is a function, a schema-checked function or
 * a feature handler, never two of them; registering a type as another kind throws
 * {@link IllegalStateException} with the original's message, e.g.
 * {@code addSchema(type, schema): The type has been registered already.}
 */
public interface ContractDefinition {

    /**
     * Registers {@code type} as a function that runs on any input: the contract checks
     * {@link ContractCall#value()} itself. Registering the same function type again replaces it,
     * as in the original.
     */
    void addFunction(String type, ContractFunction function);

    /**
     * Registers {@code type} as a function whose op is first checked against {@code schema}, in
     * the fastest-validator dialect trac-peer uses: the schema describes the whole dispatch
     * {@code {type, value}}, so its properties are normally {@code value} (and {@code key} for a
     * feature entry). An op that does not match is not indexed ({@code Invalid schema.}).
     *
     * <p>Unlike fastest-validator, {@code $$strict: true} is honoured at every level, and the
     * {@code bigint} rule works (an integer, or a string of digits). The rules are listed in the
     * app authors' guide.
     *
     * @throws IllegalArgumentException if the schema uses an unknown rule or a bad option, naming it
     */
    void addSchema(String type, JsonObject schema, ContractFunction function);

    /**
     * Registers the handler of a feature's data: {@code type} is {@code <featureKey>_feature},
     * the dispatch type a feature appends under. The host runs it only for data signed by the
     * subnet's admin.
     */
    void addFeature(String type, ContractFunction handler);

    /**
     * Sets the chat hook: it runs for every chat message that passed the subnet's own checks,
     * before the message is stored; if it fails, the message is not posted. One hook per
     * contract; setting it again replaces it.
     */
    void messageHandler(ContractFunction handler);
}
