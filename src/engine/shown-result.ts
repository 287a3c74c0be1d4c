/**
 * A score's words in the trainee's language: the same numbers, each text the scenario gave it
 * (answers, feedback, better answers, thoughts, the ending) passed through a ShownText. Typed answers
 * stay as the trainee typed them.
 */
import { sayPieces, type IMessageAssessment } from './method.js';
import type { ScoreResult } from './score-rules.js';
import type { ShownText } from './shown-text.js';

/** An I-message with each of its pieces shown through `show`, and said as they are shown. */
export function shownIMessage(iMessage: IMessageAssessment, show: ShownText): IMessageAssessment {
  const pieces = iMessage.pieces.map((piece) => ({ ...piece, text: show(piece.text) }));
  return { ...iMessage, pieces, says: sayPieces(pieces) };
}

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
      says: d.kind === 'choice' ? show(d.says) : d.iMessage ? shownIMessage(d.iMessage, show).says : d.says,
      ...(d.iMessage ? { iMessage: shownIMessage(d.iMessage, show) } : {}),
      feedback: show(d.feedback),
      better: d.better && { ...d.better, says: show(d.better.says), feedback: show(d.better.feedback) },
      ...(d.typed ? { typed: { ...d.typed, matchedSays: show(d.typed.matchedSays) } } : {}),
    })),
  };
}
