/**
 * The subnet as plugins see it: {@link net.intercomj.api.subnet.Subnet}, its state and the
 * appending of feature data.
 */
package net.intercomj.api.subnet;
