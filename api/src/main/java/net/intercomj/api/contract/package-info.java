/**
 * Contracts: the deterministic state machines a subnet runs in apply, as trac-peer's
 * {@code Contract}/{@code Protocol} pair. An app implements {@link net.intercomj.api.contract.ContractApp},
 * registers its functions, schemas, feature handlers and chat hook on a
 * {@link net.intercomj.api.contract.ContractDefinition}, and reads and writes state through the
 * {@link net.intercomj.api.contract.ContractCall} each handler is given.
 * {@link net.intercomj.api.contract.SafeValues} converts untrusted values (amounts, integers, JSON
 * text) with the semantics of the original's helpers.
 */
package net.intercomj.api.contract;
