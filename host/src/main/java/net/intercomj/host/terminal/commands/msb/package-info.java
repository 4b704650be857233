/** The settlement (MSB) commands: {@code /tx}, {@code /deploy_subnet}, {@code /msb}, {@code /get_balance}, {@code /transfer}. */
package net.intercomj.host.terminal.commands.msb;
