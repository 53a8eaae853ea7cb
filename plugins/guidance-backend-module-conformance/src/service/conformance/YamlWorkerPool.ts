import { availableParallelism } from 'os';
import { Worker } from 'worker_threads';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MAX_FIELD_POSITIONS,
  MAX_YAML_ALIAS_COUNT,
  ParsedYamlDocument,
  fieldPositionsOf,
} from '@paved-road/plugin-guidance-node';

/**
 * The worker's program. It is plain JavaScript evaluated by the worker (the package's own
 * modules may be TypeScript in development and tests), and does what guidance-node's
 * parseYamlDocuments does: errors as entries with their line and column, aliases bounded, and
 * field positions by guidance-node's own fieldPositionsOf (its source text, self-contained).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const yaml = require(workerData.yamlPath);
const { parseAllDocuments, LineCounter } = yaml;
const fieldPositionsOf = ${fieldPositionsOf.toString()};
const errorText = e =>
  String((e && e.message) || e).split('\\n')[0]
    .replace(/\\s+at line \\d+, column \\d+:?\\s*$/, '')
    .replace(/:\\s*$/, '');
const positionOf = (content, offset) => {
  const at = Math.max(0, Math.min(offset, content.trimEnd().length - 1));
  const before = content.slice(0, at);
  return { line: before.split('\\n').length, column: at - before.lastIndexOf('\\n') };
};
parentPort.on('message', ({ id, content }) => {
  let docs;
  try {
    const lineCounter = new LineCounter();
    let budget = ${MAX_FIELD_POSITIONS};
    docs = parseAllDocuments(content, { merge: true, lineCounter }).map((doc, index) => {
      if (doc.errors.length > 0) {
        const error = doc.errors[0];
        return { index, error: errorText(error), ...positionOf(content, error.pos[0]) };
      }
      try {
        const body = doc.toJS({ maxAliasCount: workerData.maxAliasCount });
        const positions = fieldPositionsOf(yaml, doc, lineCounter, Math.max(1, budget));
        budget -= Object.keys(positions).length;
        return { index, body, positions };
      } catch (error) {
        return {
          index,
          error: errorText(error),
          ...positionOf(content, (doc.range && doc.range[0]) || 0),
        };
      }
    });
  } catch (error) {
    docs = [{ index: 0, error: errorText(error) }];
  }
  parentPort.postMessage({ id, docs });
});
parentPort.postMessage({ ready: true });
`;

type Task = {
  id: number;
  content: string;
  resolve: (docs: ParsedYamlDocument[]) => void;
};

type Slot = {
  worker?: Worker;
  /** The worker has loaded the parser: time limits count from here, not from its start. */
  ready?: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
};

/**
 * Parses YAML off the event loop: a few worker threads, each with a heap limit, one file per
 * message. Parsing 1 MiB of manifests takes about a second of CPU, which on the request thread
 * would stall every other request; here the thread only waits. A file that takes longer than
 * the time limit or outgrows the heap limit costs its worker (a new one starts) and comes back
 * as a parse error, never as an exception.
 */
export class YamlWorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly options: {
      logger: LoggerService;
      /** Worker threads; defaults to two, or one on a single core. */
      threads?: number;
      /** Time one file may take; 10 s unless said. */
      timeoutMs?: number;
      /** Old-generation heap of each worker; 256 MiB unless said. */
      maxHeapMb?: number;
    },
  ) {
    const threads =
      options.threads ?? Math.max(1, Math.min(2, availableParallelism()));
    this.slots = Array.from({ length: threads }, () => ({}));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxHeapMb = options.maxHeapMb ?? 256;
  }

  /** Parses one file's YAML documents in a worker. */
  parse = (content: string): Promise<ParsedYamlDocument[]> => {
    if (this.closed) {
      return Promise.resolve([
        { index: 0, error: 'not parsed: the backend is shutting down' },
      ]);
    }
    return new Promise(resolve => {
      this.queue.push({ id: this.nextId++, content, resolve });
      this.dispatch();
    });
  };

  /** Stops every worker; later calls answer with an error entry. */
  async close() {
    this.closed = true;
    await Promise.all(this.slots.map(slot => this.stop(slot)));
    for (const task of this.queue.splice(0)) {
      task.resolve([
        { index: 0, error: 'not parsed: the backend is shutting down' },
      ]);
    }
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      const worker = slot.worker ?? this.start(slot);
      if (slot.ready) this.startTimer(slot);
      worker.postMessage({ id: task.id, content: task.content });
    }
  }

  private startTimer(slot: Slot) {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.fail(
        slot,
        `not parsed: took longer than ${this.timeoutMs / 1000} s`,
      );
    }, this.timeoutMs);
  }

  private start(slot: Slot): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        yamlPath: require.resolve('yaml'),
        maxAliasCount: MAX_YAML_ALIAS_COUNT,
      },
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    worker.unref();
    worker.on('message', ({ id, docs, ready }) => {
      if (slot.worker !== worker) return;
      if (ready) {
        slot.ready = true;
        if (slot.task) this.startTimer(slot);
      } else if (slot.task?.id === id) {
        this.finish(slot, docs);
      }
    });
    worker.on('error', error => {
      if (slot.worker !== worker) return;
      const outOfMemory =
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(
        slot,
        outOfMemory
          ? `not parsed: needs more than ${this.maxHeapMb} MiB of memory`
          : `not parsed: ${error.message}`,
      );
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      this.fail(slot, 'not parsed: the parser stopped');
    });
    slot.worker = worker;
    slot.ready = false;
    return worker;
  }

  private finish(slot: Slot, docs: ParsedYamlDocument[]) {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const task = slot.task;
    slot.task = undefined;
    task?.resolve(docs);
    this.dispatch();
  }

  /** The file gets an error entry; its worker is replaced, since it may still be busy or broken. */
  private fail(slot: Slot, error: string) {
    if (slot.task) {
      this.options.logger.warn(`YAML parser: ${error}`);
    }
    const worker = slot.worker;
    slot.worker = undefined;
    if (worker) worker.terminate().catch(() => {});
    this.finish(slot, [{ index: 0, error }]);
  }

  private async stop(slot: Slot) {
    const worker = slot.worker;
    slot.worker = undefined;
    clearTimeout(slot.timer);
    if (worker) await worker.terminate();
  }
}
