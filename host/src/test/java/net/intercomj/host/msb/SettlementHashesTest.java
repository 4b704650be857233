package net.intercomj.host.msb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** The test vectors of spec upstream-contract-subnet-msb §3.10. */
class SettlementHashesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon about";

    private static byte[] fill(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void contentHashOfACommand() {
        assertThat(HEX.formatHex(SettlementHashes.contentHash("{\"type\":\"ping\",\"value\":{\"msg\":\"hello\"}}")))
                .isEqualTo("3f0246cf99ffd5b7fc457a00d2e6bcbc6169e9e2aaa9f34fe03ceeb459c8cb79");
    }

    @Test
    void transactionHashAndItsSignature() {
        byte[] ch = HEX.parseHex("3f0246cf99ffd5b7fc457a00d2e6bcbc6169e9e2aaa9f34fe03ceeb459c8cb79");
        byte[] tx = SettlementHashes.tx(918, fill(1), fill(2), ch, fill(9), fill(7), fill(4));
        assertThat(HEX.formatHex(tx)).isEqualTo("d9df4ba0e65f14b3fa8b792226efc033e64b5a0bab36224e68241e7bc865c7a9");
        PeerWallet wallet = PeerWallet.fromMnemonic(MNEMONIC);
        assertThat(wallet.address()).isEqualTo("trac1zl8237sv345e8czm6h62mr8lnaqnksxcdpdute3newax7784mlzspgq04v");
        assertThat(HEX.formatHex(wallet.sign(tx))).isEqualTo("a18473856c1bcd44cd760ebb3ecbb6d593e1adcc6cc23e8eba073df5"
                + "a89ee5ba4b039c702968db2562c949a5d331323ce8464b37d4210029ca7aa171cf6b280b");
        assertThat(HEX.formatHex(SettlementHashes.validatorMessage(918, tx, fill(5), 12)))
                .isEqualTo("64c31bc709edb86974a3c281a30e26cd5c96ecc14eba2e3d8e96e45e21c6a787");
    }

    @Test
    void deploymentHashAndItsSignature() {
        byte[] channel = SettlementHashes.channel32("trac-peer-subnet");
        assertThat(HEX.formatHex(channel)).isEqualTo("747261632d706565722d7375626e6574747261632d706565722d7375626e6574");
        byte[] tx = SettlementHashes.deployment(918, fill(1), fill(9), channel, fill(4));
        assertThat(HEX.formatHex(tx)).isEqualTo("de703185d124c42cd5b02cb66ac015501ebd66c3a801aea4305a9c99fcb742e5");
        assertThat(HEX.formatHex(PeerWallet.fromMnemonic(MNEMONIC).sign(tx))).isEqualTo("552452def26bcf26f158151405"
                + "5b4dc05869280bd1a518ae2610bdb7f7c774c83904a7106ac37de8dd7f9c02e7de78aefd4681126979debc65162a0394ae9103");
    }

    @Test
    void validityTokenOfOneIndexer() {
        assertThat(HEX.formatHex(SettlementHashes.txv(List.of(fill(0x0b)))))
                .isEqualTo("f1b2feb1dd191fc409272d8544446ce39052dee6d762e7e104b6d2ff9440486b");
    }
}
