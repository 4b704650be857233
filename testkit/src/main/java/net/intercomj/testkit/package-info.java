/**
 * Stand-ins for the host's services, for testing plugins without a peer: an in-memory
 * sidechannel plane ({@link net.intercomj.testkit.FakeSidechannels}), a real Ed25519 wallet and
 * verifier from the JDK ({@link net.intercomj.testkit.TestWallet}), a clock tests move by hand
 * ({@link net.intercomj.testkit.MutableClock}), and a plugin context and a bridge that record
 * what a plugin adds ({@link net.intercomj.testkit.TestPluginContext},
 * {@link net.intercomj.testkit.TestBridge}). A plugin's build takes it with {@code test} scope.
 */
package net.intercomj.testkit;
