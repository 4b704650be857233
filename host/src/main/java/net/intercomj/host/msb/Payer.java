package net.intercomj.host.msb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.wallet.PeerWallet;

/** Builds and signs the partial ops a wallet pays for, against an MSB replica's current validity token. */
public final class Payer {

    private static final HexFormat HEX = HexFormat.of();

    private final PeerWallet wallet;
    private final SecureRandom random = new SecureRandom();

    public Payer(PeerWallet wallet) {
        this.wallet = wallet;
    }

    /** The paying wallet. */
    public PeerWallet wallet() {
        return wallet;
    }

    /** A transaction paying for {@code dispatch} on {@code subnet}, whose {@code tx} op the writer {@code iw} appends. */
    public TxSettlement transaction(MsbNode msb, JsonNode dispatch, Bytes32 subnet, Bytes32 iw) {
        byte[] txv = msb.unconfirmed().txv();
        byte[] ch = SettlementHashes.contentHash(CanonicalJson.write(dispatch));
        byte[] nonce = nonce();
        byte[] tx = SettlementHashes.tx(msb.network().networkId(), txv, iw.toByteArray(), ch, subnet.toByteArray(),
                msb.network().bootstrap().toByteArray(), nonce);
        return new TxSettlement(wallet.address(), HEX.formatHex(tx), HEX.formatHex(txv), iw.toHex(), HEX.formatHex(ch),
                subnet.toHex(), msb.network().bootstrap().toHex(), HEX.formatHex(nonce),
                HEX.formatHex(wallet.sign(tx)), Optional.empty());
    }

    /** The registration of {@code subnet} with its channel. */
    public Deployment deployment(MsbNode msb, Bytes32 subnet, String channel) {
        byte[] txv = msb.unconfirmed().txv();
        byte[] ic = SettlementHashes.channel32(channel);
        byte[] nonce = nonce();
        byte[] tx = SettlementHashes.deployment(msb.network().networkId(), txv, subnet.toByteArray(), ic, nonce);
        return new Deployment(wallet.address(), HEX.formatHex(tx), HEX.formatHex(txv), subnet.toHex(), HEX.formatHex(ic),
                HEX.formatHex(nonce), HEX.formatHex(wallet.sign(tx)), Optional.empty());
    }

    /** A payment of {@code units} base units to {@code to}. */
    public Transfer transfer(MsbNode msb, String to, BigInteger units) {
        byte[] txv = msb.unconfirmed().txv();
        byte[] am = Amounts.toBytes16(units);
        byte[] nonce = nonce();
        byte[] tx = SettlementHashes.transfer(msb.network().networkId(), txv, to, am, nonce);
        return new Transfer(wallet.address(), HEX.formatHex(tx), HEX.formatHex(txv), to, HEX.formatHex(am),
                HEX.formatHex(nonce), HEX.formatHex(wallet.sign(tx)), Optional.empty());
    }

    private byte[] nonce() {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        return nonce;
    }
}
