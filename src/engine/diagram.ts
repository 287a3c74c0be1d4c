/**
 * A scenario as a diagram for trainers: Mermaid and Graphviz DOT text, nodes shaded by the mood the
 * customer is usually in when the call reaches them, endings coloured by kind, conditions on branch
 * edges, and dashed edges to the max-anger ending from the moments an answer can end there. Pure
 * strings.
 */
import { branchText } from './condition-text.js';
import { MAX_ANGER, moodOf } from './mood.js';
import { maxAngerSources, moodRanges } from './mood-range.js';
import { MOODS, type EndingKind, type Mood } from './vocabulary.js';
import { own } from './own.js';
import { paths } from './paths.js';
import type { Branch, Scenario } from './schema.js';

export const MOOD_FILL: Record<Mood, string> = {
  relieved: '#d8efe0',
  calm: '#e6f1f6',
  annoyed: '#fbefd0',
  angry: '#f8d9c2',
  furious: '#f2b8b0',
};

export const ENDING_FILL: Record<EndingKind, string> = {
  resolved: '#8fd0a6',
  'partly-resolved': '#c9e3a3',
  'handed-off': '#b9cde8',
  escalated: '#f0a27a',
  'hung-up': '#d9534f',
};

/**
 * The mood the customer is most often in on arriving at each node, over the scenario's paths
 * (at most `limit` of them); the start node is the customer's starting mood.
 */
export function typicalMoods(scenario: Scenario, limit = 20_000): Record<string, Mood> {
  const counts = new Map<string, Partial<Record<Mood, number>>>();
  const count = (node: string, mood: Mood) => {
    let c = counts.get(node);
    if (!c) counts.set(node, (c = {}));
    c[mood] = (c[mood] ?? 0) + 1;
  };
  let seen = 0;
  for (const path of paths(scenario)) {
    if (seen++ >= limit) break;
    const first = path.records[0];
    if (first) count(scenario.start, moodOf(first.before.anger, first.before.trust));
    for (const record of path.records)
      if (record.after.node !== null) count(record.after.node, record.after.mood);
  }
  return Object.fromEntries(
    Object.keys(scenario.nodes).map((id) => {
      const c = counts.get(id) ?? {};
      const best = MOODS.reduce<Mood>((a, m) => ((c[m] ?? 0) > (c[a] ?? 0) ? m : a), 'calm');
      return [id, best];
    }),
  );
}

interface Edge {
  from: string;
  to: string;
  label: string;
  /** Drawn dashed: anger reaching the top, not an answer's next. */
  maxAnger?: boolean;
}

/** Where a `next` leads, with the condition of each branch ("otherwise" for the default). */
function routesOf(next: string | Branch[]): { to: string; when: string | null }[] {
  return typeof next === 'string'
    ? [{ to: next, when: null }]
    : next.map((b) => ({ to: b.goto, when: branchText(b) }));
}

function edgesOf(scenario: Scenario): Edge[] {
  const edges: Edge[] = [];
  const label = (base: string, when: string | null) => (when ? `${base} [${when}]` : base);
  for (const [id, node] of Object.entries(scenario.nodes)) {
    for (const r of node.responses) {
      const marks = [...r.uses, ...r.breaks.map((b) => `✗${b}`)].join(' ');
      for (const { to, when } of routesOf(r.next))
        edges.push({ from: id, to, label: label(marks ? `${r.id} (${marks})` : r.id, when) });
    }
    if (node.i_message)
      for (const { to, when } of routesOf(node.i_message.next))
        edges.push({ from: id, to, label: label('I-message', when) });
    // A moment nobody answers goes on by itself, labelled by who speaks it.
    if (node.next !== undefined)
      for (const { to, when } of routesOf(node.next))
        edges.push({ from: id, to, label: label(node.speaker ?? 'customer', when) });
  }
  for (const id of maxAngerSources(scenario, moodRanges(scenario)))
    edges.push({ from: id, to: scenario.at_max_anger, label: `anger reaches ${MAX_ANGER}`, maxAnger: true });
  return edges;
}

/** Mermaid flowchart text. Ids are replaced by n0, n1…, since Mermaid reads "-" as part of arrows. */
export function toMermaid(scenario: Scenario, moods = typicalMoods(scenario)): string {
  const ids = [...Object.keys(scenario.nodes), ...Object.keys(scenario.endings)];
  const key = new Map(ids.map((id, i) => [id, `n${i}`]));
  const safe = (text: string) => text.replace(/"/g, '#quot;');
  const lines = ['flowchart TD'];
  for (const id of Object.keys(scenario.nodes)) {
    const start = id === scenario.start ? ' (start)' : '';
    lines.push(`  ${key.get(id) ?? id}["${safe(id)}${start}"]:::${own(moods, id) ?? 'calm'}`);
  }
  for (const [id, ending] of Object.entries(scenario.endings)) {
    lines.push(`  ${key.get(id) ?? id}(["${safe(id)}: ${ending.kind}"]):::${ending.kind}`);
  }
  for (const e of edgesOf(scenario)) {
    const arrow = e.maxAnger ? '-.->' : '-->';
    lines.push(`  ${key.get(e.from) ?? e.from} ${arrow}|"${safe(e.label)}"| ${key.get(e.to) ?? e.to}`);
  }
  for (const m of MOODS) lines.push(`  classDef ${m} fill:${MOOD_FILL[m]},stroke:#555`);
  for (const [kind, fill] of Object.entries(ENDING_FILL))
    lines.push(`  classDef ${kind} fill:${fill},stroke:#333`);
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT text. */
export function toDot(scenario: Scenario, moods = typicalMoods(scenario)): string {
  const q = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const lines = [
    `digraph ${q(scenario.id)} {`,
    '  rankdir=TB;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const id of Object.keys(scenario.nodes)) {
    const mood = own(moods, id) ?? 'calm';
    const extra = id === scenario.start ? ', penwidth=2' : '';
    lines.push(`  ${q(id)} [label=${q(`${id}\n(${mood})`)}, fillcolor=${q(MOOD_FILL[mood])}${extra}];`);
  }
  for (const [id, ending] of Object.entries(scenario.endings)) {
    lines.push(
      `  ${q(id)} [label=${q(`${id}\n${ending.kind}`)}, shape=ellipse, fillcolor=${q(ENDING_FILL[ending.kind])}];`,
    );
  }
  for (const e of edgesOf(scenario)) {
    const dashed = e.maxAnger ? ', style=dashed' : '';
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}${dashed}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
