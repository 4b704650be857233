/** The peer's identity as plugins see it: public key, {@code trac1…} address, signing. */
package net.intercomj.api.wallet;
