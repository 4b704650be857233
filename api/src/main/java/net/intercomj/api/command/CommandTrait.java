package net.intercomj.api.command;

/**
 * What a command does that a remote caller must not be allowed to do by default. The
 * SC-Bridge refuses commands with any of these traits unless the operator opted in.
 */
public enum CommandTrait {
    /** Prints secret material, e.g. the wallet's secret key. */
    REVEALS_SECRETS,
    /** Stops the peer process. */
    STOPS_PEER
}
