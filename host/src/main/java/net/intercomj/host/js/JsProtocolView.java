package net.intercomj.host.js;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.json.Json;
import net.intercomj.api.subnet.Subnet;

/**
 * What the protocol of a GraalJS app may read of the peer while its {@code customCommand} runs:
 * the subnet's two views and who this peer is. Only reads: the protocol gets no way to write or
 * append through it. A contract never gets one (it reads through its op).
 */
public interface JsProtocolView {

    /** The value at {@code key} in the subnet's unconfirmed view ({@code Protocol.get}). */
    Optional<Json> get(String key);

    /** The value at {@code key} in the subnet's confirmed view ({@code Protocol.getSigned}). */
    Optional<Json> getConfirmed(String key);

    /** This peer's writer key, hex ({@code api.getPeerWriterKey()}). */
    Optional<String> writerKey();

    /** The subnet's bootstrap key, hex ({@code api.getPeerBootstrap()}). */
    Optional<String> subnetBootstrap();

    /** The MSB's bootstrap key, hex, when this peer knows it ({@code api.getPeerMsbBootstrap()}). */
    Optional<String> msbBootstrap();

    /**
     * The reads of {@code subnet} (only {@link Subnet#get} and {@link Subnet#getConfirmed} are
     * used), with this peer's identity.
     *
     * @param msbBootstrap asked at each read: the MSB may start after the subnet
     */
    static JsProtocolView of(Subnet subnet, String writerKey, String subnetBootstrap,
            Supplier<Optional<String>> msbBootstrap) {
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(msbBootstrap, "msbBootstrap");
        Optional<String> writer = Optional.ofNullable(writerKey);
        Optional<String> bootstrap = Optional.ofNullable(subnetBootstrap);
        return new JsProtocolView() {
            @Override
            public Optional<Json> get(String key) {
                return subnet.get(key);
            }

            @Override
            public Optional<Json> getConfirmed(String key) {
                return subnet.getConfirmed(key);
            }

            @Override
            public Optional<String> writerKey() {
                return writer;
            }

            @Override
            public Optional<String> subnetBootstrap() {
                return bootstrap;
            }

            @Override
            public Optional<String> msbBootstrap() {
                return msbBootstrap.get();
            }
        };
    }
}
