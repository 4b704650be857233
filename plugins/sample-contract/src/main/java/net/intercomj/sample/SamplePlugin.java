package net.intercomj.sample;

import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PluginContext;

/**
 * The sample contract plugin's entry point: offers {@link SampleApp} as this plugin's contract
 * app (its id is the plugin's id, {@code sample-contract}, its version the hash of this jar) and
 * adds {@code /sample_info}, which tells an operator how to use the app, and {@code /sample_clock},
 * which feeds the app's feature handler.
 *
 * <p>The host finds this class through
 * {@code META-INF/services/net.intercomj.api.plugin.IntercomPlugin}. A subnet runs the app once
 * its creator starts with {@code --app sample-contract}; loading the plugin alone changes
 * nothing for a subnet that pins no contract.
 */
public final class SamplePlugin implements IntercomPlugin {

    @Override
    public void start(PluginContext context) {
        context.addContractApp(new SampleApp());
        context.addCommand(new SampleInfoCommand(context.pluginId()));
        context.service(Subnet.class).ifPresent(subnet -> context.addCommand(new SampleClockCommand(subnet)));
    }
}
