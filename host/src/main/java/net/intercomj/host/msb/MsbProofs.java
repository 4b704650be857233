package net.intercomj.host.msb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.MsbLedger;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.SettlementPending;
import net.intercomj.host.subnet.op.SettlementProofs;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.TracAddress;

/**
 * The settlement proof of a subnet's {@code tx} op, read from this peer's MSB replica (spec
 * §2.5.20 items 5 to 10). Records are written once and never change, so "confirmed at MSB
 * length {@code msbsl}" is "confirmed at position {@code seq < msbsl}": a replica past
 * {@code msbsl}, or one that already holds the record, decides; one behind waits. The record
 * must also name this subnet, its MSB, the command's content hash, the requester {@code ipk},
 * the validator {@code wp}, and the writer that appends the op ({@code iw}).
 */
public final class MsbProofs implements SettlementProofs {

    private static final HexFormat HEX = HexFormat.of();

    private final Supplier<Optional<MsbNode>> msb;

    /** @param msb this peer's MSB node, once it runs */
    public MsbProofs(Supplier<Optional<MsbNode>> msb) {
        this.msb = msb;
    }

    @Override
    public void verify(Claim claim, OpContext context) throws OpRejection {
        JsonNode recorded = context.get(ViewKeys.MSB).orElseThrow(
                () -> new OpRejection("the subnet records no MSB network, so no transaction settles on it"));
        String bootstrap = recorded.path("bootstrap").asText("");
        MsbNode node = msb.get().filter(running -> running.network().bootstrap().toHex().equals(bootstrap))
                .orElseThrow(() -> new SettlementPending("transaction " + claim.tx()
                        + " settles on the MSB " + bootstrap + ", which this peer does not replicate yet"));
        MsbLedger confirmed = node.confirmed();
        Optional<MsbLedger.SettledRecord> record = confirmed.record(claim.tx());
        if (record.isEmpty() || record.get().seq() >= claim.msbsl()) {
            long length = confirmed.length();
            if (length < claim.msbsl()) {
                throw new SettlementPending("transaction " + claim.tx() + " needs MSB signed length " + claim.msbsl()
                        + "; this peer's MSB replica has " + length);
            }
            throw new OpRejection("the MSB has no confirmed record of transaction " + claim.tx()
                    + " at signed length " + claim.msbsl());
        }
        SettlementOp op;
        try {
            op = SettlementOpCodec.parse(record.get().op());
        } catch (IllegalArgumentException e) {
            throw new OpRejection("the MSB record of " + claim.tx() + " is not readable: " + e.getMessage());
        }
        if (!(op instanceof TxSettlement tx)) {
            throw new OpRejection("the MSB record of " + claim.tx() + " is a " + op.kind() + ", not a transaction");
        }
        if (!tx.bs().equals(context.subnet().toHex())) {
            throw new OpRejection("transaction " + claim.tx() + " was paid for subnet " + tx.bs() + ", not this one");
        }
        if (!tx.iw().equals(context.writer().toHex())) {
            // The requester chose the writer that appends its tx: no other writer can spend the payment.
            throw new OpRejection("transaction " + claim.tx() + " was paid to be appended by writer " + tx.iw()
                    + ", not " + context.writer().toHex());
        }
        if (!tx.mbs().equals(bootstrap)) {
            throw new OpRejection("transaction " + claim.tx() + " names the MSB " + tx.mbs() + ", not the subnet's");
        }
        String content = HEX.formatHex(SettlementHashes.contentHash(CanonicalJson.write(claim.dispatch())));
        if (!tx.ch().equals(content)) {
            throw new OpRejection("the command of transaction " + claim.tx() + " is not the one paid for (content hash "
                    + content + ", MSB record " + tx.ch() + ")");
        }
        String hrp = node.network().hrp();
        if (!HEX.formatHex(TracAddress.decode(hrp, tx.address())).equals(claim.ipk())) {
            throw new OpRejection("ipk " + claim.ipk() + " is not the requester of transaction " + claim.tx());
        }
        if (!HEX.formatHex(TracAddress.decode(hrp, tx.seal().orElseThrow().address())).equals(claim.wp())) {
            throw new OpRejection("wp " + claim.wp() + " is not the validator of transaction " + claim.tx());
        }
    }
}
