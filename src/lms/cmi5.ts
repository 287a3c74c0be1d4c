/**
 * The cmi5 run-time: the launch sequence an assignable unit follows (cmi5 spec, section 8 and 9),
 * over the page's fetch and nothing else.
 *
 * 1. The launch URL names the LRS (`endpoint`), the one-time token's address (`fetch`), the learner
 *    (`actor`), the `registration` and the unit's `activityId`. The token is fetched once (POST).
 * 2. The unit reads LMS.LaunchData (its context template, launch mode and mastery score) from the
 *    LRS's state, and its own saved progress (our suspend data) from another state document.
 * 3. It sends `initialized`; every decision as an `answered` statement (an allowed statement: the
 *    context template, no cmi5 category); `completed` once every call is finished, then `passed`
 *    or `failed` against the mastery score (the LMS's, when it gives one, else the package's pass
 *    mark); `terminated` as the page goes. In Browse or Review mode nothing is judged.
 *
 * Statements go one at a time, in order, each with an id made once: a failed send is retried with
 * the same id (the LRS keeps one statement per id), so nothing is lost and nothing is doubled.
 */
import type { LmsConnection, LmsUpdate } from './connection.js';
import type { DecisionInteraction, PackageConfig, PackageScore } from './report.js';
import { duration2004 } from './scorm-model.js';
import { VERBS, XAPI_VERSION, answeredParts, verb, type Statement, type Verb } from './xapi.js';

export { EXT_DONTS, EXT_LETTERS, type Statement } from './xapi.js';

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
/** The state document our progress (suspend data) is kept in. */
export const PROGRESS_STATE = 'keep-cool-progress';
const RETRY_MS = [500, 2000, 5000, 15000];

interface Launch {
  endpoint: string;
  fetchUrl: string;
  actor: unknown;
  registration: string;
  activityId: string;
}

/** The launch parameters, or null when the page was not launched by a cmi5 LMS. */
export function launchOf(search: string): Launch | null {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  const fetchUrl = q.get('fetch');
  const actor = q.get('actor');
  const registration = q.get('registration');
  const activityId = q.get('activityId');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  try {
    return {
      endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
      fetchUrl,
      actor: JSON.parse(actor),
      registration,
      activityId,
    };
  } catch {
    return null;
  }
}

interface LaunchData {
  contextTemplate?: { contextActivities?: Record<string, unknown>; extensions?: Record<string, unknown> };
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
}

/** The statements a report adds: one `answered` per new decision, then completed and passed/failed once. */
export function reportStatements(
  base: StatementBase,
  update: LmsUpdate,
  judged: { completed: boolean; judged: boolean },
  mastery: number,
  elapsedMs: number,
  uuid: () => string,
): Statement[] {
  const out: Statement[] = update.interactions.map(({ interaction, answeredAt }) =>
    answered(base, interaction, answeredAt, uuid()),
  );
  if (base.launchMode !== 'Normal') return out;
  const { score } = update;
  if (score.completion === 'completed' && !judged.completed) {
    out.push(
      cmi5Statement(base, 'completed', { completion: true, duration: duration2004(elapsedMs) }, uuid()),
    );
  }
  if (score.completion === 'completed' && !judged.judged) {
    const passed = score.scaled >= mastery;
    out.push(
      cmi5Statement(
        base,
        passed ? 'passed' : 'failed',
        { score: scoreOf(score), success: passed, duration: duration2004(elapsedMs) },
        uuid(),
        mastery,
      ),
    );
  }
  return out;
}

export interface StatementBase {
  actor: unknown;
  activityId: string;
  registration: string;
  sessionId: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  contextTemplate: NonNullable<LaunchData['contextTemplate']>;
  title: string;
}

const scoreOf = (score: PackageScore) => ({ scaled: score.scaled, raw: score.raw, min: 0, max: 100 });

function context(base: StatementBase, categories: string[], extensions: Record<string, unknown> = {}) {
  const template = base.contextTemplate;
  const activities = { ...(template.contextActivities ?? {}) } as Record<string, unknown>;
  if (categories.length > 0) {
    const held = Array.isArray(activities.category) ? (activities.category as unknown[]) : [];
    activities.category = [...held, ...categories.map((id) => ({ id }))];
  }
  return {
    registration: base.registration,
    contextActivities: activities,
    extensions: { ...(template.extensions ?? {}), [SESSION_ID]: base.sessionId, ...extensions },
  };
}

function cmi5Statement(
  base: StatementBase,
  name: Exclude<Verb, 'answered'>,
  result: Record<string, unknown> | null,
  id: string,
  mastery?: number,
): Statement {
  const categories = [CMI5_CATEGORY, ...(name === 'completed' || name === 'passed' ? [MOVEON_CATEGORY] : [])];
  return {
    id,
    actor: base.actor,
    verb: verb(name),
    object: { id: base.activityId, objectType: 'Activity' },
    ...(result ? { result } : {}),
    context: context(
      base,
      // Every statement cmi5 defines carries its category (and moveon where it counts towards it).
      categories,
      mastery !== undefined && (name === 'passed' || name === 'failed') ? { [MASTERY_SCORE]: mastery } : {},
    ),
    timestamp: new Date().toISOString(),
  };
}

function answered(base: StatementBase, x: DecisionInteraction, at: Date, id: string): Statement {
  const { definition, result } = answeredParts(x);
  return {
    id,
    actor: base.actor,
    verb: verb('answered'),
    object: {
      id: `${base.activityId}/interactions/${x.id}`,
      objectType: 'Activity',
      definition: { ...definition, name: { 'en-US': `${base.title}: ${x.scenario}, ${x.moment}` } },
    },
    result,
    // An allowed statement: the context template (registration, session, publisher) without the cmi5 category.
    context: context(base, []),
    timestamp: at.toISOString(),
  };
}

/**
 * A random (version 4) UUID. crypto.randomUUID exists only in secure contexts, and an LMS on an
 * intranet may serve the package over plain http: getRandomValues works everywhere.
 */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Launches as a cmi5 unit from `win`'s address; null when the page was not launched by a cmi5 LMS.
 * Fails (throws) when the LMS launched it but the token or launch data cannot be had.
 */
export async function connectCmi5(config: PackageConfig, win: Window): Promise<LmsConnection | null> {
  const launch = launchOf(win.location.search);
  if (!launch) return null;
  const fetcher = win.fetch.bind(win);
  const tokenReply = await fetcher(launch.fetchUrl, { method: 'POST' });
  if (!tokenReply.ok) throw new Error(`the LMS refused the launch token (HTTP ${tokenReply.status})`);
  const token = ((await tokenReply.json()) as Record<string, unknown>)['auth-token'];
  if (typeof token !== 'string') throw new Error('the LMS sent no auth-token');
  const headers = {
    Authorization: `Basic ${token}`,
    'X-Experience-API-Version': XAPI_VERSION,
  };
  const stateUrl = (stateId: string) =>
    `${launch.endpoint}activities/state?${new URLSearchParams({
      stateId,
      activityId: launch.activityId,
      agent: JSON.stringify(launch.actor),
      registration: launch.registration,
    }).toString()}`;
  const launchReply = await fetcher(stateUrl('LMS.LaunchData'), { headers });
  if (!launchReply.ok)
    throw new Error(`the LMS's launch data could not be read (HTTP ${launchReply.status})`);
  const launchData = (await launchReply.json()) as LaunchData;
  const savedReply = await fetcher(stateUrl(PROGRESS_STATE), { headers });
  const suspended = savedReply.ok ? await savedReply.text() : '';

  const base: StatementBase = {
    actor: launch.actor,
    activityId: launch.activityId,
    registration: launch.registration,
    // The LMS names the session in the context template; a unit launched without one makes its own.
    sessionId: sessionOf(launchData) ?? uuid(),
    launchMode: launchData.launchMode ?? 'Normal',
    contextTemplate: launchData.contextTemplate ?? {},
    title: config.title,
  };
  const mastery = launchData.masteryScore ?? config.pass / 1000;
  const started = Date.now();
  const problems: string[] = [];
  // What was judged in an earlier session: a registration is completed, passed or failed once.
  const judged = judgedBefore(suspended);

  // The outbox: statements in order, each retried with its own id until the LRS takes it.
  const queue: Statement[] = [];
  let sending: Promise<void> | null = null;
  let progressDoc: string | null = null;
  const send = async (): Promise<void> => {
    for (let attempt = 0; queue.length > 0 || progressDoc !== null;) {
      const ok = await sendNext();
      if (ok) {
        attempt = 0;
        continue;
      }
      const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 15000;
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  /** A PUT of JSON to the LRS; `keepalive` for what must outlive the page. */
  const put = (url: string, body: string, keepalive = false) =>
    fetcher(url, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body,
      keepalive,
    });
  const putStatement = (statement: Statement, keepalive = false) =>
    put(
      `${launch.endpoint}statements?statementId=${encodeURIComponent(statement.id)}`,
      JSON.stringify(statement),
      keepalive,
    );
  const sendNext = async (): Promise<boolean> => {
    try {
      const next = queue[0];
      if (next) {
        const reply = await putStatement(next);
        // 409: the LRS already holds a statement with this id (an earlier try got through).
        if (reply.ok || reply.status === 409) {
          queue.shift();
          return true;
        }
        // Any other 4xx is a refusal no retry will change: said (the first 20), and passed over.
        if (reply.status >= 400 && reply.status < 500) {
          if (problems.length < 20) problems.push(`statement ${next.id} refused: HTTP ${reply.status}`);
          queue.shift();
          return true;
        }
        return false;
      }
      if (progressDoc !== null) {
        const body = progressDoc;
        const reply = await put(stateUrl(PROGRESS_STATE), body);
        if (!reply.ok) return false;
        if (progressDoc === body) progressDoc = null;
      }
      return true;
    } catch {
      return false;
    }
  };
  const flush = () => {
    sending ??= send().finally(() => {
      sending = null;
    });
    return sending;
  };

  queue.push(cmi5Statement(base, 'initialized', null, uuid()));
  void flush();
  let finished = false;
  return {
    format: 'cmi5',
    learner: learnerName(launch.actor),
    resumed: suspended !== '',
    suspended: stripJudged(suspended),
    interactions: 0,
    problems,
    write(update) {
      if (finished) return Promise.resolve();
      const statements = reportStatements(base, update, judged, mastery, Date.now() - started, uuid);
      for (const s of statements) {
        const verb = (s.verb as { id: string }).id;
        if (verb === VERBS.completed) judged.completed = true;
        if (verb === VERBS.passed || verb === VERBS.failed) judged.judged = true;
      }
      queue.push(...statements);
      progressDoc = withJudged(update.suspend, judged);
      return flush();
    },
    finish() {
      if (finished) return;
      finished = true;
      queue.push(cmi5Statement(base, 'terminated', { duration: duration2004(Date.now() - started) }, uuid()));
      // The page is going: what is left goes with keepalive, in order, without waiting for replies.
      for (const s of queue.splice(0)) void putStatement(s, true).catch(() => undefined);
    },
  };
}

function sessionOf(launchData: LaunchData): string | null {
  const id = launchData.contextTemplate?.extensions?.[SESSION_ID];
  return typeof id === 'string' ? id : null;
}

/** The learner's name from an xAPI agent, when it has one. */
function learnerName(actor: unknown): string | null {
  const name = (actor as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : null;
}

/** cmi5 keeps our suspend data with a note of what was judged: {"s": suspend, "j": [completed, judged]}. */
function judgedBefore(saved: string): { completed: boolean; judged: boolean } {
  try {
    const doc = JSON.parse(saved) as { j?: unknown };
    if (Array.isArray(doc.j)) return { completed: doc.j[0] === true, judged: doc.j[1] === true };
  } catch {
    // nothing saved, or not ours: nothing judged yet
  }
  return { completed: false, judged: false };
}

function stripJudged(saved: string): string {
  try {
    const doc = JSON.parse(saved) as { s?: unknown };
    return typeof doc.s === 'string' ? doc.s : '';
  } catch {
    return '';
  }
}

function withJudged(suspend: string, judged: { completed: boolean; judged: boolean }): string {
  return JSON.stringify({ s: suspend, j: [judged.completed, judged.judged] });
}
