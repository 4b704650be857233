/**
 * The op types that hand over to the contract installed on the peer: {@code feature}
 * (admin-signed oracle data, spec §2.5.19) and {@code tx} (an MSB-settled contract transaction,
 * spec §2.5.20). Each checks what the subnet defines and then calls
 * {@link net.intercomj.host.subnet.op.ContractCalls}, which the contract runtime implements;
 * {@link net.intercomj.host.subnet.op.contract.ContractOps#all} lists the handlers.
 */
package net.intercomj.host.subnet.op.contract;
