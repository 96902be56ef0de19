# Tillit in a container: `docker build -t tillit .`, or `docker compose up` with compose.yaml.
# The build stage compiles the TypeScript (npm run build); the runtime stage holds only the
# production dependencies, dist/ and the fonts the risk matrix and charts are drawn with.
# test/container-build.test.ts runs this build stage's commands in a clean copy and starts
# the runtime command, so a directory the build needs and this file forgets fails there.

ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY dialogues ./dialogues
COPY store ./store
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-slim
# resvg draws text with the system's fonts; DejaVu has å, ä and ö. The version is whatever the
# base image's Debian release carries, so it is not pinned (hadolint DL3008).
# hadolint ignore=DL3008
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    TILLIT_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded database's folder (used only without DATABASE_URL), writable by the app alone.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The node image's unprivileged user: nothing in the image is writable by it but /data.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and gets SIGTERM: it drains and stops within 10 s (docker stop waits 10).
CMD ["node", "--enable-source-maps", "dist/bot/main.js"]
