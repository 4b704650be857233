package net.intercomj.intersplit;

import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;

/**
 * Bridge {@code expense_persist} {@code {channel, sim}}: replies {@code {type:"expense_persisted",
 * channel, sim, tx, result}} (spec §2.7.1) once a validator accepted the payment, {@code tx}
 * being the transaction's hash ({@code null} for a simulation). {@code result} is
 * {@code {events}}, the number of events written (the original passed on trac-peer's internal
 * tx object or the contract's return value, neither of which exists here).
 */
final class ExpensePersistHandler implements BridgeMessageHandler {

    static final String NOT_WRITABLE = "Peer is not writable.";

    private final RoomPersistence persistence;

    ExpensePersistHandler(RoomPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public BridgeReply handle(BridgeCall call) {
        try {
            JsonObject message = BridgeInput.message(call);
            String channel = BridgeInput.channel(message);
            boolean sim = BridgeInput.flag(message, "sim", false);
            if (!persistence.writable()) {
                return BridgeReply.failure(NOT_WRITABLE);
            }
            RoomPersistence.Persisted persisted = persistence.persist(channel, sim);
            return BridgeReply.success("expense_persisted", Json.object()
                    .put("channel", persisted.channel())
                    .put("sim", persisted.simulated())
                    .put("tx", persisted.tx().<Json>map(Json::of).orElse(Json.NULL))
                    .put("result", Json.object().put("events", persisted.events()).build())
                    .build().toJson());
        } catch (IllegalArgumentException e) {
            return BridgeReply.failure(e.getMessage());
        }
    }
}
