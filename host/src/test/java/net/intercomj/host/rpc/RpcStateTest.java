package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.rpc.handlers.StateHandler;
import net.intercomj.host.subnet.view.ViewReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/state} over two fake views whose values differ. */
@Timeout(60)
class RpcStateTest {

    private static final Map<String, String> CONFIRMED = Map.of("admin", "\"aa\"", "app/n", "1",
            "app/a b/ü", "{\"x\":[1,null]}");
    private static final Map<String, String> UNCONFIRMED = Map.of("admin", "\"aa\"", "app/n", "2", "app/new", "true");

    private TestRpc rpc;

    @BeforeEach
    void start() {
        ViewReader confirmed = key -> Optional.ofNullable(CONFIRMED.get(key));
        ViewReader unconfirmed = key -> Optional.ofNullable(UNCONFIRMED.get(key));
        rpc = TestRpc.start(List.of(new StateHandler(() -> confirmed, () -> unconfirmed)));
    }

    @AfterEach
    void close() {
        rpc.close();
    }

    private String state(String query) throws Exception {
        HttpResponse<String> response = rpc.get("/v1/state?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return response.body();
    }

    private void badRequest(String query, String message) throws Exception {
        HttpResponse<String> response = rpc.get("/v1/state" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.body()).as(query).isEqualTo("{\"error\":\"" + message + "\"}");
    }

    @Test
    void confirmedIsTheDefault() throws Exception {
        assertThat(state("key=app/n")).isEqualTo("{\"key\":\"app/n\",\"confirmed\":true,\"value\":1}");
        assertThat(state("key=app/n&confirmed=true")).isEqualTo("{\"key\":\"app/n\",\"confirmed\":true,\"value\":1}");
    }

    @Test
    void unconfirmedReadsTheLatestView() throws Exception {
        assertThat(state("key=app/n&confirmed=false")).isEqualTo("{\"key\":\"app/n\",\"confirmed\":false,\"value\":2}");
        assertThat(state("confirmed=false&key=app/new")).isEqualTo("{\"key\":\"app/new\",\"confirmed\":false,\"value\":true}");
        assertThat(state("key=app/new")).isEqualTo("{\"key\":\"app/new\",\"confirmed\":true,\"value\":null}");
    }

    @Test
    void aKeyThatIsNotSetIsNull() throws Exception {
        assertThat(state("key=nope")).isEqualTo("{\"key\":\"nope\",\"confirmed\":true,\"value\":null}");
    }

    @Test
    void valuesAreJsonAndKeysAreUrlDecoded() throws Exception {
        String key = URLEncoder.encode("app/a b/ü", StandardCharsets.UTF_8);
        assertThat(TestRpc.json(state("key=" + key))).isEqualTo(
                TestRpc.json("{\"key\":\"app/a b/ü\",\"confirmed\":true,\"value\":{\"x\":[1,null]}}"));
        assertThat(TestRpc.json(state("key=app%2Fa%20b%2F%C3%BC&key=other")).path("value").path("x").size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?", "?key=", "?confirmed=true", "?keys=app/n"})
    void aMissingKeyIs400(String query) throws Exception {
        badRequest(query, "Missing key.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "TRUE", "False", "yes", "", "true%20", "%20true"})
    void confirmedMustBeTrueOrFalse(String value) throws Exception {
        badRequest("?key=app/n&confirmed=" + value, "Invalid confirmed. Use true or false.");
    }
}
