import "server-only";
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded on first use or after a Redis restart (NOSCRIPT).
 * Each store operation is one script, so it is atomic and one round trip.
 */
export class RedisScript {
  private readonly sha: string;
  constructor(private readonly lua: string) {
    this.sha = createHash("sha1").update(lua).digest("hex");
  }

  async run(client: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return client.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}
