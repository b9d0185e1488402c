import type { RequestHandler } from 'express';

/** What a browser front-end sends: its credential, JSON, the language it wants messages in, a trace id. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept-Language, X-Request-Id';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** How long a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for an allow-list of origins. An allowed origin gets its own origin back, never `*`; any other
 * origin gets no CORS header at all, so its page cannot read the response. Credentials travel in the
 * Authorization header, not in cookies, so `Access-Control-Allow-Credentials` is not needed.
 */
export function corsFromAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    // The answer depends on the Origin header: a shared cache must not give one origin's answer to another.
    res.vary('Origin');
    const origin = req.header('origin');
    if (!origin || !allowed.has(origin)) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS' && req.header('access-control-request-method')) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      res.status(204).end();
      return;
    }
    res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
    next();
  };
}
