/**
 * A score's words in the trainee's language: the same numbers, each text the scenario gave it
 * (answers, feedback, better answers, thoughts, the ending) passed through a ShownText. Typed answers
 * stay as the trainee typed them.
 */
import type { ScoreResult } from './score-rules.js';
import type { ShownText } from './shown-text.js';

/** `result` with its scenario texts shown through `show`; the same object when nothing changes. */
export function shownResult(result: ScoreResult, show: ShownText): ScoreResult {
  return {
    ...result,
    composure: {
      ...result.composure,
      timeouts: result.composure.timeouts.map((t) => ({ ...t, thought: show(t.thought) })),
    },
    ending: result.ending && {
      ...result.ending,
      says: show(result.ending.says),
      narrative: show(result.ending.narrative),
    },
    decisions: result.decisions.map((d) => ({
      ...d,
      says: d.kind === 'choice' ? show(d.says) : d.says,
      feedback: show(d.feedback),
      better: d.better && { ...d.better, says: show(d.better.says), feedback: show(d.better.feedback) },
      ...(d.typed ? { typed: { ...d.typed, matchedSays: show(d.typed.matchedSays) } } : {}),
    })),
  };
}
