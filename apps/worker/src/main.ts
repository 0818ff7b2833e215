import { createDetector } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { loadWorkerConfig } from './config.js';
import { createLogger } from './logger.js';
import { createDetectProcessor } from './processor.js';
import { closeOnSignals, createDetectWorker } from './worker.js';

/** Worker process: terminology and detector are built once here and shared by every job. */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = createLogger(config.logLevel);
  const started = performance.now();
  const terminology = await loadTerminology({
    onProgress: (event) => logger.info({ phase: event.phase }, `terminology: ${event.message}`),
  });
  const detector = createDetector(terminology);
  logger.info({ terminology: terminology.version.version, startupMs: Math.round(performance.now() - started) }, 'detector ready');

  const worker = createDetectWorker({ config, processor: createDetectProcessor(detector, logger), logger });
  closeOnSignals(() => worker.close(), logger);
  await worker.waitUntilReady();
  logger.info({ concurrency: config.concurrency, queuePrefix: config.queuePrefix }, 'worker listening for jobs');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
