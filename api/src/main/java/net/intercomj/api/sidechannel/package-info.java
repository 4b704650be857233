/**
 * The sidechannel plane as a service: {@link net.intercomj.api.sidechannel.Sidechannels}, the
 * messages it delivers and the settings it runs with.
 */
package net.intercomj.api.sidechannel;
