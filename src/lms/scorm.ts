/**
 * The SCORM run-time: finds the LMS's API object (SCORM 1.2's `API`, 2004's `API_1484_11`) in a
 * window above the package's, the way the standards say (parents first, then the opener's), and
 * talks to it. Every call is checked: an LMS that refuses a value says why (its error code and
 * text), and the connection keeps the first refusals for the page to show.
 */
import type { LmsConnection, LmsUpdate } from './connection.js';
import type { PackageScore } from './report.js';
import { exitPairs, scormPairs, type Pair, type ScormVersion } from './scorm-model.js';

interface Api12 {
  LMSInitialize(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

interface Api2004 {
  Initialize(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  Terminate(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

/** The standards' search depth: an LMS nests its frames a few levels at most. */
const MAX_LEVELS = 10;

/** A window's own property, read without tripping over a frame from another origin. */
function apiIn(win: Window, name: string): unknown {
  try {
    return (win as unknown as Record<string, unknown>)[name] ?? null;
  } catch {
    return null;
  }
}

/** The API named `name` in this window, a parent or the opener's chain; null when there is none. */
export function findApi(start: Window, name: 'API' | 'API_1484_11'): unknown {
  const climb = (from: Window | null): unknown => {
    let win = from;
    for (let level = 0; win && level <= MAX_LEVELS; level++) {
      const api = apiIn(win, name);
      if (api) return api;
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  return climb(start) ?? climb(start.opener as Window | null);
}

/** The calls both versions make, named once. */
interface Calls {
  init(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  lastError(): string;
}

function calls12(api: Api12): Calls {
  return {
    init: () => api.LMSInitialize('') === 'true',
    get: (e) => api.LMSGetValue(e),
    set: (e, v) => api.LMSSetValue(e, v) === 'true',
    commit: () => api.LMSCommit('') === 'true',
    finish: () => api.LMSFinish('') === 'true',
    lastError: () => {
      const code = api.LMSGetLastError();
      return `${code} ${api.LMSGetErrorString(code)}`;
    },
  };
}

function calls2004(api: Api2004): Calls {
  return {
    init: () => api.Initialize('') === 'true',
    get: (e) => api.GetValue(e),
    set: (e, v) => api.SetValue(e, v) === 'true',
    commit: () => api.Commit('') === 'true',
    finish: () => api.Terminate('') === 'true',
    lastError: () => {
      const code = api.GetLastError();
      return `${code} ${api.GetErrorString(code)}`;
    },
  };
}

const isApi = (api: unknown, method: string): boolean =>
  typeof api === 'object' && api !== null && typeof (api as Record<string, unknown>)[method] === 'function';

/**
 * Connects to the LMS of `version` from `win`, or returns null when there is none (the package
 * was opened as a plain page) or it refused to start the session.
 */
export function connectScorm(version: ScormVersion, win: Window): LmsConnection | null {
  const found = findApi(win, version === 'scorm12' ? 'API' : 'API_1484_11');
  let calls: Calls;
  if (version === 'scorm12' && isApi(found, 'LMSInitialize')) calls = calls12(found as Api12);
  else if (version === 'scorm2004' && isApi(found, 'Initialize')) calls = calls2004(found as Api2004);
  else return null;
  if (!calls.init()) return null;
  const problems: string[] = [];
  const started = Date.now();
  let finished = false;
  let last: PackageScore | null = null;
  const setAll = (pairs: readonly Pair[]) => {
    for (const [element, value] of pairs) {
      if (!calls.set(element, value) && problems.length < 20) {
        problems.push(`${element} = ${JSON.stringify(value.slice(0, 60))}: ${calls.lastError()}`);
      }
    }
  };
  const read = (element: string): string => {
    const value = calls.get(element);
    return typeof value === 'string' ? value : '';
  };
  const v12 = version === 'scorm12';
  return {
    format: version,
    learner: read(v12 ? 'cmi.core.student_name' : 'cmi.learner_name') || null,
    resumed: read(v12 ? 'cmi.core.entry' : 'cmi.entry') === 'resume',
    suspended: read('cmi.suspend_data'),
    interactions: Number.parseInt(read('cmi.interactions._count'), 10) || 0,
    problems,
    write(update: LmsUpdate) {
      if (finished) return Promise.resolve();
      last = update.score;
      setAll(scormPairs(version, update));
      if (!calls.commit() && problems.length < 20) problems.push(`commit: ${calls.lastError()}`);
      return Promise.resolve();
    },
    finish() {
      if (finished) return;
      finished = true;
      if (last) setAll(exitPairs(version, last, Date.now() - started));
      calls.commit();
      calls.finish();
    },
  };
}
