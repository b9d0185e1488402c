import type { Server, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Graceful stop of the HTTP side. The listener closes, so no new connection is accepted, and Node
 * closes the idle keep-alive connections with it; requests in flight finish and are answered with
 * `Connection: close`, so their connections end with them instead of idling until the keep-alive
 * timeout; whatever is still open when the grace period ends is cut.
 */
export class HttpDrain {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();

  get isDraining(): boolean {
    return this.draining;
  }

  /** First in the middleware chain: every request is in flight until its response closes. */
  readonly track: RequestHandler = (_req, res, next) => {
    if (this.draining) res.setHeader('connection', 'close');
    this.inFlight.add(res);
    res.on('close', () => this.inFlight.delete(res));
    next();
  };

  /** Resolves when every connection of `server` has closed: true if all requests finished within `graceMs`. */
  async drain(server: Server, graceMs: number): Promise<boolean> {
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    const inTime = await Promise.race([closed.then(() => true), graceOver.then(() => false)]);
    clearTimeout(timer);
    if (!inTime) {
      server.closeAllConnections();
      await closed;
    }
    return inTime;
  }
}
