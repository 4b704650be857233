/**
 * Writer logs: each writer's hash-chained, signed entries, their binary form and the checks every
 * entry passes before a peer stores it.
 */
package net.intercomj.host.subnet.log;
