/**
 * Checks trainers asked for, about what a scenario teaches: an Observe moment needs body language
 * that contradicts the words, a letter a moment does not call for earns nothing, and a mood line the
 * customer can never be in the mood for is never said.
 */
import type { Report } from './diagnostics.js';
import type { Locator } from './locate.js';
import { entryMoods } from './mood-walk.js';
import { matchAnswer } from './understand/match.js';
import type { Scenario } from './schema.js';
import { LETTER_NAMES, MOODS } from './vocabulary.js';

/** Reports the teaching warnings; the mood lines only once the graph's targets are known good. */
export function checkTeaching(
  scenario: Scenario,
  locate: Locator,
  report: Report,
  { targetsOk }: { targetsOk: boolean },
): void {
  checkObserve(scenario, locate, report);
  checkUnscoredLetters(scenario, locate, report);
  checkTypedMatch(scenario, locate, report);
  if (targetsOk) checkMoodLines(scenario, locate, report);
}

/** KC040: Observe is noticing body language that does not match the words; there must be some. */
function checkObserve(scenario: Scenario, locate: Locator, report: Report): void {
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    if (!node.calls_for.includes('O') || node.cue?.matches === false) continue;
    report(
      'KC040',
      node.cue ? locate(['nodes', nodeId, 'cue', 'matches']) : locate(['nodes', nodeId, 'calls_for']),
      node.cue
        ? `node '${nodeId}' calls for O (Observe) but its cue matches the words`
        : `node '${nodeId}' calls for O (Observe) but has no cue`,
      node.cue
        ? 'set "matches: false" and describe what contradicts the words, or drop O from calls_for'
        : 'add a cue whose body language contradicts the words ("matches: false"), or drop O from calls_for',
    );
  }
}

/**
 * KC041: a letter in `uses` that the moment does not call for earns nothing. Two exceptions. N where
 * nobody crossed a line is the early I-message, a mistake the scoring counts on purpose. And a
 * response whose letters are all out of place and that breaks no don't is a near miss (the right
 * technique at the wrong moment): its letters say what it did, and without them it would teach
 * nothing (KC033).
 */
function checkUnscoredLetters(scenario: Scenario, locate: Locator, report: Report): void {
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    node.responses.forEach((response, i) => {
      const scored = response.uses.some((l) => node.calls_for.includes(l));
      if (!scored && response.breaks.length === 0) return;
      response.uses.forEach((letter, j) => {
        if (node.calls_for.includes(letter) || (letter === 'N' && !node.misconduct)) return;
        report(
          'KC041',
          locate(['nodes', nodeId, 'responses', i, 'uses', j]),
          `response '${response.id}' uses ${letter} (${LETTER_NAMES[letter]}) but node '${nodeId}' does not call for it, so it earns nothing`,
          `add ${letter} to the node's calls_for if this is a moment for it, or drop it from the response's uses`,
        );
      });
    });
  }
}

/**
 * KC043: in Type mode a typed answer is matched to the closest response at its moment. A response
 * whose own words (or paraphrases), with its own letters and don'ts, would not be matched back to
 * it reads too much like a sibling: a trainee who types it may be taken for the other.
 */
function checkTypedMatch(scenario: Scenario, locate: Locator, report: Report): void {
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const reported = new Set<string>();
    node.responses.forEach((response, i) => {
      for (const [j, text] of [response.says, ...response.paraphrases].entries()) {
        const match = matchAnswer(text, [...response.uses, ...response.breaks], node.responses);
        if (match.chosen === response.id) continue;
        const other = match.ranked.find((r) => r.id !== response.id)?.id ?? '';
        const pair = [response.id, other].sort().join(' ');
        if (reported.has(pair)) return;
        reported.add(pair);
        const at = j === 0 ? ['says'] : ['paraphrases', j - 1];
        report(
          'KC043',
          locate(['nodes', nodeId, 'responses', i, ...at]),
          `responses '${response.id}' and '${other}' at node '${nodeId}' read too alike: typed in the trainee's own words, one may be taken for the other`,
          'make their words differ more, or give each a few "paraphrases:" (other ways a trainee might say it)',
        );
        return;
      }
    });
  }
}

/** KC042: a node's line for a mood it can never be entered in is never said. */
function checkMoodLines(scenario: Scenario, locate: Locator, report: Report): void {
  // A moment nobody answers is passed on the way to the next: the walk does not stop there.
  const lined = Object.entries(scenario.nodes).filter(
    ([, node]) => typeof node.says !== 'string' && node.responses.length > 0,
  );
  if (lined.length === 0) return;
  const moods = entryMoods(scenario);
  // Too many states to walk them all: no warning rather than a slow check or a wrong one.
  if (moods === null) return;
  for (const [nodeId, node] of lined) {
    const entered = moods.get(nodeId);
    // A node never entered at all is KC030's business.
    if (typeof node.says === 'string' || !entered || entered.size === 0) continue;
    for (const mood of MOODS) {
      if (node.says[mood] === undefined || entered.has(mood)) continue;
      report(
        'KC042',
        locate(['nodes', nodeId, 'says', mood], 'key'),
        `the customer is never ${mood} on reaching '${nodeId}', so this line is never said (reached ${MOODS.filter((m) => entered.has(m)).join(', ')})`,
        'check the anger and trust the answers leading here add up to, or remove the line',
      );
    }
  }
}
