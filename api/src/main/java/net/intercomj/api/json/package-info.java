/**
 * JSON values for contracts and plugins, with no library behind them.
 *
 * <p>{@link net.intercomj.api.json.Json} is a sealed interface over six immutable kinds:
 * {@link net.intercomj.api.json.JsonObject} (insertion-ordered fields),
 * {@link net.intercomj.api.json.JsonArray}, {@link net.intercomj.api.json.JsonString},
 * {@link net.intercomj.api.json.JsonNumber} (an exact {@link java.math.BigDecimal}, never
 * rounded to a double), {@link net.intercomj.api.json.JsonBoolean} and
 * {@link net.intercomj.api.json.JsonNull}, so a {@code switch} over a value is checked for
 * completeness by the compiler.
 *
 * <p>{@link net.intercomj.api.json.Json#parse(String)} reads strict RFC 8259 text with the
 * semantics of JavaScript's {@code JSON.parse} where the RFC leaves a choice (duplicate keys,
 * lone surrogates); {@link net.intercomj.api.json.Json#toJson()} writes compact text as
 * {@code JSON.stringify} does, so the two sides of a contract see the same text. Errors are
 * {@link java.lang.IllegalArgumentException}s: a
 * {@link net.intercomj.api.json.JsonParseException} for bad text, a
 * {@link net.intercomj.api.json.JsonTypeException} for a value of the wrong type.
 *
 * <pre>{@code
 * JsonObject msg = Json.parse(text).asObject();
 * String to = msg.string("to");
 * long amount = msg.integer("amount");
 * String reply = Json.object().put("ok", true).put("to", to).build().toJson();
 * }</pre>
 */
package net.intercomj.api.json;
