package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.rpc.RpcException;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;
import net.intercomj.host.subnet.SubnetNode;

/**
 * {@code GET /v1/contract/tx/context} → {@code {"msb":{networkId, txv, iw, bs, mbs,
 * operationType: 12}}}: what a wallet needs to hash a transaction this peer will append (spec §3.4).
 */
public final class TxContextHandler implements RpcRoute {

    private final SubnetNode subnet;
    private final MsbSource msb;

    public TxContextHandler(SubnetNode subnet, MsbSource msb) {
        this.subnet = subnet;
        this.msb = msb;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/contract/tx/context";
    }

    @Override
    public JsonNode handle(RpcRequest request) {
        MsbNode node;
        try {
            node = msb.node();
        } catch (SettlementRejected e) {
            throw new RpcException(409, e.getMessage());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject("msb").put("networkId", node.network().networkId())
                .put("txv", HexFormat.of().formatHex(node.unconfirmed().txv())).put("iw", subnet.writerKey().toHex())
                .put("bs", subnet.subnet().toHex()).put("mbs", node.network().bootstrap().toHex())
                .put("operationType", TxSettlement.TYPE);
        return out;
    }
}
