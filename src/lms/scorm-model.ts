/**
 * The report in each SCORM version's own words: the data-model elements a package sets, in the
 * order the standard needs them (an interaction's id before anything else of it), with values in
 * the version's formats (1.2: HHHH:MM:SS.SS times, 'wrong', one-character choices; 2004: ISO 8601
 * durations and timestamps, 'incorrect', identifiers). Pure: the adapter (scorm.ts) only calls
 * SetValue with each pair, and the tests read the same pairs.
 */
import type { LmsUpdate } from './connection.js';
import type { PackageScore } from './report.js';
import { clip, dontObjectiveId, objectiveId } from './report.js';

export type ScormVersion = 'scorm12' | 'scorm2004';

export type Pair = readonly [element: string, value: string];

/** SCORM 1.2's CMITimespan: HHHH:MM:SS.SS (hours at least two digits). */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004's timeinterval (ISO 8601 duration): PT1H2M3.45S, at most hundredths of a second. */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

/** SCORM 1.2's CMITime: the time of day, HH:MM:SS (UTC, as the LMS cannot know the learner's zone). */
export function timeOfDay12(at: Date): string {
  return at.toISOString().slice(11, 19);
}

/**
 * SCORM 2004's time, in UTC to the hundredth of a second. Its grammar allows a time zone only
 * after a fraction of a second (YYYY-MM-DDThh:mm:ss.sTZD): "…T09:30:00Z" is refused.
 */
export function timestamp2004(at: Date): string {
  return `${at.toISOString().slice(0, 22)}Z`;
}

/** One letter per written answer (a–z) for SCORM 1.2's choice interactions. */
const choiceLetter = (index: number): string => String.fromCharCode(97 + index);

/** 1.2's lesson status: one word for completion and success together. */
function lessonStatus(score: PackageScore): string {
  if (score.success !== 'unknown') return score.success;
  return score.completion;
}

export function scormPairs(version: ScormVersion, update: LmsUpdate): Pair[] {
  return version === 'scorm12' ? pairs12(update) : pairs2004(update);
}

function pairs12({ score, objectives, interactions, suspend, location }: LmsUpdate): Pair[] {
  const out: Pair[] = [
    ['cmi.core.score.raw', String(score.raw)],
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
    ['cmi.core.lesson_status', lessonStatus(score)],
    ['cmi.core.lesson_location', location],
    ['cmi.suspend_data', suspend],
  ];
  objectives.forEach((o, n) => {
    const at = `cmi.objectives.${n}`;
    out.push([`${at}.id`, o.id]);
    if (o.raw !== null) {
      out.push([`${at}.score.raw`, String(o.raw)], [`${at}.score.min`, '0'], [`${at}.score.max`, '100']);
    }
    out.push([`${at}.status`, o.raw === null ? 'not attempted' : o.success]);
  });
  for (const { index, interaction: x, answeredAt } of interactions) {
    const at = `cmi.interactions.${index}`;
    const choice = x.kind === 'choice' && x.responseIndex >= 0;
    out.push([`${at}.id`, x.id], [`${at}.type`, choice ? 'choice' : 'fill-in']);
    [...x.letters.map(objectiveId), ...x.donts.map(dontObjectiveId)].forEach((id, m) =>
      out.push([`${at}.objectives.${m}.id`, id]),
    );
    out.push([`${at}.time`, timeOfDay12(answeredAt)]);
    if (choice) {
      // The clean I-message, where it is the best option, is the letter after the written answers'.
      const best = x.bestIndex >= 0 ? x.bestIndex : x.choices;
      out.push([`${at}.correct_responses.0.pattern`, choiceLetter(best)]);
      out.push([`${at}.student_response`, choiceLetter(x.responseIndex)]);
    } else {
      out.push([`${at}.student_response`, clip(x.says, 255)]);
    }
    out.push(
      [`${at}.result`, x.correct ? 'correct' : 'wrong'],
      [`${at}.weighting`, '1'],
      [`${at}.latency`, timespan12(x.latencyMs)],
    );
  }
  return out;
}

function pairs2004({ score, objectives, interactions, suspend, location }: LmsUpdate): Pair[] {
  const out: Pair[] = [
    ['cmi.score.raw', String(score.raw)],
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.scaled', String(score.scaled)],
    ['cmi.progress_measure', String(Math.round((1000 * score.finished) / score.assigned) / 1000)],
    ['cmi.completion_status', score.completion],
    ['cmi.success_status', score.success],
    ['cmi.location', location],
    ['cmi.suspend_data', suspend],
  ];
  objectives.forEach((o, n) => {
    const at = `cmi.objectives.${n}`;
    out.push([`${at}.id`, o.id]);
    if (o.raw !== null) {
      out.push(
        [`${at}.score.scaled`, String(o.raw / 100)],
        [`${at}.score.raw`, String(o.raw)],
        [`${at}.score.min`, '0'],
        [`${at}.score.max`, '100'],
      );
    }
    out.push(
      [`${at}.success_status`, o.success],
      [`${at}.completion_status`, o.completion === 'not attempted' ? 'not attempted' : o.completion],
      [`${at}.description`, o.description],
    );
  });
  for (const { index, interaction: x, answeredAt } of interactions) {
    const at = `cmi.interactions.${index}`;
    const choice = x.kind === 'choice';
    out.push([`${at}.id`, x.id], [`${at}.type`, choice ? 'choice' : 'long-fill-in']);
    [...x.letters.map(objectiveId), ...x.donts.map(dontObjectiveId)].forEach((id, m) =>
      out.push([`${at}.objectives.${m}.id`, id]),
    );
    out.push([`${at}.timestamp`, timestamp2004(answeredAt)]);
    if (choice) out.push([`${at}.correct_responses.0.pattern`, x.best]);
    out.push(
      [`${at}.learner_response`, choice ? x.response : clip(x.says, 4000)],
      [`${at}.result`, x.correct ? 'correct' : 'incorrect'],
      [`${at}.weighting`, '1'],
      [`${at}.latency`, duration2004(x.latencyMs)],
      [`${at}.description`, x.description],
    );
  }
  return out;
}

/** What ends a session: its length, and whether the learner will come back to it. */
export function exitPairs(version: ScormVersion, score: PackageScore, sessionMs: number): Pair[] {
  const done = score.completion === 'completed';
  return version === 'scorm12'
    ? [
        ['cmi.core.session_time', timespan12(sessionMs)],
        ['cmi.core.exit', done ? '' : 'suspend'],
      ]
    : [
        ['cmi.session_time', duration2004(sessionMs)],
        ['cmi.exit', done ? 'normal' : 'suspend'],
      ];
}
