// Types for client-address.mjs.
export const CLIENT_ADDRESS_HEADER: string;
export const MAX_TRUSTED_PROXY_HOPS: number;
export function normaliseAddress(address: string | null | undefined): string;
export function resolveClientAddress(peerAddress: string | null | undefined, forwardedFor: string | string[] | null | undefined, trustedHops: number): string;
export function limitKeyForAddress(address: string): string;
export function parseTrustedProxyHops(raw: string | undefined): { hops: number; error?: undefined } | { hops?: undefined; error: string };
