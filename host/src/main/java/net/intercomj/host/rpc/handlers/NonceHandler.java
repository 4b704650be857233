package net.intercomj.host.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.security.SecureRandom;
import java.util.HexFormat;
import net.intercomj.host.rpc.RpcRequest;
import net.intercomj.host.rpc.RpcRoute;

/** {@code GET /v1/contract/nonce} → {@code {"nonce":"<64 hex>"}}: 32 random bytes, as the original's {@code generateNonce}. */
public final class NonceHandler implements RpcRoute {

    static final int BYTES = 32;

    private final SecureRandom random;

    public NonceHandler(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/contract/nonce";
    }

    @Override
    public JsonNode handle(RpcRequest request) {
        byte[] nonce = new byte[BYTES];
        random.nextBytes(nonce);
        return JsonNodeFactory.instance.objectNode().put("nonce", HexFormat.of().formatHex(nonce));
    }
}
