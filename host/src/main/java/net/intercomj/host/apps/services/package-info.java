/** The host's parts as the plugin API's services: the network as links and ports, signature checks. */
package net.intercomj.host.apps.services;
