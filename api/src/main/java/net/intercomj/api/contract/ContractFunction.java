package net.intercomj.api.contract;

/**
 * What a contract runs for one op: a registered function, a feature handler or the chat hook.
 * It reads the op and the state from {@code call}, writes through it, and fails with
 * {@link ContractCall#check} or by throwing {@link ContractFailure}.
 *
 * <p>Any other exception fails the op too; the host records it and the subnet goes on (in
 * trac-peer it stopped the subnet). A failed call's writes are all dropped.
 */
@FunctionalInterface
public interface ContractFunction {

    void run(ContractCall call);
}
