/**
 * The translatable texts of a scenario, each with an id made from where it is, never from what it
 * says: editing a line keeps its id (and its translation, which then shows as stale), renaming a
 * node or a response changes it. Paraphrases are left out: they feed the English understanding model.
 */
import type { PathSegment } from './locate.js';
import type { Says, Scenario, ScenarioNode } from './schema.js';
import { MOODS } from './vocabulary.js';

/** One text a translator translates. */
export interface SourceString {
  /** Stable id, e.g. `nodes.opening.says.angry` or `nodes.opening.responses.listen.feedback`. */
  id: string;
  /** Where the text sits in the scenario object (and in its YAML file). */
  path: PathSegment[];
  text: string;
  /** A short hint for the translator: who says it, in what mood, or what it is for. */
  context: string;
}

const IM_STEPS = ['attention', 'feeling', 'behaviour', 'consequence', 'ramble'] as const;

/** Who says a node's line, as a translator needs to know it. */
function speakerName(scenario: Scenario, node: ScenarioNode): string {
  const speaker = node.speaker;
  if (speaker === undefined || speaker === 'customer') return scenario.customer.name;
  if (speaker === 'narrator') return 'Narrator';
  if (speaker === 'hold') return 'Hold message';
  return Object.hasOwn(scenario.speakers, speaker) ? (scenario.speakers[speaker]?.name ?? speaker) : speaker;
}

/** Every translatable text of `scenario`, in the order a reader of the file meets them. */
export function scenarioStrings(scenario: Scenario): SourceString[] {
  const out: SourceString[] = [];
  const add = (path: PathSegment[], text: string | undefined, context: string, id = path.join('.')) => {
    if (text !== undefined) out.push({ id, path, text, context });
  };
  const addSays = (path: PathSegment[], says: Says, who: string) => {
    if (typeof says === 'string') {
      add(path, says, who);
      return;
    }
    for (const mood of ['default', ...MOODS] as const) {
      add([...path, mood], says[mood], mood === 'default' ? `${who}, any mood` : `${who}, ${mood}`);
    }
  };

  add(['title'], scenario.title, 'Scenario title');
  add(['summary'], scenario.summary, 'Scenario summary, shown before the call');
  scenario.goals.forEach((goal, i) => {
    add(['goals', i], goal, 'Learning goal');
  });
  add(['customer', 'name'], scenario.customer.name, 'Customer’s name');
  add(['customer', 'persona'], scenario.customer.persona, 'Who the customer is, shown before the call');
  for (const [id, speaker] of Object.entries(scenario.speakers)) {
    add(['speakers', id, 'name'], speaker.name, 'Second speaker’s name');
    add(['speakers', id, 'role'], speaker.role, `Who ${speaker.name} is`);
  }
  if (scenario.thoughts) {
    for (const kind of ['helpful', 'unhelpful'] as const) {
      scenario.thoughts[kind].forEach((t, i) => {
        add(['thoughts', kind, i, 'text'], t.text, `Time-out thought, ${kind}`, `thoughts.${kind}.${t.id}`);
      });
    }
  }
  if (scenario.i_message) {
    for (const step of IM_STEPS) {
      scenario.i_message[step].forEach((piece, i) => {
        add(
          ['i_message', step, i, 'text'],
          piece.text,
          `I-message piece, ${step}`,
          `i_message.${step}.${piece.id}`,
        );
      });
    }
  }
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const at = ['nodes', nodeId];
    const who = speakerName(scenario, node);
    addSays([...at, 'says'], node.says, who);
    node.variants.forEach((v, i) => {
      addSays([...at, 'variants', i, 'says'], v.says, `${who}, another line`);
    });
    add([...at, 'silence'], node.silence, `${who}, when the trainee stays silent`);
    add([...at, 'cue', 'text'], node.cue?.text, `What the trainee sees or hears of ${who}`);
    node.i_message?.behaviour?.forEach((piece, i) => {
      add(
        [...at, 'i_message', 'behaviour', i, 'text'],
        piece.text,
        'I-message piece, behaviour, at this moment',
        `${at.join('.')}.i_message.behaviour.${piece.id}`,
      );
    });
    node.responses.forEach((r, i) => {
      const rAt = [...at, 'responses', i];
      const rId = `${at.join('.')}.responses.${r.id}`;
      add([...rAt, 'says'], r.says, 'Trainee’s answer', `${rId}.says`);
      r.variants.forEach((v, j) => {
        add(
          [...rAt, 'variants', j, 'says'],
          v.says,
          'Trainee’s answer, another wording',
          `${rId}.variants.${j}.says`,
        );
      });
      add([...rAt, 'feedback'], r.feedback, 'Coaching feedback on that answer', `${rId}.feedback`);
    });
  }
  for (const [endingId, ending] of Object.entries(scenario.endings)) {
    add(['endings', endingId, 'says'], ending.says, `${scenario.customer.name}’s last line (${ending.kind})`);
    add(['endings', endingId, 'narrative'], ending.narrative, `What happens next (${ending.kind})`);
  }
  return out;
}

/** The `{name}` placeholders a text uses, each once, sorted. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-z][a-z0-9-]{0,63})\}/g)].map((m) => m[1] ?? ''))].sort();
}
