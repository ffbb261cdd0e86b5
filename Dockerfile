# Lattice: one image, any number of replicas (see docker-compose.yml).
# The server runs compiled: the build stage compiles it and the packages it imports to JavaScript
# (scripts/build-server.ts), and the image holds that output, the migrations, the production
# dependencies and the built web app; no TypeScript and no compiler.

FROM node:20-bookworm-slim AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
RUN npm install -g pnpm@10 && pnpm --version
WORKDIR /app

# Manifests first, so a change of source does not re-run the install.
FROM base AS manifests
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY packages/domain/package.json packages/domain/
COPY packages/db/package.json packages/db/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/

FROM manifests AS build
RUN pnpm install --frozen-lockfile
COPY tsconfig.base.json ./
COPY scripts/build-server.ts scripts/
COPY packages packages
COPY apps apps
RUN pnpm --filter @lattice/web build && pnpm exec tsx scripts/build-server.ts

FROM manifests AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
RUN pnpm install --frozen-lockfile --prod
COPY packages/db/migrations packages/db/migrations
COPY --from=build /app/packages/domain/dist packages/domain/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/apps/server/dist apps/server/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# PGlite data when DATABASE_URL is not set (single-container use); mount a volume here to keep it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The packages resolve to their compiled `dist/` under this condition (see their package.json). A
# 4 MiB young generation instead of V8's 16 MiB keeps about 25 MiB less resident (docs/ARCHITECTURE.md,
# Live fan-out and memory); the server's garbage is short-lived requests and frames.
CMD ["node", "--max-semi-space-size=4", "--conditions=lattice-compiled", "--enable-source-maps", "apps/server/dist/server.js"]
