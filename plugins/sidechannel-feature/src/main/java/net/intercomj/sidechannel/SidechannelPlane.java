package net.intercomj.sidechannel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.LongSupplier;
import net.intercomj.api.network.LinkListener;
import net.intercomj.api.network.Network;
import net.intercomj.api.network.PeerLink;
import net.intercomj.api.network.Port;
import net.intercomj.api.network.PortHandler;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.sidechannel.auth.Invite;
import net.intercomj.sidechannel.auth.Tokens;
import net.intercomj.sidechannel.auth.Welcome;
import net.intercomj.sidechannel.envelope.Envelope;
import net.intercomj.sidechannel.envelope.EnvelopeCodec;
import net.intercomj.sidechannel.limit.RateLimiter;
import net.intercomj.sidechannel.relay.SeenCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidechannel plane: channels joined, a port per channel on every link, the receive
 * pipeline that applies every policy, relaying, and sending. Behaviour is the original's
 * (spec upstream-sidechannel-bridge §2) with the fixes of its §6, each marked where it is made.
 *
 * <p>State lives under one lock; signature checks and proof of work run outside it. Port
 * handlers run on the network's per-port threads and never wait: sends from them use
 * {@link Port#trySend}.
 */
final class SidechannelPlane implements Sidechannels {

    private static final Logger LOG = LoggerFactory.getLogger(SidechannelPlane.class);
    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(10);
    /** How far a message's {@code ts} may be from this peer's clock; also how long ids are remembered. */
    static final long REPLAY_WINDOW_MS = 120_000;
    /**
     * Ids remembered for dedupe and replay protection. Larger than the original's 5000: the
     * cache is also the replay guard here, and a message older than the oldest evicted one is
     * refused, so the cache must hold a few seconds of traffic at full speed.
     */
    static final int SEEN_CAPACITY = 50_000;
    private static final String PROTOCOL_PREFIX = "sidechannel/";

    private final Policy policy;
    private final Wallet wallet;
    private final SignatureVerifier verifier;
    private final Network network;
    private final PeerConsole console;
    private final LongSupplier clock;
    private final Path workingDirectory;
    private final Credentials credentials;
    private final InboundPipeline inbound;
    private final OutgoingEnvelopes outgoing;
    private final Deliveries deliveries;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final Map<String, ChannelState> channels = new LinkedHashMap<>();
    private final Map<PeerLink, Map<String, PortState>> links = new HashMap<>();
    private Registration linkRegistration;
    private volatile boolean started;

    SidechannelPlane(Policy policy, Wallet wallet, SignatureVerifier verifier, Network network, PeerConsole console,
            LongSupplier clock, Path workingDirectory) {
        this.policy = policy;
        this.wallet = wallet;
        this.verifier = verifier;
        this.network = network;
        this.console = console;
        this.clock = clock;
        this.workingDirectory = workingDirectory;
        RateLimiter limiter = new RateLimiter(policy.config().rateBytes(), policy.config().rateBurst(),
                policy.config().maxStrikes(), clock);
        SeenCache seen = new SeenCache(SEEN_CAPACITY, REPLAY_WINDOW_MS, clock);
        this.credentials = new Credentials(policy, verifier, console, clock);
        this.inbound = new InboundPipeline(policy, verifier, limiter, seen, credentials, this::admits);
        this.outgoing = new OutgoingEnvelopes(policy, wallet, seen, console, clock);
        this.deliveries = new Deliveries(console, !policy.config().bridgeEnabled() && !policy.config().quiet());
    }

    // ---- life cycle

    /** Joins the entry channel and the extras, waits for discovery (at most 10 s), and says so. */
    void start() throws InterruptedException {
        // Calls into the network are never made under this plane's lock: the network calls the
        // plane back (onLink) under its own lock, and the two orders would deadlock.
        Registration registration = network.onLinks(new LinkListener() {
            @Override
            public void onLink(PeerLink link) {
                linkOpened(link);
            }

            @Override
            public void onLinkClosed(PeerLink link) {
                linkClosed(link);
            }
        });
        lock.lock();
        try {
            linkRegistration = registration;
        } finally {
            lock.unlock();
        }
        register(ENTRY_CHANNEL);
        policy.config().extras().forEach(this::register);
        network.flush(FLUSH_LIMIT);
        started = true;
        console.println("Sidechannel: ready");
    }

    /** Leaves every topic and closes every port (the original left them open, §6.14). */
    void stop() {
        List<ChannelState> left;
        List<PortState> ports = new ArrayList<>();
        Registration registration;
        lock.lock();
        try {
            started = false;
            registration = linkRegistration;
            linkRegistration = null;
            left = List.copyOf(channels.values());
            channels.clear();
            links.values().forEach(byChannel -> ports.addAll(byChannel.values()));
            links.clear();
        } finally {
            lock.unlock();
        }
        if (registration != null) {
            registration.close();
        }
        left.forEach(this::release);
        ports.forEach(state -> {
            if (state.port != null) {
                state.port.close();
            }
        });
    }

    /** Stops serving a channel left and leaves its topic. Lock not held. */
    private void release(ChannelState state) {
        Registration serving;
        lock.lock();
        try {
            serving = state.serving;
            state.serving = null;
        } finally {
            lock.unlock();
        }
        // Null while its register() is still under way: that call sees the channel gone and releases it.
        if (serving != null) {
            serving.close();
            network.leave(state.topic);
        }
    }

    // ---- Sidechannels

    @Override
    public boolean started() {
        return started;
    }

    @Override
    public List<String> channels() {
        lock.lock();
        try {
            return List.copyOf(channels.keySet());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int connectionCount() {
        lock.lock();
        try {
            return (int) links.values().stream().filter(ports -> !ports.isEmpty()).count();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean join(String channel, Optional<String> invite, Optional<String> welcome) {
        String name = channel.trim();
        if (name.isEmpty()) {
            return false;
        }
        credentials.accept(name, invite, welcome);
        switch (register(name)) {
            case DENIED -> {
                return false;
            }
            case ALREADY -> {
                return true;
            }
            case NOW -> { }
        }
        try {
            network.flush(FLUSH_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Override
    public boolean leave(String channel) {
        String name = channel.trim();
        ChannelState state;
        List<PortState> ports = new ArrayList<>();
        lock.lock();
        try {
            if (Policy.isEntry(name)) {
                return false;
            }
            state = channels.remove(name);
            if (state == null) {
                return false;
            }
            for (Map<String, PortState> byChannel : links.values()) {
                PortState port = byChannel.remove(name);
                if (port != null) {
                    ports.add(port);
                }
            }
            credentials.forget(name);
        } finally {
            lock.unlock();
        }
        release(state);
        ports.forEach(port -> {
            if (port.port != null) {
                port.port.close();
            }
        });
        return true;
    }

    @Override
    public boolean send(String channel, String messageJson, Optional<String> invite, Optional<String> welcome) {
        Optional<JsonNode> message = Credentials.readJson(messageJson);
        if (message.isEmpty()) {
            return false;
        }
        return send(channel, message.get(), invite, welcome);
    }

    /** Sends {@code message} on {@code channel}, joining it first (the original only registered it, §6.6). */
    boolean send(String channel, JsonNode message, Optional<String> invite, Optional<String> welcome) {
        String name = channel.trim();
        if (name.isEmpty()) {
            return false;
        }
        if (policy.ownerOnly(name) && !policy.isOwner(name)) {
            return false;
        }
        if (!join(name, invite, welcome)) {
            return false;
        }
        Optional<ObjectNode> inviteJson = invite.flatMap(Credentials::readJson).filter(JsonNode::isObject)
                .map(node -> (ObjectNode) node);
        return broadcast(name, message, inviteJson, true);
    }

    @Override
    public boolean requestOpen(String channel, Optional<String> via, Optional<String> invite,
            Optional<String> welcome) {
        String target = channel.trim();
        if (target.isEmpty()) {
            return false;
        }
        String viaChannel = via.map(String::trim).filter(v -> !v.isEmpty()).orElse(ENTRY_CHANNEL);
        credentials.accept(target, invite, Optional.empty());
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("control", "open_channel");
        request.put("channel", target);
        // Absent keys are left out, not sent as null: the original hashed them differently on
        // each side and every open request without both failed proof of work (fix §6.1).
        invite.flatMap(Credentials::readJson).ifPresent(node -> request.set("invite", node));
        Optional<JsonNode> welcomeNode = welcome.flatMap(Credentials::readJson)
                .or(() -> invite.flatMap(Credentials::readJson).map(node -> node.path("welcome")).filter(JsonNode::isObject))
                .or(() -> welcome(target).flatMap(Credentials::readJson));
        welcomeNode.ifPresent(node -> request.set("welcome", node));
        lock.lock();
        try {
            if (!channels.containsKey(viaChannel)) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        if (policy.ownerOnly(viaChannel) && !policy.isOwner(viaChannel)) {
            return false;
        }
        return broadcast(viaChannel, request, Optional.empty(), true);
    }

    @Override
    public Optional<String> welcome(String channel) {
        return credentials.welcomeFor(channel.trim()).map(w -> w.toJson().toString());
    }

    @Override
    public String createWelcome(String channel, String text) {
        String name = channel.trim();
        Welcome welcome = Welcome.create(wallet, name, text, clock.getAsLong());
        if (policy.isOwner(name)) {
            credentials.keepOwn(name, welcome);
        }
        return welcome.toJson().toString();
    }

    @Override
    public String createInvite(String channel, String inviteeKey, Duration ttl, Optional<String> welcome) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("An invite needs a positive lifetime");
        }
        Optional<ObjectNode> welcomeNode = welcome.flatMap(Credentials::readJson).filter(JsonNode::isObject)
                .map(node -> (ObjectNode) node);
        Invite invite = Invite.create(wallet, channel.trim(), inviteeKey.trim().toLowerCase(java.util.Locale.ROOT),
                clock.getAsLong(), ttl.toMillis(), welcomeNode);
        return invite.toJson().toString();
    }

    @Override
    public Optional<String> decodeToken(String text) {
        return Tokens.decode(text, workingDirectory).map(ObjectNode::toString);
    }

    @Override
    public Registration subscribe(Consumer<SidechannelMessage> listener) {
        return deliveries.subscribe(listener);
    }

    @Override
    public Registration handle(Predicate<SidechannelMessage> handler) {
        return deliveries.handle(handler);
    }

    // ---- channels and ports

    private enum Joined { ALREADY, NOW, DENIED }

    /** Registers and joins {@code name} unless it is invite-only and this peer may not. Lock not held. */
    private Joined register(String name) {
        ChannelState state;
        lock.lock();
        try {
            if (channels.containsKey(name)) {
                return Joined.ALREADY;
            }
            if (policy.inviteGated(name) && !credentials.mayJoin(name)) {
                console.println("[sidechannel:" + name + "] join denied (invite required).");
                return Joined.DENIED;
            }
            state = new ChannelState(topicOf(name));
            channels.put(name, state);
        } finally {
            lock.unlock();
        }
        Registration serving = network.serve(PROTOCOL_PREFIX + name, (link, protocol) -> accepted(link, name));
        boolean stillJoined;
        lock.lock();
        try {
            stillJoined = channels.get(name) == state;
            if (stillJoined) {
                state.serving = serving;
                for (PeerLink link : links.keySet()) {
                    openPort(link, name);
                }
            }
        } finally {
            lock.unlock();
        }
        if (!stillJoined) {
            serving.close();
            return Joined.DENIED;
        }
        network.join(state.topic);
        return Joined.NOW;
    }

    private void linkOpened(PeerLink link) {
        lock.lock();
        try {
            links.putIfAbsent(link, new HashMap<>());
            for (String channel : channels.keySet()) {
                openPort(link, channel);
            }
        } finally {
            lock.unlock();
        }
    }

    private void linkClosed(PeerLink link) {
        lock.lock();
        try {
            // Nothing of a closed link is kept (the original kept stale records, §6.2, §6.3).
            links.remove(link);
        } finally {
            lock.unlock();
        }
    }

    /** Opens {@code channel}'s port on {@code link} unless one is open or opening. Lock held. */
    private void openPort(PeerLink link, String channel) {
        Map<String, PortState> ports = links.computeIfAbsent(link, l -> new HashMap<>());
        if (ports.containsKey(channel)) {
            return;
        }
        PortState state = new PortState(channel);
        ports.put(channel, state);
        try {
            state.port = link.open(PROTOCOL_PREFIX + channel, handler(link, state));
        } catch (IllegalStateException e) {
            ports.remove(channel);
            debug(channel, "cannot open on " + link.remoteKey() + ": " + e.getMessage());
        }
    }

    /** The other side opened {@code channel} first: answer with a port of ours, replacing any stale one. */
    private PortHandler accepted(PeerLink link, String channel) {
        lock.lock();
        try {
            if (!channels.containsKey(channel)) {
                return null;
            }
            PortState state = new PortState(channel);
            links.computeIfAbsent(link, l -> new HashMap<>()).put(channel, state);
            return handler(link, state);
        } finally {
            lock.unlock();
        }
    }

    private PortHandler handler(PeerLink link, PortState state) {
        return new PortHandler() {
            @Override
            public void onOpen(Port port) {
                opened(link, state, port);
            }

            @Override
            public void onMessage(Port port, byte[] message) {
                receive(link, state, message);
            }

            @Override
            public void onClose(Port port) {
                lock.lock();
                try {
                    Map<String, PortState> ports = links.get(link);
                    // A closed port is forgotten, so a leave and join re-opens it (fix §6.2).
                    if (ports != null && ports.get(state.channel) == state) {
                        ports.remove(state.channel);
                    }
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    private void opened(PeerLink link, PortState state, Port port) {
        String channel = state.channel;
        boolean stale = false;
        lock.lock();
        try {
            state.port = port;
            Map<String, PortState> ports = links.get(link);
            // Left (or the link closed) while the port was opening.
            stale = ports == null || !channels.containsKey(channel);
            if (stale) {
                return;
            }
            state.open = true;
            // The port that opened is the one messages go to. When our open crossed the other
            // side's, the state our acceptor made never opens: take over what waits there.
            PortState previous = ports.put(channel, state);
            if (previous != null && previous != state && !previous.open) {
                state.pending.addAll(previous.pending);
                previous.pending.clear();
            }
            while (!state.pending.isEmpty()) {
                port.trySend(state.pending.poll());
            }
        } finally {
            lock.unlock();
            if (stale) {
                port.close();
            }
        }
        sendWelcomeIfOwner(link, state);
        Optional<Invite> invite;
        lock.lock();
        try {
            boolean needsAuth = policy.inviteGated(channel) && !policy.isInviter(policy.ownKey()) && !state.authSent;
            invite = needsAuth ? credentials.liveInvite(channel) : Optional.empty();
            if (invite.isPresent()) {
                state.authSent = true;
            }
        } finally {
            lock.unlock();
        }
        // The invite goes without its embedded welcome: peers not yet authorized see it (fix §6.28).
        invite.ifPresent(i -> sendControl(state, control("auth").set("invite", withoutWelcome(i).toJson())));
    }

    /** The owner sends its welcome on a port once the peer may see the channel (fix §6.5: also after its auth). */
    private void sendWelcomeIfOwner(PeerLink link, PortState state) {
        String channel = state.channel;
        Optional<Welcome> welcome;
        lock.lock();
        try {
            boolean allowed = !policy.inviteGated(channel) || remoteAuthorized(channel, link.remoteKey());
            welcome = policy.isOwner(channel) && allowed && !state.welcomeSent ? credentials.welcomeFor(channel) : Optional.empty();
            if (welcome.isPresent()) {
                state.welcomeSent = true;
            }
        } finally {
            lock.unlock();
        }
        welcome.ifPresent(w -> sendControl(state, control("welcome").set("welcome", w.toJson())));
    }

    private static Invite withoutWelcome(Invite invite) {
        return new Invite(invite.channel(), invite.inviteePubKey(), invite.inviterPubKey(), invite.inviterAddress(),
                invite.issuedAt(), invite.expiresAt(), invite.nonce(), invite.version(), invite.sig(), Optional.empty());
    }

    private static ObjectNode control(String type) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("control", type);
        return message;
    }

    private void sendControl(PortState state, JsonNode message) {
        Optional<byte[]> bytes = outgoing.build(state.channel, message, Optional.empty());
        if (bytes.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            state.sendOrKeep(bytes.get());
        } finally {
            lock.unlock();
        }
    }

    // ---- sending

    /** Signs (and proves work for) {@code message} and sends it to every authorized peer of {@code channel}. */
    private boolean broadcast(String channel, JsonNode message, Optional<ObjectNode> invite, boolean mayWait) {
        Optional<byte[]> bytes = outgoing.build(channel, message, invite);
        if (bytes.isEmpty()) {
            return false;
        }
        List<PortState> targets = new ArrayList<>();
        lock.lock();
        try {
            boolean gated = policy.inviteGated(channel);
            for (Map.Entry<PeerLink, Map<String, PortState>> entry : links.entrySet()) {
                PortState state = entry.getValue().get(channel);
                if (state == null) {
                    continue;
                }
                if (gated && !remoteAuthorized(channel, entry.getKey().remoteKey())) {
                    debug(channel, "skip (unauthorized) " + entry.getKey().remoteKey());
                    continue;
                }
                if (state.open && mayWait) {
                    targets.add(state);
                } else {
                    state.sendOrKeep(bytes.get());
                }
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock: a sender may wait for a slow peer's buffer without stopping the plane.
        for (PortState state : targets) {
            try {
                state.port.send(bytes.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    // ---- receiving

    /** Runs a message through the pipeline and acts on its verdict. */
    private void receive(PeerLink link, PortState port, byte[] bytes) {
        String channel = port.channel;
        String remote = link.remoteKey();
        switch (inbound.check(channel, remote, bytes)) {
            case Inbound.Dropped dropped -> drop(channel, dropped.reason(), remote);
            case Inbound.Blocked blocked -> {
                if (blocked.justNow()) {
                    debug(channel, "rate-limit block " + remote + " for 30000ms");
                }
            }
            // The owner now sends its welcome to the invitee (fix §6.5).
            case Inbound.Authorized authorized -> sendWelcomeIfOwner(link, port);
            case Inbound.WelcomeTaken taken -> { }
            case Inbound.OpenRequest request -> {
                if (openRequested(link, request.envelope().message())) {
                    deliveries.deliver(channel, request.envelope());
                }
                relay(link, channel, request.envelope());
            }
            case Inbound.Message message -> {
                deliveries.deliver(channel, message.envelope());
                relay(link, channel, message.envelope());
            }
        }
    }

    /** §2.12's inbound gate; an invite carried by the message authorizes the sending peer. */
    private boolean admits(String channel, String remote, Envelope envelope) {
        JsonNode message = envelope.message();
        lock.lock();
        try {
            if (!credentials.mayJoin(channel)) {
                return false;
            }
            if (remoteAuthorized(channel, remote)) {
                return true;
            }
        } finally {
            lock.unlock();
        }
        Optional<JsonNode> carried = envelope.invite().<JsonNode>map(node -> node)
                .or(() -> Optional.of(message.path("invite")).filter(JsonNode::isObject));
        Optional<Invite> invite = carried.flatMap(Invite::parse)
                .filter(i -> i.verify(channel, remote, policy.inviterKeys(), clock.getAsLong(), verifier).valid());
        if (invite.isEmpty()) {
            return false;
        }
        lock.lock();
        try {
            ChannelState state = channels.get(channel);
            if (state != null) {
                state.invitedPeers.put(remote, (long) invite.get().expiresAt());
            }
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** An accepted {@code open_channel} request (§2.15); true when it passed and should reach apps (fix §6.11). */
    private boolean openRequested(PeerLink link, JsonNode message) {
        String target = message.get("channel").asText().trim();
        String from = link.remoteKey();
        JsonNode welcomeNode = message.path("welcome").isObject() ? message.get("welcome")
                : message.path("invite").path("welcome");
        if (welcomeNode.isObject()) {
            Optional<Welcome> welcome = Welcome.parse(welcomeNode)
                    .filter(w -> credentials.verifies(w, target));
            if (welcome.isEmpty()) {
                debug(target, "open denied (welcome) for " + target + " from " + from);
                return false;
            }
            credentials.learn(target, welcome.get());
        } else if (policy.welcomeRequired(target) && !credentials.welcomed(target)) {
            debug(target, "open denied (missing welcome) for " + target + " from " + from);
            return false;
        }
        if (policy.inviteGated(target)) {
            boolean valid = Invite.parse(message.path("invite"))
                    .map(i -> i.verify(target, link.remoteKey(), policy.inviterKeys(), clock.getAsLong(), verifier).valid())
                    .orElse(false);
            if (!valid) {
                debug(target, "open denied (invite) for " + target + " from " + from);
                return false;
            }
        }
        if (policy.config().autoJoin()) {
            // Joining waits for discovery: not on the port's thread.
            Thread.ofVirtual().name("sidechannel-auto-join " + target).start(() -> {
                join(target, Optional.empty(), Optional.empty());
                console.println("[sidechannel] auto-joined channel: " + target);
            });
        } else {
            console.println("[sidechannel] channel request received: " + target);
        }
        return true;
    }

    /** Forwards to every other authorized peer of the channel, one hop less; the hop count is capped (fix §6.23). */
    private void relay(PeerLink source, String channel, Envelope envelope) {
        int ttl = Math.min(envelope.ttl(), Policy.RELAY_TTL);
        if (ttl <= 0) {
            return;
        }
        Envelope relayed = new Envelope(envelope.type(), envelope.id(), envelope.channel(), envelope.from(),
                envelope.origin(), envelope.message(), envelope.ts(), ttl - 1, envelope.invite(), envelope.pow(),
                envelope.sig(), Optional.of(policy.ownKey()));
        byte[] bytes = EnvelopeCodec.encode(relayed);
        lock.lock();
        try {
            boolean gated = policy.inviteGated(channel);
            for (Map.Entry<PeerLink, Map<String, PortState>> entry : links.entrySet()) {
                if (entry.getKey() == source) {
                    continue;
                }
                PortState state = entry.getValue().get(channel);
                if (state == null || !state.open) {
                    continue;
                }
                if (gated && !remoteAuthorized(channel, entry.getKey().remoteKey())) {
                    continue;
                }
                state.port.trySend(bytes);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- invites and welcomes

    /** Lock held. */
    private boolean remoteAuthorized(String channel, String remoteKey) {
        if (policy.isInviter(remoteKey)) {
            return true;
        }
        ChannelState state = channels.get(channel);
        Long expiresAt = state == null ? null : state.invitedPeers.get(remoteKey);
        return expiresAt != null && expiresAt > clock.getAsLong();
    }

    // ---- helpers

    /** The discovery topic of a channel: SHA-256 of {@code "sidechannel:" + name}. */
    static byte[] topicOf(String channel) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("sidechannel:" + channel.trim())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    private void drop(String channel, String reason, String remoteKey) {
        debug(channel, "drop (" + reason + ") from " + remoteKey);
    }

    private void debug(String channel, String line) {
        if (policy.config().debug()) {
            console.println("[sidechannel:" + channel + "] " + line);
        } else {
            LOG.debug("[sidechannel:{}] {}", channel, line);
        }
    }

}
