/** The scenario drawn as Mermaid and DOT: every node, ending and route, shaded by mood and kind. */
import { describe, expect, it } from 'vitest';
import { ENDING_FILL, MOOD_FILL, toDot, toMermaid, typicalMoods } from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);
const caller = loadFile('tests/fixtures/scenarios/swearing-caller.yaml');

describe('diagrams', () => {
  it('finds the mood the customer is usually in at each node', () => {
    // Parcel starts annoyed (50); most routes reach the facts still annoyed, the outburst angry.
    expect(typicalMoods(parcel)).toEqual({ opening: 'annoyed', shouting: 'angry', facts: 'annoyed' });
  });

  it('DOT: every node shaded by mood, every ending by kind, one edge per route', () => {
    const dot = toDot(parcel);
    const moods = typicalMoods(parcel);
    for (const id of Object.keys(parcel.nodes)) {
      expect(dot).toContain(
        `"${id}" [label="${id}\\n(${moods[id] ?? ''})", fillcolor="${MOOD_FILL[moods[id] ?? 'calm']}"`,
      );
    }
    for (const [id, ending] of Object.entries(parcel.endings)) {
      expect(dot).toContain(
        `"${id}" [label="${id}\\n${ending.kind}", shape=ellipse, fillcolor="${ENDING_FILL[ending.kind]}"]`,
      );
    }
    // opening: reflect → facts, blame-courier → shouting | facts; shouting: 2; facts: options → partly | sorted, policy;
    // and the outburst's threat can take anger to 100.
    expect(dot.match(/ -> /g)).toHaveLength(1 + 2 + 2 + 2 + 1 + 1);
    expect(dot).toContain('"opening" -> "shouting" [label="blame-courier (✗defensive) [anger ≥ 70]"];');
    expect(dot).toContain('"opening" -> "facts" [label="blame-courier (✗defensive) [otherwise]"];');
    expect(dot).toContain('"facts" -> "partly" [label="options (G) [flag blamed set]"];');
    expect(dot.trim().endsWith('}')).toBe(true);
  });

  it('Mermaid: safe ids, labelled routes, the I-message builder as a route of its own', () => {
    const mermaid = toMermaid(caller);
    expect(mermaid.startsWith('flowchart TD\n')).toBe(true);
    expect(mermaid).not.toMatch(/^\s+insult-again/m);
    expect(mermaid).toContain('"insult"]:::');
    expect(mermaid.match(/-->\|"I-message( \[[^\]]+\])?"\|/g)).toHaveLength(3); // complaint → insult; insult → fixed | insult-again
    expect(mermaid).toContain('classDef hung-up fill:#d9534f');
  });

  it('draws the max-anger ending connected: dashed from each moment an answer can end there', () => {
    // Parcel: only the outburst (anger 75) has an answer (threaten, +40) that reaches 100.
    expect(toDot(parcel)).toContain('"shouting" -> "walks-away" [label="anger reaches 100", style=dashed];');
    expect(toDot(parcel).match(/style=dashed/g)).toHaveLength(1);
    const mermaid = toMermaid(parcel);
    expect(mermaid).toContain('n1 -.->|"anger reaches 100"| n6');
    expect(mermaid.match(/-\.->/g)).toHaveLength(1);
  });

  it('draws moments nobody answers going on by themselves, and branches on variables with their tests', () => {
    const gym = loadFile('scenarios/the-gym-that-kept-charging.yaml');
    const dot = toDot(gym);
    expect(dot).toContain('"on-hold" -> "the-notes" [label="hold"];');
    expect(dot).toContain('"the-notes" -> "music-stops" [label="narrator"];');
    expect(dot).toMatch(/"refund-screen" -> "team-lead" \[label="narrator \[refund ≥ 50\]"\]/);
    expect(dot).toMatch(/"refund-screen" -> "settled-for-less" \[label="narrator \[otherwise\]"\]/);
  });
});
