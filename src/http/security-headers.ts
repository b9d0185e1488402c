import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

/** The API answers JSON only: nothing in its responses may run, load or be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page this server serves (GraphiQL, the audit console): its own scripts and styles from this
 * server, and its inline scripts allowed by their hashes, so that an injected script would not run.
 * Inline styles are allowed because React and CodeMirror set style attributes; fonts and icons come
 * as data: URLs in GraphiQL's CSS. Requests go to this server only (`connect-src 'self'`).
 */
export function pagePolicy(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Security headers on every response; a route that serves a page replaces the policy with its own. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', API_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  next();
};
