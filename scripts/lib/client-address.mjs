// Which address a request came from, for the limits that key on it (failed logins, lab creation).
//
// Next.js gives a route handler no peer address, and it passes a client-sent X-Forwarded-For through
// untouched, so the header alone is whatever the client wants it to be. The app's server entry
// (scripts/server.mjs) therefore decides once per request, from the TCP connection itself and from
// exactly as many X-Forwarded-For hops as the operator declared trusted (TRUSTED_PROXY_HOPS), and
// hands the answer on in CLIENT_ADDRESS_HEADER, overwriting whatever the client sent under that name.
import net from "node:net";

/** The request header the server entry sets; any value a client sends under this name is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-authlab-client-address";

/** At most this many trusted proxies in front of the app: more is a configuration mistake. */
export const MAX_TRUSTED_PROXY_HOPS = 10;

/**
 * `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) → `127.0.0.1`; a forwarded entry with a
 * port (`203.0.113.9:4711`, `[2001:db8::1]:443`, as some proxies write them) → the address alone;
 * anything else unchanged.
 */
export function normaliseAddress(address) {
  let text = String(address ?? "").trim();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(text);
  if (bracketed) text = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text);
  if (v4WithPort) text = v4WithPort[1];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  return mapped ? mapped[1] : text;
}

/**
 * The client's address, as Express's `trust proxy = N` computes it: the socket's peer, then the
 * X-Forwarded-For entries from right (nearest) to left, stepping back one entry per trusted hop.
 * With 0 hops the header is ignored entirely; with N hops only entries our own proxies appended are
 * read, so a client cannot choose its address by sending the header itself. A chain shorter than N
 * (a request that bypassed a proxy) stops at the furthest entry there is; an entry that is not an
 * IP address stops the walk at the last good one.
 *
 * @example
 * resolveClientAddress("10.0.0.2", "203.0.113.9, 198.51.100.7", 1) // → "198.51.100.7"
 * resolveClientAddress("10.0.0.2", "203.0.113.9", 0)               // → "10.0.0.2"
 */
export function resolveClientAddress(peerAddress, forwardedFor, trustedHops) {
  let address = normaliseAddress(peerAddress) || "unknown";
  if (!trustedHops) return address;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header.split(",").map(normaliseAddress).filter(Boolean);
  for (let step = 0; step < trustedHops && hops.length > 0; step++) {
    const next = hops.pop();
    if (net.isIP(next) === 0) break;
    address = next;
  }
  return address;
}

/**
 * The key a per-address limit counts under. An IPv6 client usually holds a whole /64 (2^64
 * addresses), so an IPv6 address counts as its /64; IPv4 addresses count one by one.
 */
export function limitKeyForAddress(address) {
  if (net.isIPv6(address)) {
    const expanded = expandIPv6(address);
    return expanded ? `${expanded.slice(0, 4).join(":")}::/64` : address;
  }
  return address;
}

function expandIPv6(address) {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  if (tail === undefined && left.length !== 8) return null;
  const groups = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.length === 8 ? groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")) : null;
}

/** TRUSTED_PROXY_HOPS as a whole number, or an error message naming the variable. */
export function parseTrustedProxyHops(raw) {
  if (raw === undefined || raw === "") return { hops: 0 };
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_TRUSTED_PROXY_HOPS) {
    return { error: `authlab: TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_TRUSTED_PROXY_HOPS}: how many proxies you run in front of the app (got "${raw}")` };
  }
  return { hops };
}
