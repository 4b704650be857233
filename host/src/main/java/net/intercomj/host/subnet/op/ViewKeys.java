package net.intercomj.host.subnet.op;

/**
 * The view keys the subnet's own ops write (spec §2.6), plus ours: {@code wri/} for writer
 * membership (Autobase kept it internally), {@code nc/} for used nonces and {@code ctr} for the
 * pinned contract. Contracts may not
 * write any of these namespaces.
 */
public final class ViewKeys {

    public static final String ADMIN = "admin";
    public static final String AUTO_ADD_WRITERS = "auto_add_writers";
    public static final String CHAT_STATUS = "chat_status";
    public static final String TRANSACTIONS_ENABLED = "txen";
    public static final String WHITELIST_ENABLED = "wlst";
    public static final String MESSAGE_COUNT = "msgl";
    public static final String DELETED_COUNT = "delml";
    public static final String PIN_COUNT = "pnl";
    public static final String TX_COUNT = "txl";
    /** The contract the subnet runs: {@code {"app": <app id>, "hash": <version hash>}} (ours). */
    public static final String CONTRACT = "ctr";
    /** The MSB network the subnet settles on: {@code {bootstrap, channel, networkId}}. */
    public static final String MSB = "msb";

    private ViewKeys() {}

    /** A writer's membership: {@code {"indexer": true|false}}. */
    public static String writer(String writerKeyHex) {
        return "wri/" + writerKeyHex;
    }

    public static String signatureUsed(String signatureHex) {
        return "sh/" + signatureHex;
    }

    public static String nonceUsed(String signerHex, String nonce) {
        return "nc/" + signerHex + "/" + nonce;
    }

    public static String banned(String writerKeyHex) {
        return "bnd/" + writerKeyHex;
    }

    public static String whitelisted(String pubkeyHex) {
        return "wl/" + pubkeyHex;
    }

    public static String mod(String pubkeyHex) {
        return "mod/" + pubkeyHex;
    }

    public static String muted(String pubkeyHex) {
        return "mtd/" + pubkeyHex;
    }

    public static String nick(String pubkeyHex) {
        return "nick/" + pubkeyHex;
    }

    public static String nickOwner(String nick) {
        return "kcin/" + nick;
    }

    public static String message(long id) {
        return "msg/" + id;
    }

    public static String userMessageCount(String pubkeyHex) {
        return "umsgl/" + pubkeyHex;
    }

    public static String userMessage(String pubkeyHex, long index) {
        return "umsg/" + pubkeyHex + "/" + index;
    }

    public static String deleted(long index) {
        return "delm/" + index;
    }

    public static String pin(long index) {
        return "pni/" + index;
    }

    /** The {@code index}-th indexed transaction: {@code {val, err, tx, ipk, wp}}. */
    public static String transaction(long index) {
        return "txi/" + index;
    }

    /** The index of the transaction with hash {@code txHashHex}; its presence blocks a replay. */
    public static String transactionIndex(String txHashHex) {
        return "tx/" + txHashHex;
    }

    /** How many transactions the requester {@code pubkeyHex} has indexed. */
    public static String userTransactionCount(String pubkeyHex) {
        return "utxl/" + pubkeyHex;
    }

    /** The index (into {@code txi/}) of the requester's {@code index}-th transaction. */
    public static String userTransaction(String pubkeyHex, long index) {
        return "utxi/" + pubkeyHex + "/" + index;
    }
}
