/**
 * Terminal commands: what an operator types at the peer's prompt ({@code /stats},
 * {@code /sc_join --channel x}, …). The host's built-in commands and plugin commands are
 * the same kind of object, registered in one registry, listed by {@code /help}, completed
 * by the terminal, and reachable over the SC-Bridge {@code cli} message where enabled.
 */
package net.intercomj.api.command;
