# Remit: one image for SQLite (one instance, a volume on /app/data) and PostgreSQL
# (N instances behind a load balancer). See docs/deploy.md.
#
#   docker build -t remit .
#   docker run -p 3000:3000 -e AUTH_SECRET=$(openssl rand -base64 32) -v remit-data:/app/data remit
#   docker run -p 3000:3000 -e AUTH_SECRET=… -e DATABASE_URL=postgresql://user:pass@db:5432/remit remit

# ---- build: dependencies (better-sqlite3 compiles natively), both Prisma clients, next build
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NEXT_TELEMETRY_DISABLED=1
# postinstall (scripts/prisma-generate.mjs) generates the clients from prisma/.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
# `npm install`, not `npm ci`: a lockfile written on one platform may lack another
# platform's optional native packages, which `npm ci` refuses.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: no compilers; the app, its node_modules (tsx included, so that
# `npm run backup` / `restore` / `db:deploy` work in the container) and the build
FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    DATABASE_URL=file:/app/data/remit.db
COPY --from=build /app /app
# The code stays root-owned and read-only for the app; only the SQLite volume, the
# backups folder and Next's cache are writable by the `node` user (uid 1000).
RUN mkdir -p /app/data /app/backups /app/.next/cache \
  && chown -R node:node /app/data /app/backups /app/.next/cache
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# AUTH_SECRET (32+ characters) must come from the environment. Migrations are applied
# before the server starts (concurrent starts are safe: deploy takes a lock).
# The server's Node options are those of scripts/lib/server-node-options.mjs (measured
# there): REMIT_HEAP_MB (default 256) MiB of old space, and the preload that starts Next
# on the build's resolved configuration.
CMD ["sh", "-c", "node scripts/db.mjs deploy && exec node --max-old-space-size=\"${REMIT_HEAP_MB:-256}\" --require ./scripts/lib/server-preload.cjs node_modules/next/dist/bin/next start -p \"$PORT\""]
