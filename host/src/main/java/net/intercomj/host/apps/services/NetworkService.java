package net.intercomj.host.apps.services;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import net.intercomj.api.network.LinkListener;
import net.intercomj.api.network.Network;
import net.intercomj.api.network.PeerLink;
import net.intercomj.api.network.PortAcceptor;
import net.intercomj.api.network.Registration;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.swarm.PeerConnection;
import net.intercomj.host.net.swarm.SwarmListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's network as plugins see it ({@link Network}): the swarm's connections become links,
 * served protocols are installed on every connection as it opens, before its first message.
 */
public final class NetworkService implements Network {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkService.class);

    private final PeerNetwork network;
    // Listener calls happen under the lock too, so every listener sees each link opened once,
    // then closed once, in that order, whatever threads the events come from.
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<PeerConnection, LinkAdapter> links = new LinkedHashMap<>();
    private final Map<String, PortAcceptor> served = new LinkedHashMap<>();
    private final List<LinkListener> listeners = new ArrayList<>();

    public NetworkService(PeerNetwork network) {
        this.network = network;
        network.addListener(new SwarmListener() {
            @Override
            public void onConnection(PeerConnection connection) {
                opened(connection);
            }

            @Override
            public void onDisconnection(PeerConnection connection, String reason) {
                closed(connection);
            }
        });
        network.swarm().connections().forEach(this::opened);
    }

    private void opened(PeerConnection connection) {
        lock.lock();
        try {
            if (links.containsKey(connection)) {
                return;
            }
            LinkAdapter link = new LinkAdapter(connection);
            links.put(connection, link);
            served.forEach(link::serve);
            for (LinkListener listener : List.copyOf(listeners)) {
                notify(() -> listener.onLink(link));
            }
        } finally {
            lock.unlock();
        }
    }

    private void closed(PeerConnection connection) {
        lock.lock();
        try {
            LinkAdapter link = links.remove(connection);
            if (link == null) {
                return;
            }
            for (LinkListener listener : List.copyOf(listeners)) {
                notify(() -> listener.onLinkClosed(link));
            }
        } finally {
            lock.unlock();
        }
    }

    /** A plugin's failing listener must not stop the others or the swarm's thread. */
    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A link listener failed: {}", e.toString(), e);
        }
    }

    @Override
    public void join(byte[] topic) {
        network.swarm().join(Bytes32.of(topic), true, true);
    }

    @Override
    public void leave(byte[] topic) {
        network.swarm().leave(Bytes32.of(topic));
    }

    @Override
    public void flush(Duration limit) throws InterruptedException {
        try {
            network.swarm().flush().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("Discovery still running after {}", limit);
        } catch (ExecutionException e) {
            LOG.debug("Discovery failed: {}", e.getCause().toString());
        }
    }

    @Override
    public List<PeerLink> links() {
        lock.lock();
        try {
            return List.copyOf(links.values());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Registration onLinks(LinkListener listener) {
        lock.lock();
        try {
            listeners.add(listener);
            for (LinkAdapter link : links.values()) {
                notify(() -> listener.onLink(link));
            }
        } finally {
            lock.unlock();
        }
        return () -> {
            lock.lock();
            try {
                listeners.remove(listener);
            } finally {
                lock.unlock();
            }
        };
    }

    @Override
    public Registration serve(String protocol, PortAcceptor acceptor) {
        lock.lock();
        try {
            if (served.containsKey(protocol)) {
                throw new IllegalStateException("Protocol " + protocol + " is already served");
            }
            served.put(protocol, acceptor);
            links.values().forEach(link -> link.serve(protocol, acceptor));
        } finally {
            lock.unlock();
        }
        return () -> {
            lock.lock();
            try {
                if (served.remove(protocol, acceptor)) {
                    links.values().forEach(link -> link.stopServing(protocol));
                }
            } finally {
                lock.unlock();
            }
        };
    }
}
