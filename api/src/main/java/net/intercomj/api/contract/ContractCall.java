package net.intercomj.api.contract;

import java.util.Optional;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * One execution of a contract for one op: the op, who sent it, and the subnet's state as the ops
 * before it left it. A new object for every call, valid only while the call runs (trac-peer kept
 * this in fields of the shared contract, where a simulation could swap it under a running apply).
 *
 * <p>Writes are buffered: they reach the view only if the call succeeds, and are all dropped if
 * it fails. Reads see the call's own earlier writes.
 */
public interface ContractCall {

    /** Which op this call runs for. */
    OpKind kind();

    /**
     * The op's dispatch (trac-peer's {@code this.op}): {@code {type, value}} for a transaction,
     * {@code {type, key, hash, value, nonce, address}} for feature data, the message object
     * ({@code type: "msg", msg, address, attachments, …}) for a chat message.
     */
    JsonObject op();

    /** {@code op().value}, or {@link Json#NULL} when absent (always for a chat message). */
    Json value();

    /**
     * Who the op is from, as a 64-hex public key: the requester of a transaction, the peer that
     * appended feature data, the author of a chat message.
     */
    String address();

    /** The MSB validator that settled a transaction ({@code "0"×64} in a simulation); empty for other ops. */
    Optional<String> validatorAddress();

    /** A transaction's hash as hex; empty for other ops. */
    Optional<String> tx();

    /** The value stored at {@code key}, or empty. Any key can be read, system keys included. */
    Optional<Json> get(String key);

    /**
     * Stores {@code value} at {@code key}. Apps should keep to their own namespace,
     * {@code app/<appName>/…}.
     *
     * @throws ContractFailure if {@code key} belongs to the subnet itself (admin, chat,
     *     membership and transaction keys), with the original's message
     *     {@code put(key,value): <key>is reserved}
     */
    void put(String key, Json value);

    /**
     * Deletes {@code key}.
     *
     * @throws ContractFailure if {@code key} is reserved, as for {@link #put}
     */
    void del(String key);

    /**
     * Fails the op with {@code message} unless {@code condition} holds (trac-peer's
     * {@code this.assert}).
     *
     * @throws ContractFailure when {@code condition} is false
     */
    default void check(boolean condition, String message) {
        if (!condition) {
            throw new ContractFailure(message);
        }
    }
}
