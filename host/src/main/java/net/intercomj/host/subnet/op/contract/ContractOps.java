package net.intercomj.host.subnet.op.contract;

import java.util.List;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.SettlementProofs;

/** The op types that reach the contract: {@code feature} and {@code tx} (spec §2.5.19, §2.5.20). */
public final class ContractOps {

    private ContractOps() {}

    /** One handler per contract op type, calling {@code contract}; {@code tx} ops proven by {@code proofs}. */
    public static List<OpHandler> all(ContractCalls contract, SettlementProofs proofs) {
        return List.of(new FeatureOp(contract), new TxOp(contract, proofs));
    }
}
