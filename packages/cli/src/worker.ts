import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, createEngine, type EngineSpec } from './engine-host.js';
import type { FoundFile } from './find-files.js';

/** Worker thread: builds one engine, then checks each batch of files it is sent. */
const engine = await createEngine(workerData as EngineSpec);
parentPort!.on('message', (batch: FoundFile[]) => {
  const reports = [];
  for (const file of batch) reports.push(checkFile(engine, file.absolute, file.relative, file.matchPath));
  parentPort!.postMessage(reports);
});
parentPort!.postMessage('ready');
