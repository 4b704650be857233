package net.intercomj.host.js;

import java.util.Objects;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.OpKind;
import net.intercomj.api.json.JsonObject;
import org.graalvm.polyglot.Source;

/**
 * One contract instance of a GraalJS app: what one {@code define} built. It runs one call at a
 * time (the contract's fields hold the call, as in trac-peer, so calls must not overlap), in a
 * realm of its own. When a call hits the statement limit the realm's context is cancelled; the
 * next call builds the app again in a new context, which must register the same operations.
 *
 * <p>So a contract keeps nothing between calls but its storage: fields it sets itself are lost
 * when the realm is rebuilt, and were never the same on a peer that replays the log anyway.
 */
final class JsContract implements AutoCloseable {

    private final String appId;
    private final Source protocolSource;
    private final Source contractSource;
    private final JsonObject registrations;
    private JsRealm realm;
    private boolean closed;

    JsContract(String appId, Source protocolSource, Source contractSource) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.protocolSource = Objects.requireNonNull(protocolSource, "protocolSource");
        this.contractSource = Objects.requireNonNull(contractSource, "contractSource");
        this.realm = JsRealm.open(appId, protocolSource, contractSource);
        this.registrations = realm.registrations();
    }

    /** The realm built first, for its registrations and schemas. */
    synchronized JsRealm firstRealm() {
        return realm;
    }

    /** Runs one call; see {@link JsRealm#call}. */
    synchronized void call(OpKind kind, String type, ContractCall call) {
        realm().call(kind, type, call);
    }

    private JsRealm realm() {
        if (closed) {
            throw new IllegalStateException("The contract of app " + appId + " was closed");
        }
        if (realm == null || realm.broken()) {
            if (realm != null) {
                realm.close();
                realm = null;
            }
            JsRealm fresh;
            try {
                fresh = JsRealm.open(appId, protocolSource, contractSource);
            } catch (JsAppException e) {
                throw new JsContractError("the contract could not be built again: " + e.getMessage());
            }
            if (!fresh.registrations().equals(registrations)) {
                fresh.close();
                throw new JsContractError("the contract registered other operations when built again: "
                        + fresh.registrations().toJson() + " instead of " + registrations.toJson());
            }
            realm = fresh;
        }
        return realm;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (realm != null) {
            realm.close();
            realm = null;
        }
    }
}
