/**
 * The operator's terminal: a registry of {@link net.intercomj.api.command.TerminalCommand}s that
 * the host and plugins add to, a dispatcher that runs one line, and the console loop (JLine with
 * completion and history on a terminal; plain line reading when stdin is a pipe or file).
 */
package net.intercomj.host.terminal;
