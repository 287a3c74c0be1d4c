/**
 * Author mode at `#/author`: a trainer opens a scenario file from their own disk (nothing is
 * uploaded), sees each diagnostic at its line, sees the call as a graph, and playtests it with a
 * live panel — from the start or from any moment. Playtests never touch the trainee's progress.
 */
import type { Diagnostic, Scenario } from '../../engine/index.js';
import { authorAnalyser } from './analysis.js';
import { playtestCard } from './playtest.js';
import { el } from '../kit/dom.js';
import { enterScreen, leaveScreen, type ScreenLife } from '../kit/screen.js';
import { statusRegion } from '../kit/status.js';
import type { ViewListener } from '../call/text-call.js';
import { t, tn } from '../i18n/index.js';

export const AUTHOR_HREF = '#/author';

export interface AuthorOptions {
  onView: ViewListener;
}

export function showAuthor(root: HTMLElement, options: AuthorOptions): void {
  const input = el('input', { type: 'file', accept: '.yaml,.yml,text/yaml', id: 'scenario-file' });
  const drop = el(
    'label',
    { className: 'drop', htmlFor: 'scenario-file' },
    el('strong', {}, t('author.open')),
    t('author.open.how'),
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
    result.replaceChildren(el('p', {}, t('author.reading', { name: file.name })));
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
      el('a', { className: 'back', href: '#/' }, t('history.back')),
      el('p', { className: 'brand' }, t('author.brand')),
      el('h1', {}, t('author.title')),
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
  source.setAttribute('aria-label', t('author.source.label', { name }));
  // It scrolls: keyboard users must be able to reach it.
  source.tabIndex = 0;
  const list = el(
    'ul',
    { className: 'diagnostics' },
    ...diagnostics.map((d) => {
      const go = el(
        'a',
        { href: `#line-${d.line}` },
        t('author.diagnostic.where', { line: d.line, col: d.col }),
      );
      go.addEventListener('click', (e) => {
        e.preventDefault();
        document.getElementById(`line-${d.line}`)?.scrollIntoView({ block: 'center' });
      });
      return el(
        'li',
        { className: d.severity },
        // The checker's message and hint stay as written for trainers (docs/diagnostics.md), in English.
        el('strong', {}, t(`author.diagnostic.${d.severity}`, { code: d.code })),
        t('author.diagnostic.at'),
        go,
        `: ${d.message}`,
        d.hint ? el('span', { className: 'muted' }, ` (${d.hint})`) : '',
      );
    }),
  );
  const status = statusRegion(
    scenario ? 'hit' : 'dont',
    scenario
      ? diagnostics.length
        ? tn('author.loads.warnings', diagnostics.length, { title: scenario.title })
        : t('author.loads.clean', { title: scenario.title })
      : tn('author.broken', diagnostics.length, { name }),
  );
  const playtest = scenario ? playtestCard(scenario, options.onView, life) : null;
  box.replaceChildren(
    el(
      'section',
      { className: 'card' },
      el('h2', {}, t('author.diagnostics')),
      status,
      diagnostics.length ? list : '',
    ),
    scenario && playtest ? graphCard(scenario, playtest.startFrom, life) : '',
    playtest?.element ?? '',
    el('section', { className: 'card' }, el('h2', {}, t('author.source')), source),
  );
}

/**
 * The call as an interactive graph. Its code and its layout library load only now, so neither the
 * trainee's first screen nor a scenario that does not load pays for them.
 */
function graphCard(scenario: Scenario, pick: (node: string) => void, life: ScreenLife): HTMLElement {
  const body = el('p', { className: 'muted' }, t('author.graph.drawing'));
  const card = el('section', { className: 'card graph' }, el('h2', {}, t('author.graph.title')), body);
  import('./graph-view.js').then(
    ({ graphView }) => {
      if (!life.ended) body.replaceWith(graphView(scenario, pick, life));
    },
    (error: unknown) => {
      body.textContent = t('author.graph.failed', {
        reason: error instanceof Error ? error.message : String(error),
      });
    },
  );
  return card;
}
