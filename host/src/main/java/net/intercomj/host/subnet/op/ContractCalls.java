package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code feature}, {@code tx} and {@code msg} ops call in the contract installed on this peer (the
 * original's {@code contract.execute(op, batch)}, spec §1.2). The ops check everything the
 * subnet itself defines (shape, signatures, replays, switches) and call in here only for an op
 * that passed; the contract runtime implements it.
 *
 * <p>Implementations are stateless between calls: everything comes from the op and the
 * {@link OpContext} of that call, so no execution can see another's op or storage (fix of spec
 * §9 item 1). They must be deterministic. If one throws, the op is rejected and none of its
 * writes are kept (the applier's rule, spec §9 item 4).
 *
 * <p>{@link #NONE} stands for "no contract installed". Every peer of a subnet must run the same
 * contract (the subnet pins it); a peer without it must stop applying rather than apply with
 * {@code NONE}, or its view would differ from its peers'.
 */
public interface ContractCalls {

    /** No contract on this peer: features change nothing more, transactions are rejected. */
    ContractCalls NONE = new ContractCalls() {
        @Override
        public Optional<String> feature(JsonNode op, OpContext context) {
            return Optional.empty();
        }

        @Override
        public Optional<String> message(JsonNode op, OpContext context) {
            return Optional.empty();
        }

        @Override
        public TxOutcome tx(JsonNode op, OpContext context) {
            return TxOutcome.notIndexed(NO_CONTRACT);
        }

        @Override
        public String toString() {
            return "ContractCalls.NONE";
        }
    };

    /** The reason {@link #NONE} rejects a {@code tx} with. */
    String NO_CONTRACT = "no contract is installed on this peer";

    /**
     * Runs the contract's feature handler for an admin-signed {@code feature} op (its
     * {@code value.dispatch.type} names the handler, {@code <featureKey>_feature}). {@code context}
     * is a {@link OpContext#child() child} of the op's context: its writes are kept when the
     * handler succeeds. A contract without a handler for this type does nothing.
     *
     * @param op the whole op, already checked, never to be modified
     * @return why the handler failed, or empty when it succeeded; the op is then rejected (the
     *     original let the handler's exception stop the subnet, spec §9 item 4)
     */
    Optional<String> feature(JsonNode op, OpContext context);

    /**
     * Runs the contract's chat hook for a {@code msg} op that passed the subnet's checks, before
     * the message is stored. {@code context} is a {@link OpContext#child() child} of the op's
     * context: its writes are kept when the hook succeeds.
     *
     * @param op the whole op, already checked, never to be modified
     * @return why the hook refused the message, or empty; the message is then not posted
     */
    Optional<String> message(JsonNode op, OpContext context);

    /**
     * Runs a {@code tx} op's contract function ({@code value.dispatch.type}) and says whether the
     * tx is indexed. {@code context} is a {@link OpContext#child() child} of the op's context: its
     * writes are kept when the outcome is {@link TxOutcome.Indexed} without an error, and dropped
     * otherwise (the original kept a failed function's writes, spec §9 item 5).
     *
     * @param op the whole op, already checked, never to be modified
     */
    TxOutcome tx(JsonNode op, OpContext context);

    /** What a contract made of a {@code tx} (spec §1.2 "Result semantics", §2.5.20). */
    sealed interface TxOutcome {

        /**
         * Index the tx, with {@code error} = {@code null} (JSON null) when the function succeeded,
         * else its error as a JSON string or integer (the original's {@code err}).
         */
        record Indexed(JsonNode error) implements TxOutcome {
            public Indexed {
                error = error == null ? JsonNodeFactory.instance.nullNode() : error;
                if (!error.isNull() && !error.isTextual() && !(error.isIntegralNumber() && error.canConvertToLong())) {
                    throw new IllegalArgumentException("A tx error is null, a string or an integer, not " + error);
                }
            }

            public boolean failed() {
                return !error.isNull();
            }
        }

        /**
         * Do not index the tx (the original's {@code UnknownContractOperationType}: unknown
         * function, function not registered, invalid schema); the op is rejected with
         * {@code reason}.
         */
        record NotIndexed(String reason) implements TxOutcome {
            public NotIndexed {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** The function succeeded: indexed with {@code err: null}, its writes kept. */
        static TxOutcome ok() {
            return new Indexed(null);
        }

        /** The function failed with {@code message}: indexed with {@code err: message}, its writes dropped. */
        static TxOutcome failed(String message) {
            return new Indexed(JsonNodeFactory.instance.textNode(Objects.requireNonNull(message, "message")));
        }

        /** The function failed with a numeric error: indexed with {@code err: code}, its writes dropped. */
        static TxOutcome failed(long code) {
            return new Indexed(JsonNodeFactory.instance.numberNode(code));
        }

        static TxOutcome notIndexed(String reason) {
            return new NotIndexed(reason);
        }
    }
}
