package net.intercomj.host.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.intercomj.api.network.Registration;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;

/**
 * A sidechannel plane in memory that records what the bridge asked of it. The channel
 * {@code locked} refuses joins and sends, as an invite-only channel would; joining or leaving
 * {@code boom} throws; an open request via {@code unjoined} fails.
 */
final class FakeSidechannels implements Sidechannels {

    /** One call to {@link #send}, {@link #join} or {@link #requestOpen}. */
    record Call(String what, String channel, String detail, Optional<String> invite, Optional<String> welcome) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<String> joined = new CopyOnWriteArrayList<>(List.of(ENTRY_CHANNEL));
    volatile boolean started = true;

    @Override
    public boolean started() {
        return started;
    }

    @Override
    public List<String> channels() {
        return List.copyOf(joined);
    }

    @Override
    public int connectionCount() {
        return 2;
    }

    @Override
    public boolean join(String channel, Optional<String> invite, Optional<String> welcome) {
        calls.add(new Call("join", channel, "", invite, welcome));
        if (channel.equals("boom")) {
            throw new IllegalStateException("topic unavailable");
        }
        if (channel.equals("locked")) {
            return false;
        }
        if (!joined.contains(channel)) {
            joined.add(channel);
        }
        return true;
    }

    @Override
    public boolean leave(String channel) {
        calls.add(new Call("leave", channel, "", Optional.empty(), Optional.empty()));
        if (channel.equals("boom")) {
            throw new IllegalStateException("port stuck");
        }
        return !channel.equals(ENTRY_CHANNEL) && joined.remove(channel);
    }

    @Override
    public boolean send(String channel, String messageJson, Optional<String> invite, Optional<String> welcome) {
        calls.add(new Call("send", channel, messageJson, invite, welcome));
        if (channel.equals("locked") || messageJson.length() > 1_000_000) {
            return false;
        }
        if (!joined.contains(channel)) {
            joined.add(channel);
        }
        return true;
    }

    @Override
    public boolean requestOpen(String channel, Optional<String> via, Optional<String> invite, Optional<String> welcome) {
        calls.add(new Call("open", channel, via.orElse(""), invite, welcome));
        return !via.orElse(ENTRY_CHANNEL).equals("unjoined");
    }

    @Override
    public Optional<String> welcome(String channel) {
        return Optional.empty();
    }

    @Override
    public String createWelcome(String channel, String text) {
        throw new UnsupportedOperationException("not needed by the bridge");
    }

    @Override
    public String createInvite(String channel, String inviteeKey, Duration ttl, Optional<String> welcome) {
        throw new UnsupportedOperationException("not needed by the bridge");
    }

    @Override
    public Optional<String> decodeToken(String text) {
        return Optional.empty();
    }

    @Override
    public Registration subscribe(Consumer<SidechannelMessage> listener) {
        throw new UnsupportedOperationException("the tests deliver through the bridge directly");
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }
}
