/** The MSB's state: accounts, deployments and settled records in its view, and the rules that change them. */
package net.intercomj.host.msb.state;
