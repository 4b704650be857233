package net.intercomj.api.json;

/**
 * A text is not valid JSON. The message names the problem and where it is, e.g.
 * {@code Invalid JSON at offset 12: expected ':' after an object key}.
 */
public final class JsonParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * A parse error.
     *
     * @param offset where the problem is, in UTF-16 code units from the start of the text
     * @param problem what is wrong there
     */
    public JsonParseException(int offset, String problem) {
        super("Invalid JSON at offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Where the problem is, in UTF-16 code units ({@code char}s) from the start of the text. */
    public int offset() {
        return offset;
    }
}
