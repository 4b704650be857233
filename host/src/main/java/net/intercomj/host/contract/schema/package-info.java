/**
 * Contract schemas: the fastest-validator dialect in which contracts describe the operations
 * they accept (spec §1.3), compiled by
 * {@link net.intercomj.host.contract.schema.ContractSchema#compile}, checked against each
 * transaction's dispatch object, and exported as JSON Schema for wallets. One rule kind per
 * class behind the sealed {@code Rule}; {@code JsValues}, {@code JsNumbers} and
 * {@code JsRegex} carry the few JavaScript semantics fastest-validator's generated code relies
 * on, so that verdicts and messages match the original's.
 */
package net.intercomj.host.contract.schema;
