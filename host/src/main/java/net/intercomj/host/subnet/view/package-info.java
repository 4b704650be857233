/**
 * The subnet's key/value state: the confirmed view on disk, which only moves forward one whole
 * confirmed batch at a time, and the unconfirmed view, an in-memory overlay on top of it.
 */
package net.intercomj.host.subnet.view;
