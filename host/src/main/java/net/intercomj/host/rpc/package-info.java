/**
 * The HTTP RPC: the {@code /v1} JSON routes wallets and dApps use to read a peer (spec
 * upstream-contract-subnet-msb §7), on {@code --rpc-host}:{@code --rpc-port}, with a bearer token
 * the original did not have and its defects fixed (§9 item 22). Only this package and the bridge
 * see Undertow. {@link net.intercomj.host.rpc.RpcServer} is the entry point; one class per route
 * lives in {@code handlers}. Operators and client authors: {@code docs/rpc.md}.
 */
package net.intercomj.host.rpc;
