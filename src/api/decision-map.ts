/**
 * The room's decision map, for the debrief: per call and per moment the room reached, how the room
 * answered (each player once, with their latest run of the call), the customer's anger there, the
 * most common mistake and what the best answer does. Pure: the server feeds it the stored runs and
 * caches the result by the board's revision; tests call it directly.
 */
import {
  DONTS,
  I_MESSAGE_RESPONSE,
  LETTERS,
  bestOption,
  fill,
  lineFor,
  own,
  replay,
  type AnswerWay,
  type Letter,
  type Scenario,
  type ScenarioNode,
} from '../engine/index.js';
import { LABELS, type Label } from '../engine/understand/labels.js';
import type { MapAnswer, MapMistake, MapMoment, MapMove, RoomMap } from './map-replies.js';

/** The id silence is counted under at a moment: no response id can start with `#`. */
export const SILENCE_ANSWER = '#silence';

/** A stored run of one of the room's calls. */
export interface MapRun {
  run: string;
  player: string;
  nickname: string;
  scenario: string;
  finishedAt: number;
  transcript: unknown;
}

export interface MapInput {
  room: string;
  revision: number;
  answers: AnswerWay;
  /** The room's calls, in the room's order, as the server scores them now. */
  scenarios: readonly Scenario[];
  runs: readonly MapRun[];
}

/** One answer at a moment with who gave it: the map before it is shown to anyone. */
interface AnswerTally {
  id: string;
  kind: MapAnswer['kind'];
  says: string;
  players: string[];
  letters: Set<Letter>;
  donts: Set<string>;
}

interface MomentTally {
  node: string;
  order: number;
  firstStep: number;
  answers: Map<string, AnswerTally>;
  labels: Map<Label, number>;
  donts: Map<string, number>;
  missed: Map<Letter, number>;
  /** Per answer id, the players whose answer a better option beat (a weaker answer). */
  weaker: Map<string, number>;
  angerBefore: number;
  angerAfter: number;
  reached: number;
  words: Map<string, string>;
}

/** The map with who answered what: `viewMap` turns it into what a viewer may see. */
export interface DecisionMap {
  room: string;
  revision: number;
  answers: AnswerWay;
  nicknames: ReadonlyMap<string, string>;
  scenarios: {
    id: string;
    title: string;
    version: number;
    players: number;
    peak: string | null;
    moments: (Omit<MapMoment, 'answers' | 'myWords'> & {
      answers: (Omit<MapAnswer, 'names' | 'mine'> & { players: readonly string[] })[];
      words: ReadonlyMap<string, string>;
    })[];
  }[];
}

/** Each player's latest run of each call (ties: the later run id), in a fixed order. */
export function latestRuns<R extends Omit<MapRun, 'transcript'>>(runs: readonly R[]): R[] {
  const latest = new Map<string, R>();
  for (const run of runs) {
    const key = `${run.player}\n${run.scenario}`;
    const held = latest.get(key);
    if (
      !held ||
      run.finishedAt > held.finishedAt ||
      (run.finishedAt === held.finishedAt && run.run > held.run)
    )
      latest.set(key, run);
  }
  return [...latest.values()].sort((a, b) => (a.player < b.player ? -1 : a.player > b.player ? 1 : 0));
}

/** Whole percents of `total` that add up to exactly 100 (largest remainders, ties to the first). */
export function shares(counts: readonly number[], total: number): number[] {
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (100 * c) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if ((counts[i] ?? 0) === 0) continue;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

const percent = (count: number, total: number): number => (total > 0 ? Math.round((100 * count) / total) : 0);

const DONT_ORDER = new Map<string, number>(DONTS.map((d, i) => [d, i]));
const byDont = (a: string, b: string): number =>
  (DONT_ORDER.get(a) ?? 99) - (DONT_ORDER.get(b) ?? 99) || (a < b ? -1 : a > b ? 1 : 0);
const sortLetters = (letters: Iterable<Letter>): Letter[] => LETTERS.filter((l) => new Set(letters).has(l));

function newMoment(node: string, order: number, step: number): MomentTally {
  return {
    node,
    order,
    firstStep: step,
    answers: new Map(),
    labels: new Map(),
    donts: new Map(),
    missed: new Map(),
    weaker: new Map(),
    angerBefore: 0,
    angerAfter: 0,
    reached: 0,
    words: new Map(),
  };
}

function answerTally(id: string, kind: MapAnswer['kind'], says: string): AnswerTally {
  return { id, kind, says, players: [], letters: new Set(), donts: new Set() };
}

/** The moves the best option makes at a node: its letters the node calls for. */
function bestOf(scenario: Scenario, nodeId: string, node: ScenarioNode): { id: string; letters: Letter[] } {
  const best = bestOption(scenario, nodeId, node);
  if (best.id === I_MESSAGE_RESPONSE) {
    return { id: best.id, letters: node.calls_for.includes('N') ? ['N'] : [] };
  }
  const response = node.responses.find((r) => r.id === best.id);
  return { id: best.id, letters: sortLetters(node.calls_for.filter((l) => response?.uses.includes(l))) };
}

/** The most common mistake: the largest count; a tie goes to a don't, then a weaker answer, then a missed move. */
function commonMistake(
  moment: MomentTally,
  node: ScenarioNode,
  answers: AnswerWay,
  saysOf: (id: string) => string,
): MapMistake | null {
  let found: MapMistake | null = null;
  const consider = (candidate: MapMistake) => {
    if (candidate.count > 0 && (found === null || candidate.count > found.count)) found = candidate;
  };
  const reached = moment.reached;
  for (const dont of [...moment.donts.keys()].sort(byDont)) {
    const count = moment.donts.get(dont) ?? 0;
    consider({ kind: 'dont', dont, count, share: percent(count, reached) });
  }
  if (answers === 'pick') {
    for (const id of [...moment.answers.keys()]) {
      const count = moment.weaker.get(id) ?? 0;
      consider({ kind: 'answer', answer: id, says: saysOf(id), count, share: percent(count, reached) });
    }
  } else {
    for (const letter of sortLetters(node.calls_for)) {
      const count = moment.missed.get(letter) ?? 0;
      consider({ kind: 'missed', letter, count, share: percent(count, reached) });
    }
  }
  return found;
}

/** One answer in a call, as the map and the per-decision export read it. */
export interface CallDecision {
  /** Its place among the call's answers (1 for the first); silences count, time-outs do not. */
  step: number;
  node: string;
  /** The response id, I_MESSAGE_RESPONSE, or SILENCE_ANSWER. */
  answer: string;
  kind: MapAnswer['kind'];
  /** For a typed answer: the words, and the moves and don'ts the model heard in them. */
  typed?: { text: string; labels: readonly Label[] };
  letters: Letter[];
  donts: string[];
  /** Whether a better option was there to take. */
  weaker: boolean;
  angerBefore: number;
  angerAfter: number;
}

/** Every answer of a call, replayed with the engine; null when the transcript does not replay. */
export function callDecisions(scenario: Scenario, transcript: unknown): CallDecision[] | null {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) return null;
  const { result, records } = replayed;
  const out: CallDecision[] = [];
  let next = 0;
  for (const record of records) {
    const event = record.event;
    if (event.kind === 'timeout') continue;
    const decision = event.kind === 'silence' ? undefined : result.decisions[next++];
    if (event.kind !== 'silence' && decision?.node !== event.node) continue;
    const answer = decision ? decision.response : SILENCE_ANSWER;
    const said = decision ? answer : '';
    const donts = [
      ...new Set(result.donts.filter((d) => d.node === event.node && d.response === said).map((d) => d.dont)),
    ].sort(byDont);
    out.push({
      step: out.length + 1,
      node: event.node,
      answer,
      kind: decision ? (answer === I_MESSAGE_RESPONSE ? 'i-message' : 'response') : 'silence',
      ...(decision?.typed ? { typed: { text: decision.says, labels: decision.typed.labels } } : {}),
      letters: sortLetters(decision?.hits ?? []),
      donts,
      weaker: decision?.better != null,
      angerBefore: record.before.anger,
      angerAfter: record.after.anger,
    });
  }
  return out;
}

/** Tallies one call's runs moment by moment. */
function tallyScenario(
  scenario: Scenario,
  runs: readonly MapRun[],
): { moments: MomentTally[]; players: number } {
  const order = new Map(Object.keys(scenario.nodes).map((id, i) => [id, i]));
  const moments = new Map<string, MomentTally>();
  let players = 0;
  for (const run of runs) {
    const decisions = callDecisions(scenario, run.transcript);
    if (!decisions) continue;
    players++;
    const seen = new Set<string>();
    for (const d of decisions) {
      // A player who comes back to a moment counts there once, with their first answer.
      if (seen.has(d.node)) continue;
      seen.add(d.node);
      const node = own(scenario.nodes, d.node);
      if (!node) continue;
      let moment = moments.get(d.node);
      if (!moment) {
        moment = newMoment(d.node, order.get(d.node) ?? 0, d.step);
        moments.set(d.node, moment);
      }
      moment.firstStep = Math.min(moment.firstStep, d.step);
      moment.reached++;
      moment.angerBefore += d.angerBefore;
      moment.angerAfter += d.angerAfter;
      let answer = moment.answers.get(d.answer);
      if (!answer) {
        answer = answerTally(d.answer, d.kind, '');
        moment.answers.set(d.answer, answer);
      }
      answer.players.push(run.player);
      for (const letter of d.letters) answer.letters.add(letter);
      for (const dont of d.donts) {
        answer.donts.add(dont);
        moment.donts.set(dont, (moment.donts.get(dont) ?? 0) + 1);
      }
      if (d.weaker && d.kind !== 'silence')
        moment.weaker.set(d.answer, (moment.weaker.get(d.answer) ?? 0) + 1);
      const hits = new Set(d.letters);
      for (const letter of node.calls_for) {
        if (!hits.has(letter)) moment.missed.set(letter, (moment.missed.get(letter) ?? 0) + 1);
      }
      if (d.typed) {
        for (const label of new Set(d.typed.labels))
          moment.labels.set(label, (moment.labels.get(label) ?? 0) + 1);
        moment.words.set(run.player, d.typed.text);
      }
    }
  }
  const sorted = [...moments.values()].sort((a, b) => a.firstStep - b.firstStep || a.order - b.order);
  return { moments: sorted, players };
}

/** The map of the room's latest runs, with who answered what (see `viewMap` for what is shown). */
export function buildDecisionMap(input: MapInput): DecisionMap {
  const latest = latestRuns(input.runs);
  const nicknames = new Map(latest.map((r) => [r.player, r.nickname]));
  const scenarios = input.scenarios.map((scenario) => {
    const runs = latest.filter((r) => r.scenario === scenario.id);
    const tallied = tallyScenario(scenario, runs);
    const moments = tallied.moments.map((moment) => {
      const node = own(scenario.nodes, moment.node);
      if (!node) throw new Error(`a tallied moment is one of the scenario's nodes: ${moment.node}`);
      const best = bestOf(scenario, moment.node, node);
      // Every written answer is listed (a 0% answer is worth seeing), in the order they are offered,
      // then the I-message and silence when someone answered so, or when the I-message was best.
      const listed: AnswerTally[] = node.responses.map((r) => {
        const tally = moment.answers.get(r.id);
        const says = fill(r.says, scenario.variables);
        return tally ? { ...tally, says } : answerTally(r.id, 'response', says);
      });
      const iMessage = moment.answers.get(I_MESSAGE_RESPONSE);
      if (iMessage || best.id === I_MESSAGE_RESPONSE)
        listed.push(iMessage ?? answerTally(I_MESSAGE_RESPONSE, 'i-message', ''));
      const silence = moment.answers.get(SILENCE_ANSWER);
      if (silence) listed.push(silence);
      const split = shares(
        listed.map((a) => a.players.length),
        moment.reached,
      );
      const saysOf = (id: string) => listed.find((a) => a.id === id)?.says ?? '';
      const moves: MapMove[] = LABELS.filter((l) => moment.labels.has(l))
        .map((label) => {
          const count = moment.labels.get(label) ?? 0;
          return { label, count, share: percent(count, moment.reached) };
        })
        .sort((a, b) => b.count - a.count);
      return {
        key: `${scenario.id}/${moment.node}`,
        node: moment.node,
        line: fill(lineFor(node.says, 'calm'), scenario.variables),
        calledFor: sortLetters(node.calls_for),
        reached: moment.reached,
        answers: listed.map((a, i) => ({
          id: a.id,
          kind: a.kind,
          says: a.says,
          count: a.players.length,
          share: split[i] ?? 0,
          best: a.id === best.id,
          letters: sortLetters(a.letters),
          donts: [...a.donts].sort(byDont),
          players: a.players,
        })),
        moves,
        anger: {
          before: Math.round(moment.angerBefore / moment.reached),
          after: Math.round(moment.angerAfter / moment.reached),
        },
        bestAnswer: best.id,
        bestLetters: best.letters,
        mistake: commonMistake(moment, node, input.answers, saysOf),
        words: moment.words,
      };
    });
    let peak: (typeof moments)[number] | null = null;
    for (const m of moments) if (peak === null || m.anger.after > peak.anger.after) peak = m;
    return {
      id: scenario.id,
      title: scenario.title,
      version: scenario.version,
      players: tallied.players,
      peak: peak?.node ?? null,
      moments,
    };
  });
  return { room: input.room, revision: input.revision, answers: input.answers, nicknames, scenarios };
}

/**
 * The map as one viewer sees it: nicknames only when the room shows them, and `player`'s own
 * answers marked (only theirs: nobody else's are).
 */
export function viewMap(map: DecisionMap, options: { names: boolean; player?: string }): RoomMap {
  const { names, player } = options;
  const nameOf = (id: string) => map.nicknames.get(id) ?? '';
  return {
    room: map.room,
    revision: map.revision,
    answers: map.answers,
    names,
    scenarios: map.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      version: s.version,
      players: s.players,
      peak: s.peak,
      moments: s.moments.map(({ answers, words, ...moment }) => {
        const myWords = player === undefined ? undefined : words.get(player);
        return {
          ...moment,
          answers: answers.map(({ players, ...answer }) => ({
            ...answer,
            ...(names ? { names: players.map(nameOf).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) } : {}),
            ...(player !== undefined && players.includes(player) ? { mine: true } : {}),
          })),
          ...(myWords === undefined ? {} : { myWords }),
        };
      }),
    })),
  };
}
