package net.intercomj.host.js;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.json.Json;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.host.apps.services.SubnetService;
import org.graalvm.polyglot.HostAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's side of trac-peer's {@code Feature} in one feature's context: {@code append},
 * {@code get} and {@code getSigned} over the {@link Subnet} service, and who this peer is. Like
 * {@link JsBridge}, only its {@link HostAccess.Export} methods are visible, the module takes it
 * from a global the host removes before the feature's own code runs, values cross as JSON text,
 * and expected failures come back as values, never as Java exceptions.
 *
 * <p>Only the subnet's admin appends: trac-peer let any writable peer append, but every peer
 * applies feature data only when the admin signed it, so anyone else's append would only be
 * refused by the subnet. Here a feature on another peer runs all the same, and its
 * {@code append} does nothing and returns {@code false}.
 */
public final class JsFeatureBridge {

    private static final Logger LOG = LoggerFactory.getLogger(JsFeatureBridge.class);

    private final String name;
    private final Subnet subnet;
    private final Wallet wallet;
    // Why the last append was skipped: logged once when it changes, not on every tick.
    private String skipped;

    /** @param name how the log names the feature: {@code app <id> feature <file>} */
    JsFeatureBridge(String name, Subnet subnet, Wallet wallet) {
        this.name = Objects.requireNonNull(name, "name");
        this.subnet = Objects.requireNonNull(subnet, "subnet");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
    }

    /**
     * {@link Subnet#appendFeature} when this peer is the subnet's admin and a writer.
     *
     * @return null when appended; {@code ""} when skipped (this peer is not the admin, or not
     *     writable: logged); otherwise the error for the feature
     */
    @HostAccess.Export
    public String append(String featureKey, String key, String json) {
        if (featureKey == null || featureKey.isEmpty()) {
            return "append(key, value): the feature has no key (this.key)";
        }
        try {
            if (!subnet.isAdmin()) {
                return skip("this peer is not the subnet's admin, so its feature data would not apply; appends are skipped");
            }
            if (!subnet.isWritable()) {
                return skip(SubnetService.NOT_WRITABLE);
            }
            subnet.appendFeature(featureKey, key, Json.parse(json));
        } catch (IllegalStateException e) {
            return skip(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return "append(" + key + "): " + e.getMessage();
        }
        if (skipped != null) {
            LOG.info("{}: appends feature data again", name);
            skipped = null;
        }
        return null;
    }

    private String skip(String why) {
        if (!why.equals(skipped)) {
            LOG.info("{}: {}", name, why);
            skipped = why;
        }
        return "";
    }

    /** {@code {"value": …}}, {@code {}} when there is none, or {@code {"error": …}}: the unconfirmed view. */
    @HostAccess.Export
    public String get(String key) {
        return read(() -> subnet.get(key));
    }

    /** As {@link #get}, in the confirmed view. */
    @HostAccess.Export
    public String getSigned(String key) {
        return read(() -> subnet.getConfirmed(key));
    }

    private static String read(Supplier<Optional<Json>> value) {
        try {
            return value.get().map(json -> Json.object().put("value", json).build().toJson()).orElse("{}");
        } catch (RuntimeException e) {
            return Json.object().put("error", String.valueOf(e.getMessage())).build().toJson();
        }
    }

    /** Whether this peer may append to the subnet ({@code peer.base.writable}). */
    @HostAccess.Export
    public boolean isWritable() {
        try {
            return subnet.isWritable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** This peer's public key, hex ({@code peer.wallet.publicKey}). */
    @HostAccess.Export
    public String publicKey() {
        return wallet.publicKeyHex();
    }

    /** This peer's {@code trac1…} address ({@code peer.wallet.address}). */
    @HostAccess.Export
    public String address() {
        return wallet.address();
    }
}
