/**
 * The conversation is drawn from the engine's step records, so it is always in the order things
 * happened: each new record adds what was said, the coach's word on it (timing included), and its
 * sounds.
 */
import {
  initialState,
  linePressure,
  own,
  scoreRecords,
  worded,
  type Call,
  type CallState,
  type Decision,
  type Scenario,
  type StepRecord,
} from '../../engine/index.js';
import type { Model } from '../../engine/understand/model.js';
import type { CallSounds } from '../../sound/director.js';
import type { AnswerTiming, Coach } from './coach.js';
import { whoOf, type ConversationLog, type Who } from './conversation-log.js';
import { t } from '../i18n/index.js';
import { shownIMessage } from '../../engine/shown-result.js';

/** A line for the conversation: who says it, and the words. */
export interface Said {
  who: Who;
  text: string;
  /** The engine's speaker of a line of the call's (not the trainee's): the stage moves their lips. */
  speaker?: string;
}

/** What is said on arriving at a state: the lines on the way (narration, a hold), then its own line. */
export function linesOf(scenario: Scenario, state: CallState): Said[] {
  const lines: Said[] = state.lead.map((l) => ({
    who: whoOf(scenario, l.speaker),
    text: l.text,
    speaker: l.speaker,
  }));
  if (state.line)
    lines.push({ who: whoOf(scenario, state.speaker), text: state.line, speaker: state.speaker });
  return lines;
}

export interface FeedOptions {
  scenario: Scenario;
  call: Call;
  log: ConversationLog;
  /** Adds lines to the log; `typed` types the newest lines out, one after another. */
  say: (lines: readonly Said[], typed?: boolean) => void;
  /** Coach mode's card; null in assessment mode. */
  coach: Coach | null;
  sounds: CallSounds | null;
  /** The scenario's words in the trainee's language (scenario-language.ts); as written if left out. */
  show?: (text: string) => string;
  /** The understanding model, in a typed call: the coach shows how it heard each answer. */
  model: Model | null;
  /** Told of each new record before its lines are said (a chat stamps them with its times). */
  onRecord?: (record: StepRecord) => void;
}

/**
 * When an answer came, as the score judged it: while the customer was still speaking (`over`: the
 * whole line shown and answered early, or a time-out taken mid-line), in the second after they
 * finished (`rushed`), or after the pause the method asks for.
 */
function timingOf(finishedAt: number, record: StepRecord, decision: Decision): AnswerTiming {
  if (!decision.rushed) return 'calm';
  return record.event.at < finishedAt ? 'over' : 'rushed';
}

/** Returns the feed: call it after every change, and it shows the records not shown yet. */
export function recordFeed({
  scenario,
  call,
  log,
  say,
  coach,
  sounds,
  show = (text) => text,
  model,
  onRecord,
}: FeedOptions): () => void {
  let shown = 0;
  // Records already there when the call (re)opened were heard before: no sounds for them.
  const soundFrom = call.records.length;
  return () => {
    for (const record of call.records.slice(shown)) {
      const { event } = record;
      onRecord?.(record);
      // The coach reads the engine's own verdict on an answer (a rushed answer to bait spoils it),
      // and when it came against the end of the customer's line.
      const upTo = call.records.indexOf(record) + 1;
      const prior = call.records[upTo - 2]?.after ?? initialState(scenario);
      const finishedAt = prior.finishedAt;
      const verdict = () => scoreRecords(scenario, call.records.slice(0, upTo)).decisions.at(-1);
      if (event.kind === 'choice') {
        const node = own(scenario.nodes, event.node);
        const found = node?.responses.find((r) => r.id === event.response);
        // In the words the trainee saw at that moment.
        const response = found && worded(found, prior);
        if (response) say([{ who: 'you', text: response.says }]);
        const decision = node && response && coach ? verdict() : undefined;
        if (node && response && decision)
          coach?.answer(
            node,
            { ...response, feedback: show(response.feedback) },
            decision,
            timingOf(finishedAt, record, decision),
          );
      }
      if (event.kind === 'typed') {
        say([{ who: 'you', text: event.text }]);
        const node = own(scenario.nodes, event.node);
        const found = node?.responses.find((r) => r.id === event.response);
        const response = found && worded(found, prior);
        const decision = coach && response ? verdict() : undefined;
        // The model that labelled the text labels it again for the words behind each label; one of
        // another version (a call resumed after an update) leaves the recorded labels, without them.
        const heard =
          model?.version === event.model
            ? model.label(event.text).heard
            : event.labels.map((label) => ({ label, score: 0, evidence: [] }));
        if (node && response && decision)
          coach?.typed(
            node,
            event.text,
            heard,
            { ...response, says: show(response.says), feedback: show(response.feedback) },
            decision,
            timingOf(finishedAt, record, decision),
          );
      }
      if (event.kind === 'i-message' && record.iMessage) {
        say([{ who: 'you', text: shownIMessage(record.iMessage, show).says }]);
        const decision = coach ? verdict() : undefined;
        coach?.iMessage(
          shownIMessage(record.iMessage, show),
          decision ? timingOf(finishedAt, record, decision) : 'calm',
          decision,
        );
      }
      // Dead air past the customer's patience is a mistake like any other: the coach says so.
      if (event.kind === 'silence' && record.after.node !== null) {
        coach?.silence(record.after.anger - record.before.anger, record.after.timeoutsLeft);
      }
      if (event.kind === 'timeout' && record.thought) {
        log.note(t('log.timeOut', { thought: show(record.thought.text) }));
      }
      // Sounds for what changed, captioned, just before the customer speaks (not for a resumed past).
      if (shown >= soundFrom) sounds?.step(record);
      // A time-out changes nothing the customer says: the line stays where it was.
      if (record.after.line && event.kind !== 'timeout') {
        say(linesOf(scenario, record.after), record === call.records.at(-1));
      }
      shown++;
      // Coach mode names the pressure as it lands: bait and insults cost composure.
      const arrived = record.after.node === null ? undefined : own(scenario.nodes, record.after.node);
      const lost = arrived ? linePressure(arrived) : 0;
      if (event.kind !== 'silence' && lost > 0) coach?.pressure(lost);
    }
  };
}
