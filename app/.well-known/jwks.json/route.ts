import { NextResponse } from "next/server";
import { services } from "@/lib/auth/services";

/**
 * The public keys other services verify our access tokens with (RFC 7517). Empty under HS256:
 * a shared secret cannot be published, which is exactly why a second service cannot verify HS256
 * tokens without being handed the secret.
 */
export async function GET(): Promise<NextResponse> {
  const keys = await services().jwtKeys();
  return NextResponse.json(keys.jwks(), { headers: { "cache-control": "public, max-age=60" } });
}
