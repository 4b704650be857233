package net.intercomj.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.intercomj.host.wallet.TracAddress;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settlement plane (MSB) end to end, with processes of the assembled distribution: a fresh
 * peer settling on its embedded MSB, and a standalone MSB network of two validators settling two
 * subnets and surviving a validator's restart.
 *
 * <p>Fees (0.03 TNK each): a deployment or transfer gives the validator 75% and burns 25%; a
 * transaction whose requester deployed the subnet gives the validator 50% and burns 50%.
 */
@Timeout(600)
class SettlementIT {

    private static final String APP = "sample-contract";
    private static final String PUBKEY = "Peer pubkey (hex): ";
    private static final String BOOTSTRAP = "Peer subnet bootstrap: ";
    private static final String ADDRESS = "Peer trac address (bech32m): ";
    private static final String PEER_MSB = "MSB network bootstrap: ";
    private static final String MSB_KEY = "MSB validator key (hex): ";
    private static final String MSB_WALLET = "MSB wallet address: ";
    private static final String BROADCASTED = "MSB TX broadcasted: ";
    private static final String CONFIRMED = "MSB TX confirmed: ";
    private static final Pattern EMBEDDED = Pattern.compile("([0-9a-f]{64}) \\(embedded: this peer is its validator\\)");
    /** How long a confirmation may take once every validator is back (a restart, replication, the relay's resubmit). */
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    @Timeout(240)
    void aFreshPeerSimulatesThenPaysAndBothPeersSeeTheResult() throws Exception {
        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        List<PeerProcess> peers = new ArrayList<>();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);

            // No MSB flags: the creator runs an embedded MSB, is funded by its genesis and deploys its subnet.
            PeerProcess creator = PeerProcess.start(work, "alice", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--app", APP);
            peers.add(creator);
            String subnet = creator.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
            PeerProcess joiner = PeerProcess.start(work, "bob", "--dht-bootstrap", dht, "--lan-discovery", "0",
                    "--subnet-bootstrap", subnet);
            peers.add(joiner);
            String creatorKey = creator.awaitStdoutStartingWith(PUBKEY, PeerProcess.STARTUP).substring(PUBKEY.length());
            String creatorAddress = creator.awaitStdoutStartingWith(ADDRESS, PeerProcess.STARTUP).substring(ADDRESS.length());
            String msbLine = creator.awaitStdoutStartingWith(PEER_MSB, PeerProcess.STARTUP).substring(PEER_MSB.length());
            Matcher embedded = EMBEDDED.matcher(msbLine);
            assertThat(embedded.matches()).as("embedded MSB line %s", msbLine).isTrue();
            // The embedded MSB's bootstrap is its validator's writer key: the fee shares go to that key's address.
            String validatorAddress = TracAddress.encode("trac", HexFormat.of().parseHex(embedded.group(1)));
            creator.awaitStdoutLine("Subnet writable: true", PeerProcess.STARTUP);
            creator.awaitStdoutStartingWith("Subnet deployed on the embedded MSB: ", PeerProcess.STARTUP);
            String joinerAddress = joiner.awaitStdoutStartingWith(ADDRESS, PeerProcess.STARTUP).substring(ADDRESS.length());

            JsonNode status = msb(creator);
            assertThat(status.path("isValidator").asBoolean()).isTrue();
            assertThat(status.path("validators").asInt()).isEqualTo(1);
            assertThat(status.path("peerMsbAddress").asText()).isEqualTo(creatorAddress);
            assertThat(status.path("peerMsbBalance").asText()).as("1000 less the deployment's fee").isEqualTo("999.97");

            // A simulation runs the contract and pays nothing.
            assertThat(ask(creator, "/tx --command \"tally 5\" --sim 1", line -> line.startsWith("Simulation OK")))
                    .isEqualTo("Simulation OK: tally runs without error. Nothing was paid or appended.");
            assertThat(ask(creator, "/tx --command \"tally 0\" --sim 1",
                    line -> line.contains("tally takes") || line.startsWith("Command failed") || line.startsWith("Simulation")))
                    .isEqualTo("tally takes 1 to 1000");
            assertThat(msb(creator).path("peerMsbBalance").asText()).isEqualTo("999.97");
            // A command the app does not map is refused before anything is paid.
            assertThat(ask(creator, "/tx --command \"nope\"", line -> line.startsWith("Command failed")))
                    .isEqualTo("Command failed: " + APP + "::tx(): command not found.");

            // The real one: paid, confirmed on the MSB, appended to the subnet.
            String broadcast = ask(creator, "/tx --command \"tally 5\"",
                    line -> line.startsWith(BROADCASTED) || line.startsWith("Command failed"));
            assertThat(broadcast).startsWith(BROADCASTED);
            String tx = broadcast.substring(BROADCASTED.length());
            assertThat(creator.awaitStdoutStartingWith(CONFIRMED + tx, SETTLE))
                    .matches(Pattern.quote(CONFIRMED + tx) + " \\(MSB signed length \\d+\\); appended to the subnet\\.");
            for (PeerProcess peer : peers) {
                awaitGet(peer, "app/sample/tally/" + creatorKey, "5");
                awaitGet(peer, "txl", "1");
            }

            // Deployment 0.03 (validator 0.0225, burned 0.0075), tx 0.03 (validator 0.015, burned 0.015).
            for (PeerProcess peer : peers) {
                awaitBalance(peer, creatorAddress, "999.94");
                awaitBalance(peer, validatorAddress, "0.0375");
                awaitStat(peer, "msb.burned", "0.0225");
                awaitStat(peer, "msb.supply", "1000");
            }
            assertThat(msb(creator).path("peerMsbBalance").asText()).isEqualTo("999.94");

            // Bad transfers through the CLI: a clear refusal, nothing paid.
            assertThat(ask(creator, "/transfer trac1notanaddress 1", line -> line.startsWith("Command failed")))
                    .startsWith("Command failed: Invalid recipient address trac1notanaddress: ");
            assertThat(ask(creator, "/transfer " + joinerAddress + " 5000", line -> line.startsWith("Command failed")
                    || line.startsWith("Transfer confirmed")))
                    .isEqualTo("Command failed: Invalid MSB tx: Insufficient balance for transfer + fee");
            assertThat(balance(creator, creatorAddress)).isEqualTo(creatorAddress + ": 999.94 TNK");
            assertThat(balance(creator, joinerAddress)).isEqualTo(joinerAddress + ": 0 TNK (no account)");
            awaitStat(creator, "msb.burned", "0.0225");
        } catch (AssertionError | ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, peers);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    @Test
    @Timeout(360)
    void aStandaloneMsbWithTwoValidatorsSettlesTwoSubnetsAndSurvivesARestart() throws Exception {
        int port = FreePorts.udp();
        String dht = "127.0.0.1:" + port;
        List<PeerProcess> nodes = new ArrayList<>();
        try (PeerProcess dhtNode = PeerProcess.start(work, "dht-node", "--port", String.valueOf(port))) {
            dhtNode.awaitStdoutStartingWith("DHT node ", PeerProcess.STARTUP);

            // v1 creates the MSB network; v2, A and B join it.
            PeerProcess v1 = PeerProcess.start(work, "msb", "v1", "--dht-bootstrap", dht, "--lan-discovery", "0");
            nodes.add(v1);
            String msbBootstrap = v1.awaitStdoutStartingWith(PEER_MSB, PeerProcess.STARTUP).substring(PEER_MSB.length());
            String[] v2Args = {"msb", "v2", "--dht-bootstrap", dht, "--lan-discovery", "0", "--msb-bootstrap", msbBootstrap};
            PeerProcess v2 = PeerProcess.start(work, v2Args);
            nodes.add(v2);
            PeerProcess a = PeerProcess.start(work, "a", "--dht-bootstrap", dht, "--lan-discovery", "0", "--app", APP,
                    "--msb-bootstrap", msbBootstrap);
            nodes.add(a);
            PeerProcess b = PeerProcess.start(work, "b", "--dht-bootstrap", dht, "--lan-discovery", "0", "--app", APP,
                    "--msb-bootstrap", msbBootstrap);
            nodes.add(b);
            String v1Key = v1.awaitStdoutStartingWith(MSB_KEY, PeerProcess.STARTUP).substring(MSB_KEY.length());
            String v1Wallet = v1.awaitStdoutStartingWith(MSB_WALLET, PeerProcess.STARTUP).substring(MSB_WALLET.length());
            v1.awaitStdoutLine("Validator: true", PeerProcess.STARTUP);
            String v2Key = v2.awaitStdoutStartingWith(MSB_KEY, PeerProcess.STARTUP).substring(MSB_KEY.length());
            String v2Wallet = v2.awaitStdoutStartingWith(MSB_WALLET, PeerProcess.STARTUP).substring(MSB_WALLET.length());
            v2.awaitStdoutLine("Validator: false", PeerProcess.STARTUP);
            assertThat(v1Key).isEqualTo(msbBootstrap);

            // v1's wallet is the MSB's admin: it makes v2 a validator; both then count two.
            v1.type("/add_indexer --key " + v2Key);
            v1.awaitStdoutLine("Indexer added: " + v2Key, PeerProcess.REPLY);
            for (PeerProcess node : List.of(v1, v2)) {
                await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(300))
                        .until(() -> msb(node).path("validators").asInt() == 2 && msb(node).path("isValidator").asBoolean());
            }

            // Two peers, each with a subnet of its own: funded by v1, they deploy and pay for a tally.
            String aAddress = a.awaitStdoutStartingWith(ADDRESS, PeerProcess.STARTUP).substring(ADDRESS.length());
            String bAddress = b.awaitStdoutStartingWith(ADDRESS, PeerProcess.STARTUP).substring(ADDRESS.length());
            String aSubnet = a.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
            String bSubnet = b.awaitStdoutStartingWith(BOOTSTRAP, PeerProcess.STARTUP).substring(BOOTSTRAP.length());
            assertThat(aSubnet).isNotEqualTo(bSubnet);
            for (PeerProcess peer : List.of(a, b)) {
                peer.awaitStdoutLine("Subnet writable: true", PeerProcess.STARTUP);
                assertThat(peer.awaitStdoutStartingWith(PEER_MSB, PeerProcess.STARTUP)).isEqualTo(PEER_MSB + msbBootstrap);
            }
            for (String to : List.of(aAddress, bAddress)) {
                assertThat(ask(v1, "/transfer " + to + " 10", line -> line.startsWith("Transfer confirmed")
                        || line.startsWith("Command failed"), SETTLE)).startsWith("Transfer confirmed: 10 TNK to " + to);
            }
            for (PeerProcess peer : List.of(a, b)) {
                String address = peer == a ? aAddress : bAddress;
                awaitBalance(peer, address, "10");
                assertThat(ask(peer, "/deploy_subnet", line -> line.equals("Subnet deployment confirmed.")
                        || line.startsWith("Command failed"), SETTLE)).isEqualTo("Subnet deployment confirmed.");
                String tx = broadcast(peer, "tally 3");
                peer.awaitStdoutStartingWith(CONFIRMED + tx, SETTLE);
                awaitGet(peer, "txl", "1");
            }

            // v2 goes away: v1 accepts and appends A's next transaction, but alone it cannot confirm it.
            v2.terminate();
            v2.awaitExit(PeerProcess.REPLY);
            long signed = msb(v1).path("msbSignedLength").asLong();
            String pending = broadcast(a, "tally 4");
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(300))
                    .until(() -> msb(v1).path("msbUnsignedLength").asLong() == signed + 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> a.stdout().stream().noneMatch(line -> line.startsWith(CONFIRMED + pending))
                            && msb(v1).path("msbSignedLength").asLong() == signed);

            // v2 is back with its store: the two validators agree and A's transaction reaches its subnet.
            PeerProcess v2Again = PeerProcess.start(work, v2Args);
            nodes.add(v2Again);
            assertThat(v2Again.awaitStdoutStartingWith(MSB_KEY, PeerProcess.STARTUP)).isEqualTo(MSB_KEY + v2Key);
            a.awaitStdoutStartingWith(CONFIRMED + pending, SETTLE);
            awaitGet(a, "txl", "2");

            // Every node holds the same balances, and they add up to the supply less what was burned.
            Map<String, String> accounts = new LinkedHashMap<>();
            accounts.put("A", aAddress);
            accounts.put("B", bAddress);
            accounts.put("v1 wallet", v1Wallet);
            accounts.put("v2 wallet", v2Wallet);
            accounts.put("v1 validator", TracAddress.encode("trac", HexFormat.of().parseHex(v1Key)));
            accounts.put("v2 validator", TracAddress.encode("trac", HexFormat.of().parseHex(v2Key)));
            List<PeerProcess> all = List.of(v1, v2Again, a, b);
            Map<String, BigDecimal> balances = new LinkedHashMap<>();
            for (Map.Entry<String, String> account : accounts.entrySet()) {
                await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    List<String> seen = new ArrayList<>();
                    for (PeerProcess node : all) {
                        seen.add(balance(node, account.getValue()));
                    }
                    assertThat(seen).as(account.getKey() + " on v1, v2, A, B").containsOnly(seen.getFirst());
                });
                balances.put(account.getKey(), amount(balance(v1, account.getValue())));
            }
            // v1 paid 2 × 10.03; A paid 3 fees, B 2.
            assertThat(balances.get("v1 wallet")).isEqualByComparingTo("979.94");
            assertThat(balances.get("A")).isEqualByComparingTo("9.91");
            assertThat(balances.get("B")).isEqualByComparingTo("9.94");
            await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<String> supplies = new ArrayList<>();
                List<String> burns = new ArrayList<>();
                for (PeerProcess node : all) {
                    supplies.add(stat(node, "msb.supply"));
                    burns.add(stat(node, "msb.burned"));
                }
                assertThat(supplies).containsOnly("1000");
                // 2 transfers and 2 deployments burn 0.0075 each, 3 transactions 0.015 each.
                assertThat(burns).containsOnly("0.075");
            });
            BigDecimal sum = balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("every balance %s", balances)
                    .isEqualByComparingTo(new BigDecimal(stat(v1, "msb.supply")).subtract(new BigDecimal(stat(v1, "msb.burned"))));
            // 2 transfers and 2 deployments give 0.0225 each, 3 transactions 0.015 each.
            assertThat(balances.get("v1 validator").add(balances.get("v2 validator")))
                    .as("the validators' fee shares").isEqualByComparingTo("0.135");
        } catch (AssertionError | ConditionTimeoutException e) {
            throw PeerProcess.withLogs(e, nodes);
        } finally {
            nodes.forEach(PeerProcess::close);
        }
    }

    /** Types {@code command} and returns the first line after it that {@code answer} accepts. */
    private static String ask(PeerProcess peer, String command, Predicate<String> answer) throws IOException {
        return ask(peer, command, answer, PeerProcess.REPLY);
    }

    private static String ask(PeerProcess peer, String command, Predicate<String> answer, Duration within)
            throws IOException {
        int from = peer.stdout().size();
        peer.type(command);
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> peer.stdout().stream().skip(from).anyMatch(answer));
        return peer.stdout().stream().skip(from).filter(answer).findFirst().orElseThrow();
    }

    /** {@code /tx --command "<command>"}: its broadcast line's tx hash. */
    private static String broadcast(PeerProcess peer, String command) throws IOException {
        String line = ask(peer, "/tx --command \"" + command + "\"",
                answer -> answer.startsWith(BROADCASTED) || answer.startsWith("Command failed"), SETTLE);
        assertThat(line).startsWith(BROADCASTED);
        return line.substring(BROADCASTED.length());
    }

    /** {@code /msb} as JSON. */
    private static JsonNode msb(PeerProcess peer) throws IOException {
        String line = ask(peer, "/msb", answer -> answer.startsWith("{") && answer.contains("\"msbSignedLength\""));
        return JSON.readTree(line);
    }

    /** {@code /get_balance <address>}: the whole line. */
    private static String balance(PeerProcess peer, String address) throws IOException {
        return ask(peer, "/get_balance " + address,
                answer -> answer.startsWith(address + ": ") || answer.startsWith("Command failed"));
    }

    private static BigDecimal amount(String balanceLine) {
        Matcher matcher = Pattern.compile("trac1[0-9a-z]+: ([0-9.]+) TNK( \\(no account\\))?").matcher(balanceLine);
        assertThat(matcher.matches()).as("balance line %s", balanceLine).isTrue();
        return new BigDecimal(matcher.group(1));
    }

    private static void awaitBalance(PeerProcess peer, String address, String expected) {
        await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(balance(peer, address)).isEqualTo(address + ": " + expected + " TNK"));
    }

    /** The value of the {@code /stats} line {@code name}. */
    private static String stat(PeerProcess peer, String name) {
        try {
            return ask(peer, "/stats", answer -> answer.startsWith(name + ": ")).substring(name.length() + 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitStat(PeerProcess peer, String name, String expected) {
        await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(stat(peer, name)).isEqualTo(expected));
    }

    /** Asks {@code /get --key key} until the confirmed view holds {@code expected}. */
    private static void awaitGet(PeerProcess peer, String key, String expected) {
        await().atMost(PeerProcess.REPLY).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    int from = peer.stdout().size();
                    peer.type("/get --key " + key);
                    // /stats ends the answer: the /get value is printed before its lines.
                    peer.type("/stats");
                    peer.awaitStdoutStartingWith("uptime: ", PeerProcess.REPLY, from);
                    return peer.stdout().subList(from, peer.stdout().size()).contains(expected);
                });
    }
}
