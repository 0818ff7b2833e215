# One image for the API and the worker; the command picks the role.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NX_DAEMON=false
COPY package.json package-lock.json ./
# Dev dependencies too: the apps run through tsx, and vite builds the review UI below.
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
# The review UI as static files in apps/web/dist, which the API serves at /.
RUN npx tsx tools/web-build.ts --force
# The CDC files are mounted at run time (ICD10CM_DATA_DIR); they are never baked into the image.
ENV ICD10CM_DATA_DIR=/data/icd10cm ICD10CM_CACHE_DIR=/cache/terminology
# The API listens on every interface of the container, so it refuses to start without API keys
# (API_KEYS or API_KEYS_FILE) unless OPEN_MODE_ALLOW_REMOTE=true says the network in front is trusted.
ENV HOST=0.0.0.0
USER node
CMD ["npx", "tsx", "apps/api/src/main.ts"]
