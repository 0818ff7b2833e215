import { createRecordSealer, describeEncryptionSettings, loadEncryptionSettings } from '@icd/phi';
import { loadTerminology } from '@icd/terminology';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApiKeyStore, loadApiKeys, type ApiKeyStore } from './api-keys.js';
import { createApp } from './app.js';
import { hasApiKeys, loadApiConfig, type ApiConfig } from './config.js';
import { createLogger } from './logger.js';
import { createApiMetrics } from './metrics.js';
import { createJobQueue } from './queue.js';
import { createRateLimiter } from './rate-limit.js';
import { hardenServer } from './security.js';

/** API process: terminology loaded once, one BullMQ queue, one HTTP server. */
async function main(): Promise<void> {
  const config = loadApiConfig();
  // No key, no start (unless explicitly in development): nothing is stored unencrypted.
  const encryption = loadEncryptionSettings(process.env);
  delete process.env.ENCRYPTION_KEY;
  delete process.env.ENCRYPTION_KEY_PREVIOUS;
  // The config holds only the hashes of API_KEYS: the plaintext goes from the environment too, so
  // that nothing later (a diagnostic dump, a child process) can read it there.
  delete process.env.API_KEYS;
  const logger = createLogger(config.logLevel);
  const keys = openKeyStore(config, logger);
  const terminology = await loadTerminology({
    onProgress: (event) => logger.info({ phase: event.phase }, `terminology: ${event.message}`),
  });
  // Built now so the first search request does not pay for it.
  terminology.prepareSearch();
  const { warning, ...keyIds } = describeEncryptionSettings(encryption);
  logger.info(keyIds, 'encryption at rest: AES-256-GCM');
  if (warning) logger.warn(warning);
  const queue = createJobQueue(config, createRecordSealer(encryption.keys));
  const metrics = config.metricsEnabled ? createApiMetrics(queue) : undefined;
  const rateLimiter = keys && config.rateLimitPoints > 0 ? await createRateLimiter(config, logger) : undefined;
  const app = createApp({ config, queue, codes: terminology, logger, metrics, keys, rateLimiter });
  const server = app.listen(config.port, config.host, (error?: Error) => {
    if (error) {
      logger.fatal({ errorMessage: error.message }, 'cannot listen');
      process.exit(1);
    }
    const { port } = server.address() as AddressInfo;
    logger.info({ host: config.host, port, terminology: terminology.version.version, queuePrefix: config.queuePrefix }, 'api listening');
  });
  hardenServer(server);
  closeOnSignals(server, () => Promise.all([queue.close(), rateLimiter?.close()]), logger);
}

/**
 * The API keys, or null for open local mode, said loudly. With a keys file, SIGHUP reads it again
 * (to revoke or add keys without a restart); a file that no longer reads keeps the keys in force.
 */
function openKeyStore(config: ApiConfig, logger: Logger): ApiKeyStore | null {
  if (!hasApiKeys(config)) {
    logger.warn(
      { host: config.host },
      'OPEN LOCAL MODE: no API keys configured (API_KEYS or API_KEYS_FILE), every request is accepted as tenant "local"; do not expose this port',
    );
    return null;
  }
  const describe = (entries: { tenant: string; revoked: boolean }[]) => ({
    keys: entries.filter((entry) => !entry.revoked).length,
    revoked: entries.filter((entry) => entry.revoked).length,
    tenants: new Set(entries.map((entry) => entry.tenant)).size,
  });
  const entries = loadApiKeys(config);
  const store = createApiKeyStore(entries);
  logger.info({ ...describe(entries), file: config.apiKeysFile ?? null }, 'API keys loaded');
  if (entries.every((entry) => entry.revoked)) logger.warn('no usable API key: every /v1 request will be refused');
  if (config.apiKeysFile !== undefined) {
    process.on('SIGHUP', () => {
      try {
        const reloaded = loadApiKeys(config);
        store.replace(reloaded);
        logger.info(describe(reloaded), 'API keys reloaded');
      } catch (error) {
        logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'API keys file unreadable; the previous keys stay in force');
      }
    });
  }
  return store;
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let requests in flight finish, then close the queue.
 * A second signal exits at once.
 */
function closeOnSignals(server: Server, closeConnections: () => Promise<unknown>, logger: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'closing');
    server.close(() => {
      // An unreachable Redis must not keep the process from exiting.
      const giveUp = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      Promise.race([closeConnections(), giveUp]).finally(() => {
        logger.info('closed');
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
