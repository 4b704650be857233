package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/** The errors found so far by one validation; made for one call of {@link ContractSchema#validate}, never shared. */
final class Findings {

    private final List<ValidationError> errors = new ArrayList<>();

    /** Records an error without actual or expected value. */
    void add(Site site, String type) {
        add(site, type, MissingNode.getInstance(), MissingNode.getInstance());
    }

    /** Records an error with what was found only. */
    void add(Site site, String type, JsonNode actual) {
        add(site, type, actual, MissingNode.getInstance());
    }

    /** Records an error of {@code type} at {@code site}, its message made from the site's templates. */
    void add(Site site, String type, JsonNode actual, JsonNode expected) {
        String message = site.messages().format(type, site.shown(), expected, actual);
        // A container from the schema (an array's 'contains') must not be handed out to be changed.
        JsonNode shownExpected = expected.isContainerNode() ? expected.deepCopy() : expected;
        errors.add(new ValidationError(site.field(), type, message, actual, shownExpected));
    }

    ValidationResult result() {
        return errors.isEmpty() ? ValidationResult.VALID : new ValidationResult(errors);
    }
}
