/**
 * The operations the MSB settles, as requesters sign them and validators complete them
 * (spec upstream-contract-subnet-msb §3.5): their JSON form, their hashes and their checks.
 */
package net.intercomj.host.msb.ops;
