/**
 * Author mode at `#/author`: a trainer opens a scenario file from their own disk (nothing is
 * uploaded), sees each diagnostic at its line, sees the call as a graph, and playtests it with a
 * live panel — from the start or from any moment. Playtests never touch the trainee's progress.
 */
import type { Call, Diagnostic, Scenario } from '../../engine/index.js';
import { MOOD_FILL, ENDING_FILL, hasOwn, nodeTargets, own } from '../../engine/index.js';
import type { KeyValueStorage } from '../../device/store.js';
import { authorAnalyser } from './analysis.js';
import { el } from '../kit/dom.js';
import { enterScreen, leaveScreen, type ScreenLife } from '../kit/screen.js';
import { statusRegion } from '../kit/status.js';
import { mountTextCall, type ViewListener } from '../call/text-call.js';

export const AUTHOR_HREF = '#/author';

export interface AuthorOptions {
  onView: ViewListener;
}

/** Progress kept only for the playtest, in memory: a trainer's tests never land in a trainee's history. */
function scratchStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => data.set(k, v),
    removeItem: (k) => data.delete(k),
  };
}

export function showAuthor(root: HTMLElement, options: AuthorOptions): void {
  const input = el('input', { type: 'file', accept: '.yaml,.yml,text/yaml', id: 'scenario-file' });
  const drop = el(
    'label',
    { className: 'drop', htmlFor: 'scenario-file' },
    el('strong', {}, 'Open a scenario file'),
    ' — choose one, or drop it here. It is read in this browser; nothing is uploaded.',
  );
  const result = el('div', { className: 'author-result' });
  const life = enterScreen(root);
  // The file is analysed in a worker: a big one takes a moment, and the page keeps answering.
  const analyser = authorAnalyser();
  life.onLeave(analyser.stop);
  // What the result shows (a playtest's call) ends with author mode.
  life.onLeave(() => {
    leaveScreen(result);
  });
  let opened = 0;
  const open = async (file: File) => {
    const mine = ++opened;
    // The file shown before goes, and its playtest with it.
    leaveScreen(result);
    result.replaceChildren(el('p', {}, `Reading ${file.name}…`));
    const text = await file.text();
    // Another file opened meanwhile wins; after leaving, no worker is started again.
    if (mine !== opened || life.ended) return;
    const loaded = await analyser.analyse(text, file.name);
    if (!loaded || mine !== opened) return;
    showResult(result, file.name, text, loaded.scenario, loaded.diagnostics, options);
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void open(file);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => {
    drop.classList.remove('over');
  });
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) void open(file);
  });
  root.replaceChildren(
    el(
      'header',
      {},
      el('a', { className: 'back', href: '#/' }, '← All scenarios'),
      el('p', { className: 'brand' }, 'Keep Cool · author mode'),
      el('h1', {}, 'Check and playtest a scenario'),
    ),
    el('div', { className: 'card' }, input, drop),
    result,
  );
}

function showResult(
  box: HTMLElement,
  name: string,
  text: string,
  scenario: Scenario | null,
  diagnostics: Diagnostic[],
  options: AuthorOptions,
): void {
  // The file's result is a screen of `box`: the next file's ends it, and the playtest with it.
  const life = enterScreen(box);
  const lines = text.split('\n');
  const marked = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) marked.set(d.line, [...(marked.get(d.line) ?? []), d]);
  const source = el(
    'ol',
    { className: 'source' },
    ...lines.map((line, i) => {
      const here = marked.get(i + 1);
      const item = el(
        'li',
        { id: `line-${i + 1}`, className: here ? `marked ${here[0]?.severity ?? ''}` : '' },
        line || ' ',
      );
      return item;
    }),
  );
  source.setAttribute('aria-label', `${name}, with line numbers`);
  // It scrolls: keyboard users must be able to reach it.
  source.tabIndex = 0;
  const list = el(
    'ul',
    { className: 'diagnostics' },
    ...diagnostics.map((d) => {
      const go = el('a', { href: `#line-${d.line}` }, `line ${d.line}, column ${d.col}`);
      go.addEventListener('click', (e) => {
        e.preventDefault();
        document.getElementById(`line-${d.line}`)?.scrollIntoView({ block: 'center' });
      });
      return el(
        'li',
        { className: d.severity },
        el('strong', {}, `${d.severity} ${d.code}`),
        ' at ',
        go,
        `: ${d.message}`,
        d.hint ? el('span', { className: 'muted' }, ` (${d.hint})`) : '',
      );
    }),
  );
  const status = statusRegion(
    scenario ? 'hit' : 'dont',
    scenario
      ? `${scenario.title}: loads${diagnostics.length ? `, with ${diagnostics.length} warning(s)` : ' cleanly'}.`
      : `${name} does not load: ${diagnostics.length} problem(s) to fix, first one first.`,
  );
  box.replaceChildren(
    el('section', { className: 'card' }, el('h2', {}, 'Diagnostics'), status, diagnostics.length ? list : ''),
    scenario ? graphCard(scenario) : '',
    scenario ? playtestCard(scenario, options, life) : '',
    el('section', { className: 'card' }, el('h2', {}, 'Source'), source),
  );
}

/** The call as a picture: moments in rows by how far from the start, endings at the bottom. */
function graphCard(scenario: Scenario): HTMLElement {
  const depth = new Map<string, number>([[scenario.start, 0]]);
  const queue = [scenario.start];
  // Read by index: shift() copies the queue each time, which adds up on a big scenario.
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] ?? '';
    const node = own(scenario.nodes, id);
    for (const t of node ? nodeTargets(node) : []) {
      if (!depth.has(t) && hasOwn(scenario.nodes, t)) {
        depth.set(t, (depth.get(id) ?? 0) + 1);
        queue.push(t);
      }
    }
  }
  const rows: string[][] = [];
  for (const [id, d] of depth) (rows[d] ??= []).push(id);
  rows.push(Object.keys(scenario.endings));
  const W = 150;
  const H = 34;
  const GAP_X = 20;
  const GAP_Y = 46;
  const width = Math.max(...rows.map((r) => r.length)) * (W + GAP_X) + GAP_X;
  const height = rows.length * (H + GAP_Y) + GAP_Y;
  const at = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => {
    const offset = (width - row.length * (W + GAP_X) + GAP_X) / 2;
    row.forEach((id, i) => at.set(id, { x: offset + i * (W + GAP_X), y: GAP_Y / 2 + r * (H + GAP_Y) }));
  });
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    `Graph of ${scenario.title}: ${Object.keys(scenario.nodes).length} moments, ${Object.keys(scenario.endings).length} endings`,
  );
  const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const from = at.get(id);
    for (const t of new Set(nodeTargets(node))) {
      const to = at.get(t);
      if (from && to)
        add('line', {
          x1: from.x + W / 2,
          y1: from.y + H,
          x2: to.x + W / 2,
          y2: to.y,
          stroke: '#8a93a3',
          'stroke-width': 1.2,
        });
    }
  }
  for (const [id, p] of at) {
    const ending = own(scenario.endings, id);
    const fill = ending ? ENDING_FILL[ending.kind] : MOOD_FILL.calm;
    const g = add('rect', {
      x: p.x,
      y: p.y,
      width: W,
      height: H,
      rx: ending ? 17 : 6,
      fill,
      stroke: '#444',
      class: ending ? 'ending' : 'moment',
    });
    g.setAttribute('data-id', id);
    add(
      'text',
      { x: p.x + W / 2, y: p.y + H / 2 + 4, 'text-anchor': 'middle', 'font-size': 11 },
      id.length > 22 ? `${id.slice(0, 21)}…` : id,
    );
  }
  return el('section', { className: 'card graph' }, el('h2', {}, 'The call as a graph'), svg);
}

/** Playtest from the start or from any moment, with a live panel of the numbers behind the call. */
function playtestCard(scenario: Scenario, options: AuthorOptions, life: ScreenLife): HTMLElement {
  const from = el(
    'select',
    { id: 'playtest-from' },
    ...Object.keys(scenario.nodes).map((id) =>
      el(
        'option',
        { value: id, selected: id === scenario.start },
        id === scenario.start ? `${id} (start)` : id,
      ),
    ),
  );
  const panel = el('dl', { className: 'live-panel' });
  panel.setAttribute('aria-label', 'Live panel');
  // The playtest is a call in its own element: it ends when another starts, or the result goes.
  const stage = el('div', { className: 'playtest' });
  life.onLeave(() => {
    leaveScreen(stage);
  });
  const inspect = (call: Call) => {
    const s = call.state;
    const entries: [string, string][] = [
      ['Moment', s.node ?? `ended: ${s.ending ?? ''}`],
      ['Anger', String(s.anger)],
      ['Trust', String(s.trust)],
      ['Composure', String(s.composure)],
      ['Flags', s.flags.length ? s.flags.join(', ') : 'none'],
      ['Score so far', String(call.result().total)],
    ];
    panel.replaceChildren(...entries.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  };
  const start = el('button', { type: 'button', className: 'primary' }, 'Playtest');
  start.addEventListener('click', () => {
    leaveScreen(stage);
    // Jumping to a moment plays the same scenario with that moment as its start.
    const tested: Scenario = { ...scenario, start: from.value };
    mountTextCall(stage, tested, { onView: options.onView, storage: scratchStorage(), inspect });
  });
  return el(
    'section',
    { className: 'card' },
    el('h2', {}, 'Playtest'),
    el('div', { className: 'actions' }, el('label', {}, 'From ', from), start),
    panel,
    stage,
  );
}
