package net.intercomj.host.apps;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The services offered to plugins, one per interface, by the host or by plugins. */
public final class ServiceRegistry {

    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    /**
     * Offers {@code service} under {@code type}.
     *
     * @throws IllegalStateException if a service of this type is already offered
     */
    public <T> void provide(Class<T> type, T service) {
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service + " is not a " + type.getName());
        }
        if (services.putIfAbsent(type, service) != null) {
            throw new IllegalStateException("A " + type.getSimpleName() + " service is already offered");
        }
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
