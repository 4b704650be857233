package net.intercomj.host.contract;

import java.util.List;
import java.util.Set;

/**
 * The view keys a contract may not write: everything the subnet's own ops keep (admin, chat,
 * membership, replay markers, the transaction index). The original's list (spec §1.2) left
 * {@code msg/<n>} and {@code umsgl/<address>} writable, so a contract could forge or erase chat
 * (spec §9 item 8); they are reserved here, as are our own {@code wri/} (writers), {@code nc/}
 * (used nonces) and {@code ctr} (the pinned contract).
 */
public final class ReservedKeys {

    private static final Set<String> EXACT =
            Set.of("msgl", "admin", "auto_add_writers", "chat_status", "delml", "wlst", "txl", "pnl", "txen", "ctr", "msb");

    private static final List<String> PREFIXES = List.of("sh/", "tx/", "kcin/", "delm/", "umsg/", "msgl/", "nick/",
            "mod/", "mtd/", "txi/", "wl/", "pni/", "utxl/", "utxi/", "bnd/", "msg/", "umsgl/", "wri/", "nc/");

    private ReservedKeys() {}

    public static boolean isReserved(String key) {
        if (EXACT.contains(key)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
