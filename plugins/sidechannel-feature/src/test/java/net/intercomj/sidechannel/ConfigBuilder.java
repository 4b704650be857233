package net.intercomj.sidechannel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.intercomj.api.sidechannel.SidechannelConfig;

/** The original's defaults with the flags a test changes. */
final class ConfigBuilder {

    private List<String> extras = List.of();
    private boolean debug = true;
    private boolean autoJoin;
    private boolean pow = true;
    private int rateBytes = 64_000;
    private int rateBurst = 256_000;
    private int maxStrikes = 3;
    private boolean inviteRequired;
    private List<String> inviteChannels = List.of();
    private List<String> inviterKeys = List.of();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private List<String> ownerWriteChannels = List.of();
    private final Map<String, String> welcomes = new LinkedHashMap<>();
    private boolean welcomeRequired = true;
    private int maxBytes = 1_000_000;

    ConfigBuilder extras(String... channels) {
        extras = List.of(channels);
        return this;
    }

    ConfigBuilder autoJoin(boolean on) {
        autoJoin = on;
        return this;
    }

    ConfigBuilder pow(boolean on) {
        pow = on;
        return this;
    }

    ConfigBuilder rate(int bytesPerSecond, int burst, int strikes) {
        rateBytes = bytesPerSecond;
        rateBurst = burst;
        maxStrikes = strikes;
        return this;
    }

    ConfigBuilder inviteRequired(boolean on) {
        inviteRequired = on;
        return this;
    }

    ConfigBuilder inviteChannels(String... channels) {
        inviteChannels = List.of(channels);
        return this;
    }

    ConfigBuilder inviterKeys(String... keys) {
        inviterKeys = List.of(keys);
        return this;
    }

    ConfigBuilder owner(String channel, String key) {
        owners.put(channel, key);
        return this;
    }

    ConfigBuilder ownerWriteChannels(String... channels) {
        ownerWriteChannels = List.of(channels);
        return this;
    }

    ConfigBuilder welcome(String channel, String json) {
        welcomes.put(channel, json);
        return this;
    }

    ConfigBuilder welcomeRequired(boolean on) {
        welcomeRequired = on;
        return this;
    }

    ConfigBuilder maxBytes(int bytes) {
        maxBytes = bytes;
        return this;
    }

    SidechannelConfig build() {
        return new SidechannelConfig(extras, debug, false, false, maxBytes, true, autoJoin, pow, 12, false, List.of(),
                rateBytes, rateBurst, maxStrikes, inviteRequired, inviteChannels, List.of(), inviterKeys,
                Duration.ofDays(7), owners, false, ownerWriteChannels, welcomes, welcomeRequired);
    }
}
