# syntax=docker/dockerfile:1
# briefing-bot: build once, run as a non-root user with the data folder as a volume.
#   docker build -t briefing-bot .
#   docker run -d --name briefing -v briefing-data:/data --env-file .env briefing-bot
#   docker exec briefing node dist/bin/cli.js ingest      # after adding files to the volume's raw/

FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json rolldown.config.mjs ./
COPY src ./src
COPY tests ./tests
RUN npm ci && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production DATA_DIR=/data DATABASE_URL=sqlite:/data/state/briefing.sqlite
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The checked-in gazetteer and seed articles are the volume's first content.
COPY data/gazetteer.json /data/gazetteer.json
COPY data/raw /data/raw
RUN useradd --system --uid 10001 --home-dir /app briefing && mkdir -p /data/build /data/state && chown -R briefing /data
USER briefing
VOLUME /data
CMD ["node", "dist/bin/cli.js", "start"]
