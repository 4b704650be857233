/**
 * The settlement plane (MSB): a network of the same kind as a subnet, whose state machine is
 * built in. Accounts hold balances in base units (18 decimals); requesters sign partial
 * operations (transfers, subnet deployments, contract transactions), a validator checks and
 * completes them and appends them to the MSB log, and the MSB's apply charges the fee and
 * records them. Subnet peers read confirmed records from their replica to prove that a
 * {@code tx} op was paid for.
 */
package net.intercomj.host.msb;
