package net.intercomj.host.rpc.handlers;

import java.security.SecureRandom;
import java.util.List;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.msb.PeerSettlement;
import net.intercomj.host.msb.Transactions;
import net.intercomj.host.rpc.RpcRoute;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.wallet.PeerWallet;

/** The RPC's routes over a running peer (spec §7.2). */
public final class BuiltInRoutes {

    private BuiltInRoutes() {}

    /**
     * @param subnet        the peer's subnet
     * @param wallet        the peer's wallet (public key and address only)
     * @param subnetChannel the subnet's channel name
     * @param apps          the contract apps loaded here
     * @param settlement    the peer's settlement plane
     * @param transactions  pays and simulates transactions
     * @param txExposed     {@code --api-tx-exposed}: whether {@code POST /v1/contract/tx} accepts transactions
     */
    public static List<RpcRoute> all(SubnetNode subnet, PeerWallet wallet, String subnetChannel, ContractApps apps,
            PeerSettlement settlement, Transactions transactions, boolean txExposed) {
        String pubKeyHex = wallet.publicKeyHex();
        String address = wallet.address();
        return List.of(
                new HealthHandler(),
                new StatusHandler(() -> PeerStatus.of(subnet, pubKeyHex, address, subnetChannel), settlement::node),
                new StateHandler(subnet::confirmed, subnet::unconfirmed),
                new ContractSchemaHandler(subnet::confirmed, apps),
                new NonceHandler(new SecureRandom()),
                new TxContextHandler(subnet, settlement::requireNode),
                new TxSubmitHandler(subnet, settlement::requireNode, transactions, txExposed));
    }
}
