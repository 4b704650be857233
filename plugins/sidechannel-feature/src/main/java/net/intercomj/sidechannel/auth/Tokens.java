package net.intercomj.sidechannel.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes welcome and invite tokens as typed on the TTY or given in flags (spec §1.2, §4):
 * {@code @file}, an optional {@code b64:} prefix, inline JSON, or base64 of JSON.
 */
public final class Tokens {

    // ObjectReader is immutable, so one shared instance is safe.
    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Tokens() {
    }

    /**
     * The JSON object a token stands for, or empty when it is unreadable or not an object (the
     * original ignores such values silently; callers print their own error).
     *
     * @param text       the token: {@code @path}, {@code b64:…}, {@code {…}} or base64
     * @param workingDir what a relative {@code @path} is resolved against
     */
    public static Optional<ObjectNode> decode(String text, Path workingDir) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.startsWith("@")) {
            try {
                value = Files.readString(workingDir.resolve(value.substring(1).trim())).trim();
            } catch (IOException | RuntimeException e) {
                // Missing, unreadable, non-UTF-8 files and invalid paths all mean "no token".
                return Optional.empty();
            }
        }
        if (value.startsWith("b64:")) {
            value = value.substring(4).trim();
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String json = value.startsWith("{") ? value : fromBase64(value);
        return json == null ? Optional.empty() : parseObject(json);
    }

    private static String fromBase64(String value) {
        String compact = value.replaceAll("\\s+", "");
        byte[] bytes = null;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException standardFailed) {
            try {
                bytes = Base64.getUrlDecoder().decode(compact);
            } catch (IllegalArgumentException urlFailed) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Optional<ObjectNode> parseObject(String json) {
        try {
            JsonNode node = READER.readTree(json);
            return node != null && node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
