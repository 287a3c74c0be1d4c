/**
 * The author's graph as boxes and labelled arrows, placed by dagre (a kept layout library) — or,
 * past the size where dagre takes seconds (or runs out of stack, on a 2,000-moment chain), in rows
 * by distance from the start, which costs next to nothing. No DOM: the view draws what this gives.
 */
import * as dagre from '@dagrejs/dagre';
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import {
  ENDING_FILL,
  LETTERS,
  MAX_ANGER,
  MOOD_FILL,
  hasOwn,
  nodeTargets,
  own,
  type EndingKind,
  type Scenario,
} from '../../engine/index.js';
import { maxAngerSources, moodRanges, type MoodRange } from '../../engine/mood-range.js';
import { t } from '../i18n/index.js';
import { endingName, moodName } from '../i18n/names.js';
import { amount, branchWords } from './condition-words.js';

/** Each ending's mark before its kind in words, so the kind shows without its colour. */
const ENDING_MARK: Record<EndingKind, string> = {
  resolved: '✓',
  'partly-resolved': '◐',
  'handed-off': '⇄',
  escalated: '↑',
  'hung-up': '✕',
};

export interface Box {
  id: string;
  kind: 'moment' | EndingKind;
  lines: string[];
  /** Said to a screen reader: the box's lines as a sentence. */
  label: string;
  fill: string;
  start: boolean;
  /** Anger on arrival, for the moment's range bar. */
  range: MoodRange | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Arrow {
  from: string;
  to: string;
  lines: string[];
  /** Anger reaching the top, not an answer's next. */
  maxAnger: boolean;
  /** One branch of a conditional next. */
  branch: boolean;
  points: { x: number; y: number }[];
  /** The label's centre and size. */
  label: { x: number; y: number; width: number; height: number };
}

export interface Layout {
  boxes: Box[];
  arrows: Arrow[];
  width: number;
  height: number;
  /** How it was placed; rows for big graphs. */
  by: 'dagre' | 'rows';
  /** The mood ranges are exact, or an over-estimate (a scenario too big to walk). */
  exactRanges: boolean;
}

/** Past these, the rows: dagre takes about a second per 500 moments on a phone-class core. */
const DAGRE_MOMENTS = 250;
const DAGRE_ARROWS = 1_000;

const MOMENT = { width: 200, height: 62 };
const ENDING = { width: 180, height: 44 };
const LINE = 13;
const CHAR = 6.1;
/** A box's width: its usual one, or wider for the longest of its lines (a language's longer words). */
const widthFor = (lines: string[], least: number) =>
  Math.max(least, Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR) + 20);

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function span([lo, hi]: [number, number]): string {
  return lo === hi ? amount(lo) : `${amount(lo)}–${amount(hi)}`;
}

/** Boxes and arrows before placing. */
function model(scenario: Scenario) {
  const ranges = moodRanges(scenario);
  const boxes: Box[] = [];
  for (const id of Object.keys(scenario.nodes)) {
    const range = ranges.ranges.get(id) ?? null;
    const start = id === scenario.start;
    const lines = range
      ? [
          `${start ? '▶ ' : ''}${short(id, 28)}`,
          t('author.graph.numbers', { anger: span(range.anger), trust: span(range.trust) }),
          range.moods.map(moodName).join(', '),
        ]
      : [short(id, 30), t('author.graph.unreached')];
    const worst = range?.moods.at(-1) ?? 'calm';
    boxes.push({
      id,
      kind: 'moment',
      lines,
      // Begins with the words shown, so a voice user can say what they see.
      label: t(start ? 'author.graph.startLabel' : 'author.graph.momentLabel', { lines: lines.join(' ') }),
      fill: MOOD_FILL[worst],
      start,
      range,
      x: 0,
      y: 0,
      ...MOMENT,
      width: widthFor(lines, MOMENT.width),
    });
  }
  for (const [id, ending] of Object.entries(scenario.endings)) {
    const kind = endingName(ending.kind, scenario.setting);
    const lines = [
      short(id, 26),
      `${ENDING_MARK[ending.kind]} ${ending.good ? t('author.graph.good', { kind }) : kind}`,
    ];
    boxes.push({
      id,
      kind: ending.kind,
      lines,
      label: t(id === scenario.at_max_anger ? 'author.graph.endingMax' : 'author.graph.ending', {
        id,
        kind,
        max: MAX_ANGER,
      }),
      fill: ENDING_FILL[ending.kind],
      start: false,
      range: null,
      x: 0,
      y: 0,
      ...ENDING,
      width: widthFor(lines, ENDING.width),
    });
  }
  const arrows: Omit<Arrow, 'points' | 'label'>[] = [];
  // Answers that lead from the same moment to the same place share one arrow, their labels stacked:
  // fewer lines to follow, and a layout a screen wide rather than several.
  const between = new Map<string, Omit<Arrow, 'points' | 'label'>>();
  const add = (from: string, to: string, lines: string[], branch: boolean) => {
    const key = `${from}\u0000${to}`;
    const had = between.get(key);
    if (had) {
      had.lines.push(...lines);
      had.branch ||= branch;
      return;
    }
    const arrow = { from, to, lines: [...lines], maxAnger: false, branch };
    between.set(key, arrow);
    arrows.push(arrow);
  };
  const route = (
    from: string,
    lines: string[],
    next: Scenario['nodes'][string]['responses'][number]['next'],
  ) => {
    if (typeof next === 'string') add(from, next, lines, false);
    else
      for (const b of next)
        add(
          from,
          b.goto,
          [...lines, b.when ? t('author.graph.if', { condition: branchWords(b) }) : branchWords(b)],
          true,
        );
  };
  for (const [id, node] of Object.entries(scenario.nodes)) {
    node.responses.forEach((r, i) => {
      const marks = [...LETTERS.filter((l) => r.uses.includes(l)), ...r.breaks.map((b) => `✗ ${b}`)].join(
        ' ',
      );
      route(id, [`${i + 1}. ${short(r.says, 26)}`, ...(marks ? [marks] : [])], r.next);
    });
    if (node.i_message) route(id, [t('author.graph.iMessage')], node.i_message.next);
    // A moment nobody answers goes on by itself once its line is said.
    if (node.next !== undefined)
      route(
        id,
        [node.speaker ? t('author.graph.then', { speaker: node.speaker }) : t('author.graph.thenCustomer')],
        node.next,
      );
  }
  for (const id of maxAngerSources(scenario, ranges))
    arrows.push({
      from: id,
      to: scenario.at_max_anger,
      lines: [t('author.graph.maxAnger', { max: MAX_ANGER })],
      maxAnger: true,
      branch: false,
    });
  return { boxes, arrows, exact: ranges.exact };
}

function labelSize(lines: string[]) {
  return {
    width: Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR) + 10,
    height: lines.length * LINE + 6,
  };
}

function withDagre(
  boxes: Box[],
  arrows: Omit<Arrow, 'points' | 'label'>[],
): { width: number; height: number; arrows: Arrow[] } {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 46, edgesep: 6, marginx: 16, marginy: 16 });
  for (const b of boxes) g.setNode(b.id, { width: b.width, height: b.height });
  arrows.forEach((a, i) => {
    // The max-anger arrows do not pull the layout: they would drag the ending up to every moment.
    g.setEdge(
      a.from,
      a.to,
      { ...labelSize(a.lines), labelpos: 'c', weight: a.maxAnger ? 0 : 1, minlen: 1 },
      `e${i}`,
    );
  });
  dagre.layout(g);
  for (const b of boxes) {
    const n = g.node(b.id);
    b.x = (n.x ?? 0) - b.width / 2;
    b.y = (n.y ?? 0) - b.height / 2;
  }
  const laid = arrows.map((a, i) => {
    const e = g.edge({ v: a.from, w: a.to, name: `e${i}` });
    const size = labelSize(a.lines);
    return { ...a, points: e.points ?? [], label: { x: e.x ?? 0, y: e.y ?? 0, ...size } };
  });
  const graph = g.graph();
  return { width: graph.width ?? 0, height: graph.height ?? 0, arrows: laid };
}

/** Rows by distance from the start; endings in the last row; labels halfway along each arrow. */
function inRows(scenario: Scenario, boxes: Box[], arrows: Omit<Arrow, 'points' | 'label'>[]) {
  const depth = new Map<string, number>([[scenario.start, 0]]);
  const queue = [scenario.start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] ?? '';
    const node = own(scenario.nodes, id);
    for (const target of node ? nodeTargets(node) : [])
      if (!depth.has(target) && hasOwn(scenario.nodes, target)) {
        depth.set(target, (depth.get(id) ?? 0) + 1);
        queue.push(target);
      }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows: Box[][] = [];
  for (const b of boxes) {
    const d = b.kind === 'moment' ? (depth.get(b.id) ?? last - 1) : last;
    (rows[d] ??= []).push(b);
  }
  const GAP_X = 60;
  const ROW = 150;
  const width = Math.max(...rows.map((r) => r.reduce((w, b) => w + b.width + GAP_X, GAP_X)));
  rows.forEach((row, r) => {
    let x = (width - row.reduce((w, b) => w + b.width + GAP_X, -GAP_X)) / 2;
    for (const b of row) {
      b.x = x;
      b.y = 16 + r * ROW;
      x += b.width + GAP_X;
    }
  });
  const at = new Map(boxes.map((b) => [b.id, b]));
  const laid = arrows.map((a) => {
    const f = at.get(a.from);
    const to = at.get(a.to);
    const p0 = { x: (f?.x ?? 0) + (f?.width ?? 0) / 2, y: (f?.y ?? 0) + (f?.height ?? 0) };
    const p1 = { x: (to?.x ?? 0) + (to?.width ?? 0) / 2, y: to?.y ?? 0 };
    return {
      ...a,
      points: [p0, p1],
      label: { x: (p0.x + p1.x) / 2, y: (p0.y + p1.y) / 2, ...labelSize(a.lines) },
    };
  });
  return { width, height: 32 + rows.length * ROW, arrows: laid };
}

/** The scenario's graph, placed. */
export function layoutGraph(scenario: Scenario): Layout {
  const { boxes, arrows, exact } = model(scenario);
  const moments = Object.keys(scenario.nodes).length;
  if (moments <= DAGRE_MOMENTS && arrows.length <= DAGRE_ARROWS) {
    try {
      return { boxes, ...withDagre(boxes, arrows), by: 'dagre', exactRanges: exact };
    } catch {
      // A shape dagre cannot take (its recursion runs deep on long chains): the rows can.
    }
  }
  return { boxes, ...inRows(scenario, boxes, arrows), by: 'rows', exactRanges: exact };
}
