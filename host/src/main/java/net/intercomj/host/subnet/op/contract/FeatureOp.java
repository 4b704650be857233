package net.intercomj.host.subnet.op.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;

/**
 * {@code feature}: admin-signed data for the contract, appended by a feature (an oracle) (spec
 * §1.6, §2.5.19):
 * {@code {type: "feature", key: "<featureKey>_<key>", value: {dispatch: {type: "<featureKey>_feature",
 * key, hash, value, nonce, address}}}}, at most {@value #MAX_BYTES} bytes.
 *
 * <p>Checks: exactly these fields; {@code key} a string of 1 to 256 characters equal to
 * {@code <featureKey>_<dispatch.key>}; {@code dispatch.type} a string of 1 to 256 characters
 * ending in {@code _feature}; {@code dispatch.value} present (null allowed);
 * {@code dispatch.nonce} a string of 1 to 256 characters; {@code dispatch.hash} the signature
 * (128 hex); {@code dispatch.address} a public key (informational, as in the original: the
 * contract sees it as the caller's address). The subnet must have an admin, and
 * {@code dispatch.hash} must be the admin's {@link OpSignature} over {@link #signedValue} for op
 * type {@code feature} with {@code dispatch.nonce}. The original signed only
 * {@code JSON.stringify(dispatch.value) + nonce}, so an admin's value could be re-wrapped under
 * another feature key, type or address (spec §9 item 3); here the subnet, the op type, the
 * nonce, {@code key}, and the dispatch's {@code type}, {@code key}, {@code value} and
 * {@code address} are all signed. Signature and nonce are single-use ({@code sh/<hash>},
 * {@code nc/<admin>/<nonce>}).
 *
 * <p>Then the contract's feature handler runs ({@link ContractCalls#feature}) on the op's own
 * overlay, and the replay markers are written. Like the original, it logs nothing.
 */
public final class FeatureOp implements OpHandler {

    public static final String TYPE = "feature";

    /** Largest {@code feature} op, in bytes of its JSON text (the original's {@code featMaxBytes()}). */
    public static final int MAX_BYTES = 4096;

    /** How {@code value.dispatch.type} ends: {@code <featureKey>_feature}. */
    public static final String DISPATCH_SUFFIX = "_feature";

    private static final List<String> FIELDS = List.of("type", "key", "value");
    private static final List<String> DISPATCH = List.of("type", "key", "hash", "value", "nonce", "address");
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContractCalls contract;

    public FeatureOp(ContractCalls contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public OpResult apply(JsonNode op, OpContext context) {
        return OpRejection.run(() -> {
            Checks.object(op, "", FIELDS);
            Checks.type(op, TYPE);
            String key = Checks.text(op.get("key"), "key");
            JsonNode value = Checks.object(op.get("value"), "value", List.of("dispatch"));
            JsonNode dispatch = Checks.object(value.get("dispatch"), "value.dispatch", DISPATCH);
            String dispatchType = Checks.text(dispatch.get("type"), "value.dispatch.type");
            if (!dispatchType.endsWith(DISPATCH_SUFFIX) || dispatchType.length() == DISPATCH_SUFFIX.length()) {
                throw new OpRejection("value.dispatch.type must be <featureKey>" + DISPATCH_SUFFIX);
            }
            if (!dispatch.get("key").isTextual()) {
                throw new OpRejection("value.dispatch.key must be a string");
            }
            String expected = featureKey(dispatchType) + "_" + dispatch.get("key").textValue();
            if (!key.equals(expected)) {
                throw new OpRejection("key must be <featureKey>_<value.dispatch.key>: " + expected);
            }
            Checks.signature(dispatch.get("hash"), "value.dispatch.hash");
            Checks.text(dispatch.get("nonce"), "value.dispatch.nonce");
            Checks.hex32(dispatch.get("address"), "value.dispatch.address", "a public key");
            Optional<String> admin = context.admin();
            if (admin.isEmpty()) {
                throw new OpRejection("the subnet has no admin");
            }
            ObjectNode signed = signedForm(op);
            if (!context.signedBy(signed, admin.get())) {
                throw new OpRejection("not signed by the admin");
            }
            if (context.replayed(signed, admin.get())) {
                throw new OpRejection("signature or nonce already used");
            }
            OpContext run = context.child();
            Optional<String> failure = contract.feature(op, run);
            if (failure.isPresent()) {
                throw new OpRejection("the contract's feature handler failed: " + failure.get());
            }
            context.keep(run);
            context.markUsed(signed, admin.get());
            return OpResult.applied(null);
        });
    }

    /** The feature's key in {@code <featureKey>_feature}. */
    private static String featureKey(String dispatchType) {
        return dispatchType.substring(0, dispatchType.length() - DISPATCH_SUFFIX.length());
    }

    /**
     * What the admin signs (as the {@code value} of {@link OpSignature#signedBytes}, op type
     * {@code feature}, nonce {@code dispatch.nonce}): {@code {key, dispatch}} with the dispatch
     * minus its {@code hash} and {@code nonce}.
     */
    public static ObjectNode signedValue(JsonNode op) {
        ObjectNode dispatch = op.path("value").path("dispatch").deepCopy();
        dispatch.remove("hash");
        dispatch.remove("nonce");
        ObjectNode signed = JsonNodeFactory.instance.objectNode();
        signed.set("key", op.get("key"));
        signed.set("dispatch", dispatch);
        return signed;
    }

    /** The op in the form {@link OpContext#signedBy} and the replay records read: {@code {type, value, hash, nonce}}. */
    private static ObjectNode signedForm(JsonNode op) {
        JsonNode dispatch = op.get("value").get("dispatch");
        ObjectNode form = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        form.set("value", signedValue(op));
        form.set("hash", dispatch.get("hash"));
        form.set("nonce", dispatch.get("nonce"));
        return form;
    }

    /** A {@code feature} op signed by {@code signer} (the admin's wallet), with a fresh random nonce. */
    public static ObjectNode sign(Bytes32 subnet, String featureKey, String key, JsonNode value, String addressHex,
            OpSignature.Signer signer) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return sign(subnet, featureKey, key, value, addressHex, HEX.formatHex(nonce), signer);
    }

    /**
     * A {@code feature} op for {@code featureKey} (as given to {@code addFeature}, e.g. {@code timer})
     * and {@code key}, carrying {@code value} (null for JSON null), signed by {@code signer} with
     * {@code nonce}: what the original's {@code Feature.append(key, value)} appends.
     */
    public static ObjectNode sign(Bytes32 subnet, String featureKey, String key, JsonNode value, String addressHex,
            String nonce, OpSignature.Signer signer) {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", TYPE).put("key", featureKey + "_" + key);
        ObjectNode dispatch = op.putObject("value").putObject("dispatch")
                .put("type", featureKey + DISPATCH_SUFFIX).put("key", key);
        dispatch.set("value", value == null ? JsonNodeFactory.instance.nullNode() : value);
        dispatch.put("nonce", nonce).put("address", addressHex);
        byte[] signed = OpSignature.signedBytes(subnet, TYPE, nonce, signedValue(op));
        dispatch.put("hash", HEX.formatHex(signer.sign(signed)));
        return op;
    }
}
