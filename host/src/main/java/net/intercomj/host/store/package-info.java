/**
 * The peer's store folder, {@code <peer-stores-directory>/<peer-store-name>/}: the single-process
 * lock, the wallet file location, the subnet bootstrap file, the writer key, and the place of
 * the database that later planes use.
 */
package net.intercomj.host.store;
