package net.intercomj.api.network;

/** Hears of links to peers opening and closing. */
public interface LinkListener {

    /** A link is open (or was already open when the listener was added). */
    void onLink(PeerLink link);

    /** A link has closed; its ports are closed too. */
    default void onLinkClosed(PeerLink link) {}
}
