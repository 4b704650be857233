/** The host's built-in terminal commands, one class each. */
package net.intercomj.host.terminal.commands;
