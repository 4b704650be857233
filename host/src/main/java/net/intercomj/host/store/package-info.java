/**
 * The peer's store folder, {@code <peer-stores-directory>/<peer-store-name>/}: the single-process
 * lock, the wallet file location, the subnet bootstrap file, the writer key, and
 * {@link net.intercomj.host.store.RocksStore}, the database the subnet plane keeps its logs and
 * view in.
 */
package net.intercomj.host.store;
