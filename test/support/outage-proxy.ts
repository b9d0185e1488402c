import net from 'node:net';

/**
 * A TCP proxy in front of the test's PostgreSQL that can take the database away and give it back:
 * `cut()` resets every open connection and refuses new ones, as a database that stopped or a network
 * that failed looks to the server; `restore()` accepts connections again on the same port.
 */
export class OutageProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts a proxy to the database of `url`; returns it and the same URL through the proxy. */
  static async start(url: string): Promise<{ proxy: OutageProxy; url: string }> {
    const target = new URL(url);
    const proxy = new OutageProxy(target.hostname, Number(target.port || 5432));
    await proxy.restore();
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    return { proxy, url: through.toString() };
  }

  restore(): Promise<void> {
    if (this.server?.listening) return Promise.resolve();
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  cut(): Promise<void> {
    for (const socket of this.sockets) socket.resetAndDestroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
