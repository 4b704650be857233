package net.intercomj.host.net.mux;

/** Why a channel closed. */
public sealed interface CloseReason {

    /** This side called {@link Channel#close()}. */
    record LocalClose() implements CloseReason {}

    /** The other side closed the channel. */
    record RemoteClose() implements CloseReason {}

    /** The other side has no use for the channel (unknown protocol, or it declined). */
    record Rejected() implements CloseReason {}

    /** The channel's handler threw. */
    record HandlerFailed(Throwable cause) implements CloseReason {}

    /** The connection under the channel ended, cleanly or not. */
    record ConnectionClosed(String detail) implements CloseReason {}
}
