package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The token check. That it runs in constant time comes from {@link java.security.MessageDigest#isEqual},
 * which it uses; a timing measurement here would only be flaky, so this checks what it accepts.
 */
class RpcAuthTest {

    private final BearerAuth auth = new BearerAuth("tökén with space");

    @Test
    void acceptsExactlyTheToken() {
        assertThat(auth.permits("Bearer tökén with space")).isTrue();
        assertThat(auth.permits("BEARER tökén with space")).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(auth.permits(null)).isFalse();
        assertThat(auth.permits("")).isFalse();
        assertThat(auth.permits("Bearer")).isFalse();
        assertThat(auth.permits("Bearer ")).isFalse();
        assertThat(auth.permits("Bearer tökén with spac")).isFalse();
        assertThat(auth.permits("Bearer tökén with space ")).isFalse();
        assertThat(auth.permits("Bearer  tökén with space")).isFalse();
        assertThat(auth.permits("Bearer token with space")).isFalse();
        assertThat(auth.permits("Basic tökén with space")).isFalse();
        assertThat(auth.permits("tökén with space")).isFalse();
    }

    @Test
    void aBlankTokenIsNoAuthentication() {
        assertThatThrownBy(() -> new BearerAuth(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RPC requires --rpc-token (auth is mandatory).");
        assertThatThrownBy(() -> new RpcSettings("127.0.0.1", 0, "", java.util.Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNeverPrintTheToken() {
        assertThat(new RpcSettings("127.0.0.1", 0, "hunter2", java.util.Optional.empty(), 1).toString())
                .doesNotContain("hunter2");
    }
}
