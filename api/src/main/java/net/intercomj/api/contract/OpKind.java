package net.intercomj.api.contract;

/** Which subnet op a contract call runs for. */
public enum OpKind {
    /** A transaction settled on the MSB, calling a registered function. */
    TX,
    /** Admin-signed data a feature appended, calling a feature handler. */
    FEATURE,
    /** A chat message, calling the message handler. */
    MESSAGE
}
