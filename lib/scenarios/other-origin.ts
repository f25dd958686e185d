/**
 * The same server under its other loopback name: localhost ↔ 127.0.0.1. To the browser these are
 * two different sites, which is all the CSRF scenario needs for a real cross-site request. Any
 * other host has no such twin, and the scenario says so rather than pointing somewhere else.
 */
export function otherOrigin(location: { protocol: string; hostname: string; port: string }): string | null {
  const twin = location.hostname === "localhost" ? "127.0.0.1" : location.hostname === "127.0.0.1" ? "localhost" : null;
  if (!twin) return null;
  return `${location.protocol}//${twin}${location.port ? `:${location.port}` : ""}`;
}
