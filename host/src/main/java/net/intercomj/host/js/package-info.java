/**
 * GraalJS apps: a folder with {@code contract.js} and {@code protocol.js}, ES modules written
 * against trac-peer's {@code Contract}, {@code Protocol} and {@code Feature} classes, which the
 * host provides as the module {@code 'trac-peer'}. {@link net.intercomj.host.js.JsApp} turns such a
 * folder into a {@link net.intercomj.api.contract.ContractApp}, so the contract runtime, schemas and
 * version pinning treat it like a Java app; {@link net.intercomj.host.js.JsApps} loads every app
 * folder of an {@code apps/} directory once, and {@link net.intercomj.host.js.JsAppFolder} keeps
 * following the directory while the peer runs.
 *
 * <p>Every contract instance runs in a polyglot context of its own, on one shared
 * {@link net.intercomj.host.js.JsEngine}, under {@code SandboxPolicy.CONSTRAINED}: no host classes,
 * no I/O, no threads, a statement limit per call, and no clock or random numbers
 * ({@code sandbox.js}). The protocol runs in a context of its own; while its {@code customCommand}
 * runs, it reads the subnet's views and this peer's identity through a
 * {@link net.intercomj.host.js.JsProtocolView} ({@link net.intercomj.host.js.JsProtocolBridge}, reads
 * only), which no contract's context has.
 *
 * <p>An app's features ({@code features/*.js}, trac-peer's {@code Feature}) are oracles, not
 * contract code: {@link net.intercomj.host.js.JsFeatures} runs those of the app the subnet pins,
 * each in a context of its own (no host classes or I/O, but the clock) on a virtual thread of its
 * own, appending feature data through the {@code Subnet} service.
 */
package net.intercomj.host.js;
