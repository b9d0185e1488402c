# Multi-stage image of the API: built with the dev dependencies, run with production ones only, as
# the unprivileged `node` user. It expects an external PostgreSQL (DATABASE_URL) and JWT_SECRET;
# see compose.yaml for PostgreSQL and two replicas behind a proxy.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src src
COPY permissions permissions
COPY migrations migrations
COPY scripts scripts
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# A heap limit, well above what the API keeps live (about 50 MB, 100 MB under load), so that V8 grows
# the heap by at most about 1.4 times what it keeps between full collections instead of 4 times, its
# factor when the limit is its default of 4 GB on a machine of 16 GB or more: at 176 requests/s of the
# cases page the API reached 487 MB of RSS uncapped (issue #14, docs/benchmark.md). A young generation
# of 64 MB semi-spaces instead of 16: at 32 requests in flight, each allocating about 2 MB, the default
# promoted request garbage into the old generation, whose collections cost the cases page 25 % more CPU
# (6.23 against 4.72 ms a request; peak RSS 186 against 283 MB). The benchmark runs its servers with
# the same flags (scripts/benchmark.ts); override NODE_OPTIONS to change them.
ENV NODE_OPTIONS="--max-old-space-size=512 --max-semi-space-size=64"
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/src/main.js"]
