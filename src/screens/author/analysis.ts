/**
 * Loads a scenario file for author mode in a Web Worker, so the page stays responsive while a big
 * file is analysed. Where no worker can run, it loads on the page's thread as before.
 */
import type { Diagnostic, Scenario } from '../../engine/index.js';

export interface AnalysisRequest {
  id: number;
  text: string;
  name: string;
}

export interface Analysis {
  /** The scenario when the file loads (warnings allowed), else null. */
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
}

export interface AnalysisReply extends Analysis {
  id: number;
}

export interface Analyser {
  /** What the loader says about a file; null when another file or stop() came first. */
  analyse: (text: string, name: string) => Promise<Analysis | null>;
  /** Ends the worker and drops the analysis under way; a later analyse() starts another. */
  stop: () => void;
}

/** On the page's thread: for browsers (or policies) that allow no worker. */
async function analyseHere(text: string, name: string): Promise<Analysis> {
  const { loadScenario } = await import('../../engine/load.js');
  const { scenario, diagnostics } = loadScenario(text, name);
  return { scenario: scenario ?? null, diagnostics };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * An analyser with one worker, started on first use and kept for the next file. A file opened
 * while another is being analysed replaces it: the busy worker is ended, not left to finish work
 * nobody will see.
 */
export function authorAnalyser(): Analyser {
  let worker: Worker | null = null;
  let pending: ((analysis: Analysis | null | PromiseLike<Analysis>) => void) | null = null;
  let next = 0;
  const settle = (analysis: Analysis | null | PromiseLike<Analysis>) => {
    const resolve = pending;
    pending = null;
    resolve?.(analysis);
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
    settle(null);
  };
  const analyse = (text: string, name: string): Promise<Analysis | null> => {
    if (pending) stop();
    worker ??= startWorker();
    const running = worker;
    if (!running) return analyseHere(text, name);
    const id = ++next;
    return new Promise((resolve) => {
      pending = resolve;
      running.onmessage = ({ data }: MessageEvent<AnalysisReply>) => {
        if (data.id === id) settle({ scenario: data.scenario, diagnostics: data.diagnostics });
      };
      // A worker that cannot start (a policy forbids it, say) still leaves author mode working.
      running.onerror = (event) => {
        event.preventDefault();
        worker = null;
        running.terminate();
        settle(analyseHere(text, name));
      };
      running.postMessage({ id, text, name } satisfies AnalysisRequest);
    });
  };
  return { analyse, stop };
}
