/**
 * Plugins: loading jars from {@code plugins/} with PF4J, starting their
 * {@link net.intercomj.api.plugin.IntercomPlugin} entry points, and the services and commands
 * they are given ({@link net.intercomj.host.apps.services} adapts host parts to the API).
 * Only this package sees PF4J.
 */
package net.intercomj.host.apps;
