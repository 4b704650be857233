package net.intercomj.host.subnet.log;

/** An entry that must not be stored, and why; the message names the entry and the reason. */
public final class EntryException extends Exception {

    public EntryException(String message) {
        super(message);
    }
}
