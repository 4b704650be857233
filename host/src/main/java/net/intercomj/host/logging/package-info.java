/** Logging set-up: SLF4J over Logback, the shipped configuration, and {@code --log-level}. */
package net.intercomj.host.logging;
