/**
 * What the benchmark and its child servers (the API, `bench-server.ts`, and its floor,
 * `bench-floor.ts`) say to each other over IPC.
 */

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

export type ToServer = { type: 'stats' } | { type: 'capture'; on: boolean } | { type: 'exit' };
export type FromServer =
  | { type: 'listening'; port: number }
  | { type: 'stats'; cpuMicros: number; rssBytes: number; maxRssBytes: number; statements: number }
  | { type: 'captured'; statements: CapturedStatement[] };

/** A child server's answer to `stats`: its CPU time and memory so far, and the SQL statements it has run. */
export function statsOfThisProcess(statements: number): FromServer {
  const usage = process.cpuUsage();
  return {
    type: 'stats',
    cpuMicros: usage.user + usage.system,
    rssBytes: process.memoryUsage().rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    statements,
  };
}
