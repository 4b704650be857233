package net.intercomj.host.msb.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.view.ViewReader;

/** Reads one view of the MSB (confirmed, unconfirmed, or an op's context) as accounts and records. */
public final class MsbLedger {

    private final ViewReader view;

    public MsbLedger(ViewReader view) {
        this.view = view;
    }

    /** A deployed subnet. */
    public record DeploymentEntry(String tx, String deployer) {}

    /** A settled op: {@code seq} is its position, so it is part of every MSB length above {@code seq}. */
    public record SettledRecord(long seq, JsonNode op) {}

    /** The balance of an account; empty when the account does not exist. */
    public Optional<BigInteger> balance(String address) {
        return read(MsbKeys.balance(address)).filter(JsonNode::isTextual).map(node -> new BigInteger(node.textValue()));
    }

    public Optional<DeploymentEntry> deployment(String bootstrapHex) {
        return read(MsbKeys.deployment(bootstrapHex))
                .map(node -> new DeploymentEntry(node.path("tx").asText(), node.path("deployer").asText()));
    }

    public Optional<SettledRecord> record(String txHashHex) {
        return read(MsbKeys.record(txHashHex)).map(node -> new SettledRecord(node.path("seq").asLong(), node.path("op")));
    }

    /** How many ops were settled in this view. */
    public long length() {
        return read(MsbKeys.LENGTH).map(JsonNode::asLong).orElse(0L);
    }

    public BigInteger supply() {
        return amount(MsbKeys.SUPPLY);
    }

    public BigInteger burned() {
        return amount(MsbKeys.BURNED);
    }

    /** The validators (the MSB's indexers), in the order the state lists them. */
    public List<String> validators() {
        return Membership.indexers(view);
    }

    /** The current validity token, spec §4.3. */
    public byte[] txv() {
        return SettlementHashes.txv(validators().stream().map(HexFormat.of()::parseHex).toList());
    }

    private BigInteger amount(String key) {
        return read(key).filter(JsonNode::isTextual).map(node -> new BigInteger(node.textValue())).orElse(BigInteger.ZERO);
    }

    private Optional<JsonNode> read(String key) {
        Optional<String> text = view.get(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CanonicalJson.parse(text.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The MSB view holds invalid JSON at " + key, e);
        }
    }
}
