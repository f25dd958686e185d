import net from "node:net";

export interface ProxyTarget {
  host: string;
  port: number;
}

/**
 * A tiny TCP proxy between the code under test and a real server (PostgreSQL, Redis), so that a
 * test can take the server away for real instead of mocking a client:
 * - `cut()` drops every open connection and refuses new ones: the server crashed or was stopped;
 * - `stall()` keeps connections open but forwards nothing: the server hangs or the network is black-holed;
 * - `restore()` brings it back on the same port, so the client under test reconnects by itself.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private stalled = false;
  private listenPort: number;

  private constructor(
    private readonly target: ProxyTarget,
    port: number,
  ) {
    this.listenPort = port;
  }

  /** Starts listening on 127.0.0.1 (`port` 0 lets the kernel pick a free one). */
  static async start(target: ProxyTarget, port = 0): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, port);
    await proxy.listen();
    return proxy;
  }

  get port(): number {
    return this.listenPort;
  }

  /** Open client connections (each has a twin towards the target). */
  get connections(): number {
    return this.sockets.size / 2;
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.listenPort, "127.0.0.1", () => {
        server.off("error", reject);
        const address = server.address();
        if (address && typeof address === "object") this.listenPort = address.port;
        resolve();
      });
    });
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.setNoDelay(true);
      if (this.stalled) from.pause();
      from.on("data", (chunk) => {
        if (!to.destroyed) to.write(chunk);
      });
      from.on("end", () => to.end());
      from.on("error", () => to.destroy());
      from.on("close", () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }

  /** Drops every connection and stops listening: new connections are refused (ECONNREFUSED). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Keeps every connection open (and accepts new ones) but forwards no byte in either direction. */
  stall(): void {
    this.stalled = true;
    for (const socket of this.sockets) socket.pause();
  }

  /** Undoes `cut()` or `stall()`: listens again on the same port and forwards what was held back. */
  async restore(): Promise<void> {
    this.stalled = false;
    for (const socket of this.sockets) socket.resume();
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.cut();
  }
}

/** `redis://host:port/db` or `postgresql://user@host:port/db` → the host and port to proxy. */
export function targetOf(url: string): ProxyTarget {
  const parsed = new URL(url);
  const defaultPort = parsed.protocol.startsWith("redis") ? 6379 : 5432;
  return { host: parsed.hostname || "127.0.0.1", port: Number(parsed.port || defaultPort) };
}

/** The same URL with its host and port replaced by the proxy's. */
export function viaProxy(url: string, proxy: TcpProxy): string {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(proxy.port);
  return parsed.toString();
}
