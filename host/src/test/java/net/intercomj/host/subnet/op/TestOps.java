package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.databind.JsonNode;

/** Minimal op types for tests of ordering and views: no signatures, just writes. */
public final class TestOps {

    /** {@code {"type":"set","key":k,"value":v}} writes {@code k}. */
    public static final OpHandler SET = new OpHandler() {
        @Override
        public String type() {
            return "set";
        }

        @Override
        public OpResult apply(JsonNode op, OpContext context) {
            context.put(op.get("key").asText(), op.get("value").asText());
            return OpResult.applied(null);
        }
    };

    /** {@code {"type":"join","key":writerKey}} makes the key a writer. */
    public static final OpHandler JOIN = new OpHandler() {
        @Override
        public String type() {
            return "join";
        }

        @Override
        public OpResult apply(JsonNode op, OpContext context) {
            Membership.add(context, op.get("key").asText(), false);
            return OpResult.applied(null);
        }
    };

    /** {@code {"type":"index","key":writerKey}} makes the key an indexer (and a writer). */
    public static final OpHandler INDEX = new OpHandler() {
        @Override
        public String type() {
            return "index";
        }

        @Override
        public OpResult apply(JsonNode op, OpContext context) {
            Membership.add(context, op.get("key").asText(), true);
            return OpResult.applied(null);
        }
    };

    /** {@code {"type":"remove","key":writerKey}} removes the writer (an indexer too). */
    public static final OpHandler REMOVE = new OpHandler() {
        @Override
        public String type() {
            return "remove";
        }

        @Override
        public OpResult apply(JsonNode op, OpContext context) {
            Membership.remove(context, op.get("key").asText());
            return OpResult.applied(null);
        }
    };

    private TestOps() {}
}
