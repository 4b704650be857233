package net.intercomj.sample;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractCall;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonNumber;
import net.intercomj.api.json.JsonObject;

/**
 * The sample contract app: a small app that uses every part of the contract model once.
 *
 * <ul>
 *   <li>{@value #TALLY}, a plain function ({@code addFunction}): adds an integer from 1 to
 *       {@value #MAX_TALLY_STEP} to the requester's tally, {@code app/sample/tally/<address>}.
 *       It checks its input itself, as a function without a schema must.
 *   <li>{@value #SET_PROFILE}, a schema-checked function ({@code addSchema}): stores the
 *       requester's profile {@code {"name", "color"}} at {@code app/sample/profile/<address>}.
 *       The host checks the input against {@link #PROFILE_SCHEMA} before the function runs.
 *   <li>{@value #CLOCK_FEATURE}, a feature handler: keeps the latest clock reading (epoch
 *       milliseconds) the admin's clock feature appended, at {@value #CLOCK}.
 *   <li>the chat hook: keeps the last message at {@value #LAST_MESSAGE} and each author's
 *       number of messages at {@code app/sample/messages/<address>}, and refuses a message
 *       whose text is exactly that of the last message posted (by anyone): the app's
 *       anti-repeat rule.
 *   <li>{@link #mapTxCommand}: {@code tally <n>} and {@code profile <name> <color>}.
 * </ul>
 *
 * <p>Every handler is deterministic: it reads only the op and the state through its
 * {@link ContractCall}, and builds its failure messages from them, because every peer applies
 * the same ops and must reach the same state and record the same failures.
 */
public final class SampleApp implements ContractApp {

    /** The plain function's type. */
    public static final String TALLY = "tally";

    /** The schema-checked function's type. */
    public static final String SET_PROFILE = "set_profile";

    /** The feature handler's type: {@code <featureKey>_feature}, as features append under. */
    public static final String CLOCK_FEATURE = "clock_feature";

    /** Where the app keeps its state: every key it writes starts with this. */
    public static final String PREFIX = "app/sample/";

    /** The latest clock reading, a number (epoch milliseconds). */
    public static final String CLOCK = PREFIX + "clock";

    /** The last chat message, {@code {"address": <author>, "msg": <text>}}. */
    public static final String LAST_MESSAGE = PREFIX + "last_message";

    /** The largest amount one {@value #TALLY} call adds. */
    public static final long MAX_TALLY_STEP = 1000;

    /** The colors a profile may name (an immutable list: a contract keeps no mutable static state). */
    static final List<String> COLORS = List.of("red", "green", "blue");

    /**
     * The dispatch of {@value #SET_PROFILE}: {@code {type, value: {name, color}}}. {@code $$strict}
     * on the nested value object refuses any other property there (the host honours it at every
     * level, unlike fastest-validator). Shorthand rules and a full rule object are both shown.
     */
    static final JsonObject PROFILE_SCHEMA = Json.object()
            .put("value", Json.object()
                    .put("$$type", "object")
                    .put("$$strict", true)
                    .put("name", "string|min:1|max:32")
                    .put("color", Json.object()
                            .put("type", "enum")
                            .put("values", Json.array(COLORS.stream().map(Json::of).toList()))
                            .build())
                    .build())
            .build();

    /** The tally of {@code address}. */
    public static String tallyKey(String address) {
        return PREFIX + "tally/" + address;
    }

    /** The profile of {@code address}. */
    public static String profileKey(String address) {
        return PREFIX + "profile/" + address;
    }

    /** The number of chat messages {@code address} posted. */
    public static String messageCountKey(String address) {
        return PREFIX + "messages/" + address;
    }

    @Override
    public void define(ContractDefinition contract) {
        contract.addFunction(TALLY, SampleApp::tally);
        contract.addSchema(SET_PROFILE, PROFILE_SCHEMA, SampleApp::setProfile);
        contract.addFeature(CLOCK_FEATURE, SampleApp::clock);
        contract.messageHandler(SampleApp::message);
    }

    /**
     * {@value #TALLY}: no schema guards this function, so it checks the input itself, with
     * {@code check} rather than a typed reader, whose exception would be recorded as
     * {@code Error in contract: …} instead of a plain message.
     */
    static void tally(ContractCall call) {
        Json value = call.value();
        call.check(value instanceof JsonNumber number && number.isIntegral(), "tally takes an integer");
        BigInteger step = value.asBigInteger();
        call.check(step.signum() > 0 && step.compareTo(BigInteger.valueOf(MAX_TALLY_STEP)) <= 0,
                "tally takes 1 to " + MAX_TALLY_STEP);
        String key = tallyKey(call.address());
        // A BigInteger sum cannot overflow, however many calls come.
        BigInteger current = call.get(key).map(Json::asBigInteger).orElse(BigInteger.ZERO);
        call.put(key, Json.of(current.add(step)));
    }

    /**
     * {@value #SET_PROFILE}: the schema already guarantees {@code value} is an object with
     * exactly a 1-32 character {@code name} and a known {@code color}, so the typed readers
     * cannot fail here.
     */
    static void setProfile(ContractCall call) {
        JsonObject profile = call.value().asObject();
        call.put(profileKey(call.address()), Json.object()
                .put("name", profile.string("name"))
                .put("color", profile.string("color"))
                .build());
    }

    /**
     * {@value #CLOCK_FEATURE}: keeps the newest reading. A reading that is not newer than the
     * one kept is refused, so the kept time never goes back even if readings are appended out
     * of order; the host only runs this for data the subnet's admin signed.
     */
    static void clock(ContractCall call) {
        Json value = call.value();
        call.check(value instanceof JsonNumber number && number.isIntegral() && number.value().signum() >= 0,
                "clock_feature takes epoch milliseconds, a non-negative integer");
        BigInteger reading = value.asBigInteger();
        Optional<BigInteger> kept = call.get(CLOCK).map(Json::asBigInteger);
        if (kept.isPresent()) {
            call.check(reading.compareTo(kept.get()) > 0, "clock reading " + reading + " is not newer than " + kept.get());
        }
        call.put(CLOCK, Json.of(reading));
    }

    /**
     * The chat hook. The rule: a message whose text is exactly that of the last message
     * posted (by anyone) is refused, so one line cannot be posted twice in a row. It reads only
     * the message and the state, so every peer refuses the same messages. The subnet
     * has already checked the message (signature, chat on, not muted) when this runs; if the
     * check fails the message is not posted and none of these writes is kept.
     */
    static void message(ContractCall call) {
        JsonObject op = call.op();
        String text = op.string("msg");
        Optional<Json> last = call.get(LAST_MESSAGE);
        call.check(last.isEmpty() || !last.get().asObject().string("msg").equals(text),
                "the same text as the last message is refused");
        call.put(LAST_MESSAGE, Json.object().put("address", call.address()).put("msg", text).build());
        String countKey = messageCountKey(call.address());
        long count = call.get(countKey).map(Json::asLong).orElse(0L);
        call.put(countKey, Json.of(count + 1));
    }

    /**
     * The protocol side: {@code /tx --command "tally 5"} sends {@code {type: "tally", value: 5}},
     * {@code /tx --command "profile ada blue"} sends {@code {type: "set_profile", value: {name:
     * "ada", color: "blue"}}}. Any other text means nothing to this app. Only the form is
     * checked here; the contract checks the values, since anyone can send any op.
     */
    @Override
    public Optional<TxCommand> mapTxCommand(String command) {
        String[] words = command.trim().split("\\s+");
        if (words.length == 2 && words[0].equals("tally") && words[1].matches("-?[0-9]{1,18}")) {
            return Optional.of(new TxCommand(TALLY, Json.of(Long.parseLong(words[1]))));
        }
        if (words.length == 3 && words[0].equals("profile")) {
            return Optional.of(new TxCommand(SET_PROFILE,
                    Json.object().put("name", words[1]).put("color", words[2]).build()));
        }
        return Optional.empty();
    }
}
