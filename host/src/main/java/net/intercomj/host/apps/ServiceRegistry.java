package net.intercomj.host.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.intercomj.api.network.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The services offered to plugins, one per interface, by the host or by plugins. */
public final class ServiceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);

    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final List<Waiter<?>> waiters = new ArrayList<>();

    /** A wait for a service: {@code action} runs once, when one is offered under {@code type}. */
    private record Waiter<T>(Class<T> type, Consumer<? super T> action) {
        void run(Object service) {
            action.accept(type.cast(service));
        }
    }

    /**
     * Offers {@code service} under {@code type}, and runs the waits for that type.
     *
     * @throws IllegalStateException if a service of this type is already offered
     */
    public <T> void provide(Class<T> type, T service) {
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service + " is not a " + type.getName());
        }
        List<Waiter<?>> due = new ArrayList<>();
        synchronized (waiters) {
            if (services.putIfAbsent(type, service) != null) {
                throw new IllegalStateException("A " + type.getSimpleName() + " service is already offered");
            }
            waiters.removeIf(waiter -> waiter.type() == type && due.add(waiter));
        }
        for (Waiter<?> waiter : due) {
            try {
                waiter.run(service);
            } catch (RuntimeException e) {
                LOG.warn("A plugin waiting for the {} service failed: {}", type.getSimpleName(), e.toString());
            }
        }
    }

    /**
     * Runs {@code action} with the service of {@code type}: now if there is one, else once one
     * is offered.
     *
     * @return cancels the wait (nothing once the action ran)
     */
    public <T> Registration whenProvided(Class<T> type, Consumer<? super T> action) {
        Waiter<T> waiter = new Waiter<>(type, action);
        Object present;
        synchronized (waiters) {
            present = services.get(type);
            if (present == null) {
                waiters.add(waiter);
                return () -> {
                    synchronized (waiters) {
                        waiters.remove(waiter);
                    }
                };
            }
        }
        waiter.run(present);
        return () -> { };
    }

    /** The service offered under {@code type}. */
    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /** Withdraws {@code service} if it is still the one offered under {@code type}. */
    void withdraw(Class<?> type, Object service) {
        services.remove(type, service);
    }
}
