/**
 * How a plugin starts and what it is given: {@link net.intercomj.api.plugin.IntercomPlugin}
 * is its entry point, {@link net.intercomj.api.plugin.PluginContext} its view of the host.
 */
package net.intercomj.api.plugin;
