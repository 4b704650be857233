package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.Transactions;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.rpc.RpcException;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.ApplyPaused;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;

/**
 * {@code POST /v1/contract/tx}: a transaction a wallet signed elsewhere (spec §3.4), body
 * {@code {tx, prepared_command: {type, value}, address: <wallet public key hex>, signature, nonce,
 * sim?}}. Served only with {@code --api-tx-exposed}. The hash is recomputed from the command and
 * the context of {@code GET /v1/contract/tx/context}; the MSB's checks run on this peer's replica.
 * {@code sim: true} runs the contract on a private copy → {@code {"result": {"error": null|…}}};
 * otherwise the transaction is saved as pending and submitted → {@code {"result": <MSB payload>,
 * "status": "accepted"|"pending"}}.
 *
 * <p>Fixes of spec §9 items 16 and 22: {@code prepared_command} must hold exactly {@code type} and
 * {@code value}, hashed in that order once, so a wallet's hash and the broadcast's cannot differ;
 * {@code sim} must be a boolean (the original broadcast, and paid, for {@code "true"}); client
 * errors are 4xx with their reason.
 */
public final class TxSubmitHandler implements RpcRoute {

    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern HEX64 = Pattern.compile("^[0-9a-f]{128}$");
    private static final HexFormat HEX = HexFormat.of();

    private final SubnetNode subnet;
    private final MsbSource msb;
    private final Transactions transactions;
    private final boolean exposed;

    public TxSubmitHandler(SubnetNode subnet, MsbSource msb, Transactions transactions, boolean exposed) {
        this.subnet = subnet;
        this.msb = msb;
        this.transactions = transactions;
        this.exposed = exposed;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/v1/contract/tx";
    }

    @Override
    public JsonNode handle(RpcRequest request) {
        if (!exposed) {
            throw new RpcException(403, "Transactions not exposed in API.");
        }
        JsonNode body = request.body().orElseThrow(() -> RpcException.badRequest("Missing JSON body."));
        if (!body.isObject()) {
            throw RpcException.badRequest("The body must be a JSON object.");
        }
        JsonNode command = body.get("prepared_command");
        if (command == null || !command.isObject()) {
            throw RpcException.badRequest("prepared_command must be an object.");
        }
        if (command.size() != 2 || !command.path("type").isTextual() || command.get("type").textValue().isEmpty()
                || !command.has("value")) {
            throw RpcException.badRequest("prepared_command must hold exactly type (a non-empty string) and value.");
        }
        String tx = hex(body, "tx", HEX32, "Invalid TX.");
        String publicKey = hex(body, "address", HEX32,
                "Invalid address: the wallet's public key as 64 lowercase hex characters.");
        String signature = hex(body, "signature", HEX64, "Invalid signature.");
        String nonce = hex(body, "nonce", HEX32, "Invalid nonce.");
        JsonNode sim = body.path("sim");
        if (!sim.isMissingNode() && !sim.isBoolean()) {
            throw RpcException.badRequest("sim must be a boolean.");
        }
        JsonNode dispatch = JsonNodeFactory.instance.objectNode().put("type", command.get("type").textValue())
                .set("value", command.get("value"));
        try {
            transactions.check(dispatch, publicKey);
        } catch (SettlementRejected e) {
            throw new RpcException(e.getMessage().startsWith("The command is too large") ? 413 : 409, e.getMessage());
        }
        MsbNode node;
        try {
            node = msb.node();
        } catch (SettlementRejected e) {
            throw new RpcException(409, e.getMessage());
        }
        TxSettlement op = settlement(node, dispatch, publicKey, tx, nonce, signature);
        try {
            node.preflight(op);
        } catch (SettlementRejected e) {
            throw RpcException.badRequest("Invalid MSB tx: " + e.getMessage());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (sim.asBoolean(false)) {
            out.putObject("result").set("error", simulate(dispatch, publicKey));
            return out;
        }
        String status;
        try {
            transactions.pay(node, op, dispatch).get(30, TimeUnit.SECONDS);
            status = "accepted";
        } catch (StoreException e) {
            throw new IllegalStateException("Cannot save the pending transaction", e);
        } catch (ExecutionException e) {
            throw new RpcException(422, "MSB refused the transaction: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            status = "pending";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "pending";
        }
        out.set("result", SettlementOpCodec.write(op));
        out.put("status", status);
        return out;
    }

    /** The transaction the wallet signed, rebuilt from this peer's context; its hash must be {@code tx}. */
    private TxSettlement settlement(MsbNode node, JsonNode dispatch, String publicKey, String tx, String nonce,
            String signature) {
        byte[] txv = node.unconfirmed().txv();
        byte[] ch = SettlementHashes.contentHash(CanonicalJson.write(dispatch));
        byte[] expected = SettlementHashes.tx(node.network().networkId(), txv, subnet.writerKey().toByteArray(), ch,
                subnet.subnet().toByteArray(), node.network().bootstrap().toByteArray(), HEX.parseHex(nonce));
        if (!HEX.formatHex(expected).equals(tx)) {
            throw RpcException.badRequest("Invalid TX: it is not the hash of this prepared_command and nonce with the"
                    + " context of GET /v1/contract/tx/context.");
        }
        return new TxSettlement(node.network().address(HEX.parseHex(publicKey)), tx, HEX.formatHex(txv),
                subnet.writerKey().toHex(), HEX.formatHex(ch), subnet.subnet().toHex(),
                node.network().bootstrap().toHex(), nonce, signature, Optional.empty());
    }

    /** The contract's error on a private copy: JSON null when it passes; 422 when the tx would not be indexed. */
    private JsonNode simulate(JsonNode dispatch, String publicKey) {
        TxOutcome outcome;
        try {
            outcome = transactions.simulate(dispatch, publicKey);
        } catch (ApplyPaused e) {
            throw new RpcException(409, e.getMessage());
        }
        return switch (outcome) {
            case TxOutcome.NotIndexed notIndexed -> throw new RpcException(422, notIndexed.reason());
            case TxOutcome.Indexed indexed -> indexed.error();
        };
    }

    private static String hex(JsonNode body, String field, Pattern pattern, String message) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || !pattern.matcher(node.textValue()).matches()) {
            throw RpcException.badRequest(message);
        }
        return node.textValue();
    }
}
