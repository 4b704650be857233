package net.intercomj.host.js;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.intercomj.api.json.Json;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;

/** A {@link Subnet} service for feature tests: views as maps, appends recorded. */
final class FakeSubnet implements Subnet {

    /** One appended piece of feature data. */
    record Append(String featureKey, String key, Json value) {}

    volatile boolean admin = true;
    volatile boolean writable = true;
    final Map<String, Json> unconfirmed = new ConcurrentHashMap<>();
    final Map<String, Json> confirmed = new ConcurrentHashMap<>();
    final List<Append> appends = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Json> get(String key) {
        return Optional.ofNullable(unconfirmed.get(key));
    }

    @Override
    public Optional<Json> getConfirmed(String key) {
        return Optional.ofNullable(confirmed.get(key));
    }

    @Override
    public boolean isAdmin() {
        return admin;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void appendFeature(String featureKey, String key, Json value) {
        if (!writable) {
            throw new IllegalStateException("Peer running features not writable.");
        }
        if (value.toJson().length() > 1000) {
            throw new IllegalArgumentException("the feature op is over 4096 bytes");
        }
        appends.add(new Append(featureKey, key, value));
    }

    @Override
    public TxResult tx(String command, boolean simulate) throws TxException {
        throw new TxException("no transactions in this test");
    }

    List<Append> appends(String key) {
        return appends.stream().filter(append -> append.key().equals(key)).toList();
    }
}
