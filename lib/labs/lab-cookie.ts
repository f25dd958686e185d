import { createHmac } from "node:crypto";
import { cookieAttributes } from "../auth/cookies";
import { LruCache } from "../auth/lru-cache";
import type { CookieInstruction } from "../auth/types";
import { appEnv } from "../config/env";
import { secrets } from "../config/secrets";
import { safeEqual } from "../crypto";
import { DEFAULT_LAB_ID, isLabId } from "./lab-id";

/** The lab cookie outlives any lab's idle lifetime; a cookie naming a lab that expired is replaced. */
const LAB_COOKIE_MAX_AGE_SECONDS = 30 * 86_400;
const MAC_CHARS = 22; // 132 bits of HMAC-SHA256, base64url

export function labCookieName(): string {
  return appEnv().insecureCookies ? "lab" : "__Host-lab";
}

/** Lab cookies this process has verified, by their exact value: one HMAC per visitor, not per request. */
const VERIFIED_COOKIES = 10_000;

type LabKeys = { current: Buffer; all: Buffer[]; verified: LruCache<string> };
// Derived once per loaded secrets (tests reload them): the derivation is two HMACs per password.
let derived: { passwords: Record<string, string>; keys: LabKeys } | undefined;

/** One HMAC key per session password id (highest id signs, all verify: rotation), derived for this purpose only. */
function labKeys(): LabKeys {
  const passwords = secrets().sessionPasswords;
  if (derived?.passwords === passwords) return derived.keys;
  const ids = Object.keys(passwords).sort((a, b) => Number(b) - Number(a));
  const all = ids.map((id) => createHmac("sha256", passwords[id] ?? "").update("authlab lab cookie v1").digest());
  const current = all[0];
  if (!current) throw new Error("no session password to derive the lab cookie key from");
  derived = { passwords, keys: { current, all, verified: new LruCache(VERIFIED_COOKIES) } };
  return derived.keys;
}

function mac(key: Buffer, labId: string): string {
  return createHmac("sha256", key).update(labId).digest("base64url").slice(0, MAC_CHARS);
}

/**
 * `<labId>.<mac>`: the lab id is public (it is in the header and in every token); the MAC is what
 * makes the cookie unforgeable, so knowing a lab's id does not let anyone act in it.
 */
export function signLabId(labId: string): string {
  return `${labId}.${mac(labKeys().current, labId)}`;
}

export type LabCookieReading = { kind: "none" } | { kind: "invalid" } | { kind: "lab"; labId: string };

/** What a lab cookie says: no cookie, a cookie that does not verify, or a lab id it proves. */
export function readLabCookie(value: string | undefined): LabCookieReading {
  if (!value) return { kind: "none" };
  const dot = value.lastIndexOf(".");
  const labId = value.slice(0, dot);
  const given = value.slice(dot + 1);
  if (dot <= 0 || !isLabId(labId) || given.length !== MAC_CHARS) return { kind: "invalid" };
  const keys = labKeys();
  // Only values that verified are remembered (a forged MAC is checked every time); the key is the
  // whole value, so a hit is exactly a cookie this process has already proven.
  if (keys.verified.get(value) === labId) return { kind: "lab", labId };
  // Constant-time compare, so that timing does not reveal how much of a forged MAC was right.
  if (!keys.all.some((key) => safeEqual(mac(key, labId), given))) return { kind: "invalid" };
  keys.verified.set(value, labId);
  return { kind: "lab", labId };
}

const CSRF_DEMO_PREFIX = "csrf-demo:";
const TAG_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${MAC_CHARS}}$`);

/**
 * What the lab's CSRF demo puts in `?lab=` to say which lab a refused cross-site request belongs to
 * (its lab cookie stays home on a cross-site request): `<labId>.<tag>`, the tag an HMAC for this
 * purpose only, so the value is not a lab cookie and a lab cookie is not one. A lab's public id
 * alone names nothing.
 */
export function signCsrfDemoLab(labId: string): string {
  return `${labId}.${mac(labKeys().current, CSRF_DEMO_PREFIX + labId)}`;
}

/** Whether a value has the shape of a {@link signCsrfDemoLab} value (a page forwards nothing else). */
export function isCsrfDemoLabShape(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const dot = value.lastIndexOf(".");
  return dot > 0 && isLabId(value.slice(0, dot)) && TAG_PATTERN.test(value.slice(dot + 1));
}

/** The lab a `?lab=` value proves, or null: its tag is compared in constant time under every session password. */
export function readCsrfDemoLab(value: string | null | undefined): string | null {
  if (!isCsrfDemoLabShape(value)) return null;
  const dot = value.lastIndexOf(".");
  const labId = value.slice(0, dot);
  const given = value.slice(dot + 1);
  // No cache, unlike the lab cookie's: it is keyed by value, and a verified lab cookie must never pass here.
  return labKeys().all.some((key) => safeEqual(mac(key, CSRF_DEMO_PREFIX + labId), given)) ? labId : null;
}

export function labCookie(labId: string): CookieInstruction {
  return { name: labCookieName(), value: signLabId(labId), attributes: cookieAttributes("lab", LAB_COOKIE_MAX_AGE_SECONDS) };
}

export function clearLabCookie(): CookieInstruction {
  return { name: labCookieName(), value: "", attributes: cookieAttributes("lab", 0) };
}

/**
 * The Cookie header pair that makes a request the server sends to itself (replay, measure, a peer
 * relay) act in `labId`, as the browser's own requests do. The default lab needs none.
 */
export function labCookiePair(labId: string): string | null {
  return labId === DEFAULT_LAB_ID ? null : `${labCookieName()}=${signLabId(labId)}`;
}
