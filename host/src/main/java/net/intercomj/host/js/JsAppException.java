package net.intercomj.host.js;

/**
 * A GraalJS app that cannot be loaded or built: a missing or unreadable file, a bad id, a syntax
 * error, a constructor that throws, a schema that is refused. The message names the app folder
 * or id, the file and line where known, and the reason.
 */
public class JsAppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsAppException(String message) {
        super(message);
    }

    public JsAppException(String message, Throwable cause) {
        super(message, cause);
    }
}
