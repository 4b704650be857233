package net.intercomj.host.subnet;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.SettlementProofs;
import net.intercomj.host.subnet.op.admin.MsbNetworkOp;
import net.intercomj.host.subnet.op.admin.AdminOps;
import net.intercomj.host.subnet.op.chat.ChatOps;
import net.intercomj.host.subnet.op.contract.ContractOps;

/**
 * The op types every subnet runs: admin and membership, chat and moderation, then the contract's
 * entry points ({@code feature}, {@code tx}).
 */
public final class StandardOps {

    private StandardOps() {}

    /** The standard ops with no contract installed ({@link ContractCalls#NONE}) and no MSB. */
    public static OpApplier applier(Bytes32 subnet) {
        return applier(subnet, ContractCalls.NONE, SettlementProofs.NONE);
    }

    /**
     * The standard ops, with {@code feature}, {@code tx} and {@code msg} calling {@code contract},
     * and {@code tx} ops proven by {@code proofs}.
     */
    public static OpApplier applier(Bytes32 subnet, ContractCalls contract, SettlementProofs proofs) {
        List<OpHandler> handlers = new ArrayList<>(AdminOps.all());
        handlers.add(new MsbNetworkOp());
        handlers.addAll(ChatOps.all(contract));
        handlers.addAll(ContractOps.all(contract, proofs));
        return new OpApplier(subnet, handlers);
    }
}
