package net.intercomj.host.contract.schema;

/**
 * A contract schema that cannot be compiled: an unknown rule type, an option of the wrong type, a
 * pattern that is not a regular expression, or a feature this port does not support. The
 * message names the field of the schema (dotted like validation errors, {@code []} for the items
 * of an array) and what is wrong with it.
 */
public final class SchemaException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The field of the schema at fault; empty for the schema as a whole. */
    private final String field;

    public SchemaException(String field, String problem) {
        super(field.isEmpty() ? problem : problem + " (field '" + field + "')");
        this.field = field;
    }

    /** The field of the schema at fault, dotted; empty for the schema as a whole. */
    public String field() {
        return field;
    }
}
