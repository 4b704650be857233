package net.intercomj.host.contract.schema;

import java.util.List;

/**
 * The outcome of validating one value: valid when {@link #errors} is empty, otherwise every
 * failed check in the order fastest-validator reports them (the schema's order, depth first).
 */
public record ValidationResult(List<ValidationError> errors) {

    static final ValidationResult VALID = new ValidationResult(List.of());

    public ValidationResult {
        errors = List.copyOf(errors);
    }

    /** Whether every check passed. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** The errors' messages, one after another (for a rejection reason). */
    public String describe() {
        return errors.stream().map(ValidationError::message).collect(java.util.stream.Collectors.joining(" "));
    }
}
