# The customer portal's auth service, in production mode.
#   docker build -t customer-portal .
#   docker run --env-file portal.env -p 127.0.0.1:8787:8787 -v portal-data:/data customer-portal
# (docker's --env-file takes values as they stand: no quotes around them.)
# compose.yaml beside this file runs it with a mail catcher to try it on one machine.

# Node 22: the current LTS; the code needs 20.19 or newer.
FROM node:22-slim AS base
WORKDIR /app

# better-sqlite3 is a native module: npm fetches a prebuilt binary when one exists for
# this Node and CPU, and compiles it otherwise, which needs python3, make and g++.
# Only the install stages get the compiler; the final image does not.
FROM base AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

# The production dependencies alone: what the final image ships.
FROM toolchain AS deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# The build needs the dev dependencies (Vite, TypeScript, lit-localize): it runs here,
# once, and only its output, dist/, goes on.
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM base AS runtime
# 0.0.0.0: inside the container 127.0.0.1 is the container's own; publish the port on the
# host's 127.0.0.1 instead (-p 127.0.0.1:8787:8787) so that only a local proxy reaches it.
ENV NODE_ENV=production \
    PORTAL_DB=/data/portal.db \
    PORTAL_HOST=0.0.0.0
# package.json: "type": "module" for dist/, and the service finds its files from it.
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The database holds the token signing keys: its folder belongs to the service's own
# user, and the image runs as that user, never as root. Files stay root's (read-only to
# the service).
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
USER node
VOLUME /data
EXPOSE 8787
# The slim image has no curl: ask /healthz with Node's own fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# glibc's malloc: each argon2 hash takes a 19 MiB buffer. By default malloc raises its
# threshold for mmap after the first such buffer is freed and keeps the next ones in a
# per-thread arena; a fixed threshold and two arenas give them back to the system at once.
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
# V8's heap, as `npm run serve` sets it (the README says why): a young generation of 2 MiB
# a half, and an old generation that grows by 20 % of what is live before it is collected
# again, not up to 4 times. V8 takes both only on the command line.
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=20", "dist/server/start.js"]
