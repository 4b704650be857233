package net.intercomj.host.msb;

import static net.intercomj.host.msb.MsbFixture.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.msb.state.GenesisOp;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code msbGenesis}: the only way TNK comes into being, once, by the MSB's creator, to a spendable account. */
class GenesisOpTest {

    private final MsbFixture fresh = new MsbFixture(3, BigInteger.ZERO, false);

    private void assertRefused(MsbFixture msb, PeerWallet appender, JsonNode op, String reason) {
        Map<String, Optional<String>> before = msb.state();
        assertThat(reason(msb.append(appender, op))).isEqualTo(reason);
        assertThat(msb.state()).isEqualTo(before);
    }

    @Test
    void givesTheSupplyOnce() {
        PeerWallet holder = fresh.wallet();
        MsbFixture.expectApplied(fresh.append(fresh.validator, GenesisOp.of(holder.address(), Amounts.MAX)));
        assertThat(fresh.balance(holder)).isEqualTo(Amounts.MAX);
        assertThat(fresh.ledger().supply()).isEqualTo(Amounts.MAX);
        assertThat(fresh.burned()).isZero();
        assertRefused(fresh, fresh.validator, GenesisOp.of(fresh.wallet().address(), Amounts.ONE),
                "the genesis balance was given already");
    }

    @Test
    void onlyByTheMsbCreator() {
        MsbFixture msb = new MsbFixture();
        PeerWallet second = msb.addValidator();
        assertRefused(msb, second, GenesisOp.of(second.address(), Amounts.ONE),
                "only the node that created the MSB gives the genesis balance");
    }

    @Test
    void toALowercaseAccountAddressOnly() {
        String upper = fresh.wallet().address().toUpperCase(Locale.ROOT);
        // bech32m itself accepts an all-uppercase address, but no settlement op could spend from it
        assertRefused(fresh, fresh.validator, GenesisOp.of(upper, Amounts.ONE), "key must be an account address in lowercase");
        assertThat(reason(fresh.append(fresh.validator, GenesisOp.of("trac1qqqq", Amounts.ONE))))
                .startsWith("key must be an account address: ");
        String other = PeerWallet.fromSecretKey("testtrac", fresh.wallet().secretKey()).address();
        assertThat(reason(fresh.append(fresh.validator, GenesisOp.of(other, Amounts.ONE))))
                .startsWith("key must be an account address: ");
    }

    @Test
    void aWholeNumberOfBaseUnitsInRange() {
        String holder = fresh.wallet().address();
        String range = "value must be 0 to 2^128-1 base units, and the op holds only type, key and value";
        assertRefused(fresh, fresh.validator, GenesisOp.of(holder, Amounts.MAX.add(BigInteger.ONE)), range);
        assertRefused(fresh, fresh.validator, GenesisOp.of(holder, BigInteger.ONE.negate()), range);
        ObjectNode decimal = (ObjectNode) GenesisOp.of(holder, BigInteger.ONE);
        decimal.put("value", "1.5");
        assertRefused(fresh, fresh.validator, decimal, "value must be a whole number of base units");
        ObjectNode extra = (ObjectNode) GenesisOp.of(holder, BigInteger.ONE);
        extra.put("burned", "0");
        assertRefused(fresh, fresh.validator, extra, range);
        assertThat(fresh.append(fresh.validator, GenesisOp.of(holder, BigInteger.TEN))).isInstanceOf(OpResult.Applied.class);
    }
}
