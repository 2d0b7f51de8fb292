import { parentPort, workerData } from 'node:worker_threads';
import { checkGroup, createEngine, type EngineSpec } from './engine-host.js';
import type { FoundFile } from './find-files.js';

/** Worker thread: builds one engine, then checks each batch of file groups it is sent. */
const engine = await createEngine(workerData as EngineSpec);
parentPort!.on('message', (batch: FoundFile[][]) => {
  const reports = [];
  for (const group of batch) reports.push(...checkGroup(engine, group));
  parentPort!.postMessage(reports);
});
parentPort!.postMessage('ready');
