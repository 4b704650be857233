package net.intercomj.host.apps;

/** A plugin could not be loaded or started; the message names it and says why. */
public final class PluginException extends Exception {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
