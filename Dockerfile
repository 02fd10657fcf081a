# Minimal, and NOT built or run by the project: the machine it is developed
# on has no Docker. See docs/deploy.md ("Docker"). Same recipe as the
# systemd setup: build with dev dependencies, run with `npm ci --omit=dev`.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/var/lib/jianyan MIGRATE_ON_START=0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/build ./build
COPY db/migrations ./db/migrations
RUN mkdir -p /var/lib/jianyan && chown node:node /var/lib/jianyan
USER node
EXPOSE 3000
# The web process; the worker and migrations use the same image (compose.yaml).
CMD ["node", "--enable-source-maps", "build/node/main.js", "--web-only"]
