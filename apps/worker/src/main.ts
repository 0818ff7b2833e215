import { createDetector } from '@icd/detector';
import { createRecordSealer, describeEncryptionSettings, loadEncryptionSettings } from '@icd/phi';
import { loadTerminology } from '@icd/terminology';
import { loadWorkerConfig } from './config.js';
import { createLogger } from './logger.js';
import { createDetectProcessor } from './processor.js';
import { startRetentionSweep } from './retention-sweep.js';
import { closeOnSignals, createDetectWorker } from './worker.js';

/** Worker process: terminology and detector are built once here and shared by every job. */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  // No key, no start (unless explicitly in development): the worker reads and writes only sealed values.
  const encryption = loadEncryptionSettings(process.env);
  delete process.env.ENCRYPTION_KEY;
  delete process.env.ENCRYPTION_KEY_PREVIOUS;
  const logger = createLogger(config.logLevel);
  const { warning, ...keyIds } = describeEncryptionSettings(encryption);
  logger.info(keyIds, 'encryption at rest: AES-256-GCM');
  if (warning) logger.warn(warning);
  const started = performance.now();
  const terminology = await loadTerminology({
    onProgress: (event) => logger.info({ phase: event.phase }, `terminology: ${event.message}`),
  });
  const detector = createDetector(terminology);
  logger.info({ terminology: terminology.version.version, startupMs: Math.round(performance.now() - started) }, 'detector ready');

  const processor = createDetectProcessor(detector, logger, createRecordSealer(encryption.keys));
  const worker = createDetectWorker({ config, processor, logger, autorun: false });
  const sweep = startRetentionSweep(config, logger);
  closeOnSignals(async () => {
    await sweep.stop();
    await worker.close();
  }, logger);
  // The first sweep before the first job, so that ids whose hash expired while no worker ran are not
  // taken; not waited for long, since a Redis that is away now must not keep the worker from starting.
  await Promise.race([sweep.sweep().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  worker.run().catch((error: unknown) => {
    logger.fatal({ errorMessage: error instanceof Error ? error.message : String(error) }, 'worker stopped');
    process.exit(1);
  });
  await worker.waitUntilReady();
  logger.info({ concurrency: config.concurrency, queuePrefix: config.queuePrefix, retentionSeconds: config.retentionSeconds }, 'worker listening for jobs');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
