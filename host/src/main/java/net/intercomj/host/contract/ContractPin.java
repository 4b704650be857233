package net.intercomj.host.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.view.ViewReader;

/** The contract app a subnet pins ({@code ctr}): its id and version hash. */
public record ContractPin(String app, String hash) {

    public ContractPin {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(hash, "hash");
    }

    /** The pin in {@code view}, if any. */
    public static Optional<ContractPin> in(ViewReader view) {
        return view.get(ViewKeys.CONTRACT).flatMap(text -> {
            try {
                return of(CanonicalJson.parse(text));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    /** The pin a {@code ctr} value holds. */
    public static Optional<ContractPin> of(JsonNode value) {
        JsonNode app = value.path("app");
        JsonNode hash = value.path("hash");
        return app.isTextual() && hash.isTextual() ? Optional.of(new ContractPin(app.textValue(), hash.textValue()))
                : Optional.empty();
    }
}
