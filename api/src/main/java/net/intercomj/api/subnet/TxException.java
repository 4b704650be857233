package net.intercomj.api.subnet;

/**
 * A contract transaction that was not run or not paid, with the reason a user should read: the
 * peer cannot append, the pinned app does not know the command, the MSB's checks failed
 * ({@code Invalid MSB tx: …}), or no validator answered.
 */
public final class TxException extends Exception {

    public TxException(String message) {
        super(message);
    }
}
