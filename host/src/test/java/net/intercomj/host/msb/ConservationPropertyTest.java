package net.intercomj.host.msb;

import static net.intercomj.host.msb.MsbFixture.HEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.GenesisOp;
import net.intercomj.host.msb.state.SettleOp;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.host.wallet.TracAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded random run of settlement ops through the MSB's applier: transfers (valid, overdrawn,
 * to new accounts, to self, to the validator, to malformed addresses), deployments (some twice,
 * some of the MSB itself), transactions (some of undeployed subnets, some with a wrong MSB
 * bootstrap), replays, ops gone stale when the validators change, completions appended by the
 * wrong validator, and garbage (every single-field change of a valid completed op, broken JSON).
 *
 * <p>After every op: the sum of all balances plus what was burned is the genesis supply; no
 * balance is negative or above 2^128 − 1; a rejected op left the state exactly as it was; the
 * validator's partial check and apply agree; and the state matches a model of the fee rules of
 * spec §4.5, kept apart from the implementation.
 */
class ConservationPropertyTest {

    private static final int OPS = 300;
    private static final BigInteger FEE = Amounts.FEE;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void supplyIsConserved(long seed) {
        new Run(seed).run();
    }

    /** One seeded run: the fixture, the generator and the model. */
    private static final class Run {

        private final long seed;
        private final Random random;
        private final MsbFixture msb;
        private final String msbHex;
        private final List<PeerWallet> validators = new ArrayList<>();
        /** A key that is no writer of the MSB. */
        private final PeerWallet stranger;
        private final List<PeerWallet> wallets = new ArrayList<>();
        private final List<String> subnets = new ArrayList<>();
        /** Completed ops that were settled, to replay. */
        private final List<SettlementOp> settledOps = new ArrayList<>();
        /** Partial ops built and not yet settled (they may go stale). */
        private final List<SettlementOp> pending = new ArrayList<>();

        // the model
        private final Map<String, BigInteger> balances = new TreeMap<>();
        private final Map<String, String> deployments = new HashMap<>();
        private final Set<String> settled = new HashSet<>();
        private BigInteger burned = BigInteger.ZERO;
        private long length;

        private int applied;
        private final Map<String, Integer> rejections = new TreeMap<>();

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed * 7919);
            BigInteger supply = switch (random.nextInt(4)) {
                case 0 -> Amounts.MAX;
                case 1 -> BigInteger.valueOf(30 + random.nextInt(300)).multiply(FEE);
                default -> new BigInteger(70, random).add(Amounts.ONE);
            };
            this.msb = new MsbFixture(seed, supply);
            this.msbHex = msb.msbBootstrap().toHex();
            this.stranger = msb.wallet();
            validators.add(msb.validator);
            wallets.add(msb.holder);
            wallets.add(msb.validator);
            for (int i = 0; i < 5; i++) {
                wallets.add(msb.wallet());
            }
            for (int i = 0; i < 4; i++) {
                subnets.add(msb.hex32());
            }
            balances.put(msb.holder.address(), supply);
            if (random.nextBoolean()) {
                addValidator();
            }
            checkInvariants("genesis");
        }

        void run() {
            for (int step = 0; step < OPS; step++) {
                String what = step(step);
                checkInvariants("step " + step + " (" + what + ")");
            }
            // the runs must exercise both sides, and many of the reasons to refuse
            assertThat(applied).as("seed %d applied ops", seed).isGreaterThan(OPS / 10);
            assertThat(rejections.values().stream().mapToInt(Integer::intValue).sum()).as("seed %d rejected ops", seed)
                    .isGreaterThan(OPS / 10);
            assertThat(rejections).as("seed %d reasons", seed).hasSizeGreaterThan(12);
        }

        private String step(int step) {
            int dice = random.nextInt(100);
            if (dice < 30) {
                return semantic(transfer());
            } else if (dice < 40) {
                return semantic(deployment());
            } else if (dice < 58) {
                return semantic(transaction());
            } else if (dice < 64) {
                return replay();
            } else if (dice < 70) {
                SettlementOp op = switch (random.nextInt(3)) {
                    case 0 -> transfer();
                    case 1 -> deployment();
                    default -> transaction();
                };
                pending.add(op);
                return "built for later";
            } else if (dice < 76 && !pending.isEmpty()) {
                return semantic(pending.remove(random.nextInt(pending.size())));
            } else if (dice < 77 && validators.size() < 4) {
                addValidator();
                return "validator added";
            } else if (dice < 84) {
                return wrongValidator();
            } else {
                return garbage();
            }
        }

        // ---- generators

        private PeerWallet anyWallet() {
            if (random.nextInt(10) == 0) {
                PeerWallet fresh = msb.wallet();
                wallets.add(fresh);
                return fresh;
            }
            return wallets.get(random.nextInt(wallets.size()));
        }

        /** A wallet with an account, most of the time. */
        private PeerWallet requester() {
            if (random.nextInt(5) > 0) {
                List<PeerWallet> funded = wallets.stream().filter(w -> balances.getOrDefault(w.address(), BigInteger.ZERO).compareTo(FEE) >= 0).toList();
                if (!funded.isEmpty()) {
                    return funded.get(random.nextInt(funded.size()));
                }
            }
            return anyWallet();
        }

        private Transfer transfer() {
            PeerWallet from = requester();
            String to = switch (random.nextInt(12)) {
                case 0 -> from.address();
                case 1 -> validators.get(random.nextInt(validators.size())).address();
                case 2 -> "trac1" + randomLetters(1 + random.nextInt(60));
                case 3 -> TracAddress.encode("testtrac", msb.bytes(32));
                case 4, 5 -> {
                    PeerWallet fresh = msb.wallet();
                    wallets.add(fresh);
                    yield fresh.address();
                }
                default -> anyWallet().address();
            };
            BigInteger balance = balances.getOrDefault(from.address(), BigInteger.ZERO);
            BigInteger room = balance.subtract(FEE);
            BigInteger amount = switch (random.nextInt(6)) {
                case 0 -> room.max(BigInteger.ONE);
                case 1 -> room.add(BigInteger.ONE).max(BigInteger.ONE);
                case 2 -> new BigInteger(1 + random.nextInt(128), random).max(BigInteger.ONE);
                default -> room.signum() > 0 ? new BigInteger(room.bitLength(), random).mod(room).add(BigInteger.ONE)
                        : BigInteger.valueOf(1 + random.nextInt(1000));
            };
            return msb.transfer(from, to, amount);
        }

        private Deployment deployment() {
            PeerWallet from = requester();
            String bs = random.nextInt(20) == 0 ? msbHex : subnets.get(random.nextInt(subnets.size()));
            return msb.deployment(from, msb.txv(), bs, msb.hex32());
        }

        private TxSettlement transaction() {
            PeerWallet from = requester();
            String bs = random.nextInt(20) == 0 ? msbHex : subnets.get(random.nextInt(subnets.size()));
            String mbs = random.nextInt(20) == 0 ? msb.hex32() : msbHex;
            return msb.tx(from, msb.txv(), msb.hex32(), bs, mbs);
        }

        private String randomLetters(int length) {
            String alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return out.toString();
        }

        private void addValidator() {
            Map<String, Optional<String>> before = msb.state();
            PeerWallet added = msb.addValidator();
            validators.add(added);
            wallets.add(added);
            assertThat(msb.state()).isNotEqualTo(before);
        }

        // ---- ops and their expected outcome

        /** Validates, completes and settles {@code op} with a random validator; the model says what must happen. */
        private String semantic(SettlementOp op) {
            PeerWallet validator = validators.get(random.nextInt(validators.size()));
            boolean expected = model(op, validator);
            boolean partialPasses;
            try {
                msb.validate(op, validator);
                partialPasses = true;
            } catch (SettlementRejected e) {
                partialPasses = false;
            }
            assertThat(partialPasses).as("seed %d: the validator's check of %s", seed, op).isEqualTo(expected);
            SettlementOp completed = msb.complete(op, validator);
            OpResult result = apply(validator, SettleOp.wrap(completed), expected);
            if (result instanceof OpResult.Applied) {
                settledOps.add(completed);
            }
            return op.kind() + (expected ? " applied" : " rejected");
        }

        private String replay() {
            if (settledOps.isEmpty()) {
                return garbage();
            }
            SettlementOp old = settledOps.get(random.nextInt(settledOps.size()));
            PeerWallet appender = appenderOf(old);
            if (random.nextBoolean() && validators.size() > 0) {
                // completed afresh, maybe by another validator
                PeerWallet other = validators.get(random.nextInt(validators.size()));
                SettlementOp unsealed = withoutSeal(old);
                if (!other.address().equals(old.address())) {
                    old = msb.complete(unsealed, other);
                    appender = other;
                }
            }
            apply(appender, SettleOp.wrap(old), false);
            return "replay";
        }

        /** Completed by one validator, appended by another (or by a key that is no writer). */
        private String wrongValidator() {
            SettlementOp op = switch (random.nextInt(3)) {
                case 0 -> transfer();
                case 1 -> deployment();
                default -> transaction();
            };
            PeerWallet completer = validators.get(random.nextInt(validators.size()));
            SettlementOp completed = msb.complete(op, completer);
            List<PeerWallet> others = validators.stream().filter(v -> v != completer).toList();
            PeerWallet appender = others.isEmpty() || random.nextBoolean() ? stranger : others.get(random.nextInt(others.size()));
            apply(appender, SettleOp.wrap(completed), false);
            return "completed by another validator";
        }

        private String garbage() {
            PeerWallet appender = validators.get(random.nextInt(validators.size()));
            switch (random.nextInt(6)) {
                case 0 -> {
                    String text = switch (random.nextInt(5)) {
                        case 0 -> "{";
                        case 1 -> "null";
                        case 2 -> "[]";
                        case 3 -> "{\"type\":\"settle\"}";
                        default -> "{\"type\":\"settle\",\"op\":" + random.nextInt() + "}";
                    };
                    Map<String, Optional<String>> before = msb.state();
                    assertThat(msb.appendText(appender, text)).isInstanceOf(OpResult.Rejected.class);
                    assertThat(msb.state()).isEqualTo(before);
                    count(new OpResult.Rejected("garbage text"));
                    return "garbage text";
                }
                case 1 -> {
                    apply(validators.get(0), GenesisOp.of(TracAddress.encode("trac", msb.bytes(32)), Amounts.ONE), false);
                    return "second genesis";
                }
                case 2 -> {
                    apply(appender, SettleOp.wrap(transfer()), false);
                    return "unsealed";
                }
                default -> {
                    // one field of a valid completed op changed: every field is under a signature
                    SettlementOp op = switch (random.nextInt(3)) {
                        case 0 -> transfer();
                        case 1 -> deployment();
                        default -> transaction();
                    };
                    ObjectNode json = SettlementOpCodec.write(msb.complete(op, appender));
                    ObjectNode body = (ObjectNode) json.get(switch (op) {
                        case Transfer t -> "tro";
                        case Deployment d -> "bdo";
                        case TxSettlement x -> "txo";
                    });
                    List<String> fields = new ArrayList<>();
                    body.fieldNames().forEachRemaining(fields::add);
                    fields.add("address");
                    String field = fields.get(random.nextInt(fields.size()));
                    ObjectNode target = field.equals("address") ? json : body;
                    target.put(field, mutate(target.get(field).textValue()));
                    ObjectNode settle = JsonNodeFactory.instance.objectNode().put("type", SettleOp.TYPE);
                    settle.set("op", json);
                    apply(appender, settle, false);
                    return "mutated " + field;
                }
            }
        }

        /** A different value of the same shape: another address, or hex of the same length with one digit changed. */
        private String mutate(String value) {
            if (value.startsWith("trac")) {
                return TracAddress.encode("trac", msb.bytes(32));
            }
            char[] chars = value.toCharArray();
            int at = random.nextInt(chars.length);
            String digits = "0123456789abcdef";
            chars[at] = digits.charAt((digits.indexOf(chars[at]) + 1 + random.nextInt(15)) % 16);
            return new String(chars);
        }

        private PeerWallet appenderOf(SettlementOp completed) {
            String va = completed.seal().orElseThrow().address();
            return validators.stream().filter(v -> v.address().equals(va)).findFirst().orElseThrow();
        }

        private static SettlementOp withoutSeal(SettlementOp op) {
            return switch (op) {
                case Transfer t -> new Transfer(t.address(), t.tx(), t.txv(), t.to(), t.am(), t.nonce(), t.signature(),
                        Optional.empty());
                case Deployment d -> new Deployment(d.address(), d.tx(), d.txv(), d.bs(), d.ic(), d.nonce(),
                        d.signature(), Optional.empty());
                case TxSettlement x -> new TxSettlement(x.address(), x.tx(), x.txv(), x.iw(), x.ch(), x.bs(), x.mbs(),
                        x.nonce(), x.signature(), Optional.empty());
            };
        }

        private OpResult apply(PeerWallet appender, JsonNode appended, boolean expected) {
            Map<String, Optional<String>> before = msb.state();
            OpResult result = msb.append(appender, appended);
            count(result);
            if (result instanceof OpResult.Rejected) {
                assertThat(msb.state()).as("seed %d: a rejected op changes nothing", seed).isEqualTo(before);
            }
            assertThat(result instanceof OpResult.Applied)
                    .as("seed %d: %s → %s", seed, appended, result).isEqualTo(expected);
            if (expected) {
                SettlementOp settled = SettlementOpCodec.parse(appended.get("op"));
                effects(settled, appender);
            }
            return result;
        }

        private void count(OpResult result) {
            if (result instanceof OpResult.Rejected rejected) {
                String reason = rejected.reason().replaceAll("[0-9a-f]{64}|trac1[a-z0-9]+", "…");
                rejections.merge(reason, 1, Integer::sum);
            } else {
                applied++;
            }
        }

        // ---- the model (spec §4.4, §4.5), apart from SettlementChecks

        private boolean model(SettlementOp op, PeerWallet validator) {
            String requester = op.address();
            if (requester.equals(validator.address()) || !op.txv().equals(msb.txv()) || settled.contains(op.tx())) {
                return false;
            }
            BigInteger balance = balances.get(requester);
            return switch (op) {
                case Transfer t -> {
                    if (!validAddress(t.to()) || balance == null) {
                        yield false;
                    }
                    BigInteger amount = new BigInteger(1, HEX.parseHex(t.am()));
                    BigInteger cost = t.to().equals(requester) ? FEE : amount.add(FEE);
                    yield balance.compareTo(cost) >= 0;
                }
                case Deployment d -> !d.bs().equals(msbHex) && !deployments.containsKey(d.bs()) && balance != null
                        && balance.compareTo(FEE) >= 0;
                case TxSettlement x -> !x.bs().equals(msbHex) && x.mbs().equals(msbHex)
                        && deployments.containsKey(x.bs()) && balance != null && balance.compareTo(FEE) >= 0;
            };
        }

        private static boolean validAddress(String address) {
            try {
                TracAddress.decode("trac", address);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private void effects(SettlementOp op, PeerWallet validator) {
            String requester = op.address();
            String va = validator.address();
            BigInteger half = FEE.divide(BigInteger.TWO);
            BigInteger quarter = FEE.divide(BigInteger.valueOf(4));
            switch (op) {
                case Transfer t -> {
                    BigInteger amount = new BigInteger(1, HEX.parseHex(t.am()));
                    boolean self = t.to().equals(requester);
                    move(requester, (self ? FEE : amount.add(FEE)).negate());
                    if (!self) {
                        move(t.to(), amount);
                    }
                    move(va, FEE.subtract(quarter));
                    burned = burned.add(quarter);
                }
                case Deployment d -> {
                    move(requester, FEE.negate());
                    move(va, FEE.subtract(quarter));
                    burned = burned.add(quarter);
                    deployments.put(d.bs(), requester);
                }
                case TxSettlement x -> {
                    move(requester, FEE.negate());
                    String deployer = deployments.get(x.bs());
                    if (deployer.equals(requester)) {
                        move(va, half);
                        burned = burned.add(half);
                    } else if (deployer.equals(va)) {
                        move(va, FEE.subtract(quarter));
                        burned = burned.add(quarter);
                    } else {
                        move(va, half);
                        move(deployer, quarter);
                        burned = burned.add(quarter);
                    }
                }
            }
            settled.add(op.tx());
            length++;
        }

        private void move(String address, BigInteger delta) {
            balances.merge(address, delta, BigInteger::add);
        }

        // ---- after every op

        private void checkInvariants(String when) {
            Map<String, BigInteger> actual = msb.balances();
            BigInteger total = actual.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(total.add(msb.burned())).as("seed %d, %s: balances + burned = supply", seed, when)
                    .isEqualTo(msb.supply);
            assertThat(msb.ledger().supply()).isEqualTo(msb.supply);
            assertThat(actual.values()).as("seed %d, %s: balances in range", seed, when)
                    .allMatch(Amounts::inRange);
            assertThat(actual).as("seed %d, %s: balances as the model", seed, when).isEqualTo(balances);
            assertThat(msb.burned()).as("seed %d, %s: burned as the model", seed, when).isEqualTo(burned);
            assertThat(msb.length()).as("seed %d, %s: length", seed, when).isEqualTo(length);
            for (Map.Entry<String, String> deployment : deployments.entrySet()) {
                assertThat(msb.ledger().deployment(deployment.getKey()).orElseThrow().deployer())
                        .isEqualTo(deployment.getValue());
            }
        }
    }
}
