package net.intercomj.host.rpc.handlers;

import java.security.SecureRandom;
import java.util.List;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.rpc.RpcRoute;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.wallet.PeerWallet;

/**
 * The RPC's routes over a running peer. The original's transaction routes
 * ({@code GET /v1/contract/tx/context}, {@code POST /v1/contract/tx}) need the settlement plane
 * (MSB), which is not built yet, so they are not served: they answer 404 like any unknown path.
 */
public final class BuiltInRoutes {

    private BuiltInRoutes() {}

    /**
     * @param subnet        the peer's subnet
     * @param wallet        the peer's wallet (public key and address only)
     * @param subnetChannel the subnet's channel name
     * @param apps          the contract apps loaded here
     */
    public static List<RpcRoute> all(SubnetNode subnet, PeerWallet wallet, String subnetChannel, ContractApps apps) {
        String pubKeyHex = wallet.publicKeyHex();
        String address = wallet.address();
        return List.of(
                new HealthHandler(),
                new StatusHandler(() -> PeerStatus.of(subnet, pubKeyHex, address, subnetChannel)),
                new StateHandler(subnet::confirmed, subnet::unconfirmed),
                new ContractSchemaHandler(subnet::confirmed, apps),
                new NonceHandler(new SecureRandom()));
    }
}
