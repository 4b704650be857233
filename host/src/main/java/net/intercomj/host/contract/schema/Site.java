package net.intercomj.host.contract.schema;

/**
 * Where a rule reports its errors: the field's path, the label that replaces it in messages
 * (null for none), and the message templates of the rule.
 */
record Site(String field, String label, Messages messages) {

    /** What {@code {field}} becomes in a message: the label when there is one. */
    String shown() {
        return label != null ? label : field;
    }
}
