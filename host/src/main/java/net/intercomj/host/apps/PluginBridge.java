package net.intercomj.host.apps;

import java.util.ArrayList;
import java.util.List;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.network.Registration;

/** The SC-Bridge as one plugin sees it: the types and hello fields the plugin added go away when it stops. */
final class PluginBridge implements Bridge {

    private final Bridge bridge;
    private final List<Registration> added = new ArrayList<>();

    PluginBridge(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public synchronized Registration handle(String type, BridgeMessageHandler handler) {
        Registration registration = bridge.handle(type, handler);
        added.add(registration);
        return () -> {
            registration.close();
            synchronized (this) {
                added.remove(registration);
            }
        };
    }

    @Override
    public synchronized Registration helloField(String name, String valueJson) {
        Registration registration = bridge.helloField(name, valueJson);
        added.add(registration);
        return () -> {
            registration.close();
            synchronized (this) {
                added.remove(registration);
            }
        };
    }

    @Override
    public void pushToAll(String eventJson) {
        bridge.pushToAll(eventJson);
    }

    @Override
    public void pushToChannel(String channel, String eventJson) {
        bridge.pushToChannel(channel, eventJson);
    }

    synchronized void withdrawAll() {
        added.forEach(Registration::close);
        added.clear();
    }
}
