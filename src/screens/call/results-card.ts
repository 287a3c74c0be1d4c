/**
 * The top of the debrief, the results screen: the score and grade, how the call ended, the three
 * things to work on (each a way to its decision in the review) and what to do next. It fits the
 * first screen on a laptop and on a phone; everything else follows in the review.
 */
import { SCORING_VERSION, type Grade, type ScoreResult, type Transcript } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { endingWords } from '../kit/words.js';
import { shortWhen } from '../history.js';
import type { Host, SavedCall } from './host.js';
import type { WorkOnItem } from './work-on.js';
import { formatNumber, t } from '../i18n/index.js';

/** A word for each grade, said with it: a results screen cheers or consoles before it teaches. */
const verdict = (grade: Grade): string => t(`verdict.${grade}`);

/** "Debrief: 640 / 1000 · grade B", the number large: it takes the focus when the debrief opens. */
export function scoreHeading(total: number, grade: Grade): HTMLHeadingElement {
  return el(
    'h1',
    { tabIndex: -1, className: 'score-heading' },
    el('span', { className: 'score-label' }, t('results.debrief')),
    ' ',
    el('span', { className: 'score-total' }, String(total)),
    t('results.outOf'),
    el('span', { className: `grade grade-${grade.toLowerCase()}` }, t('results.grade', { grade })),
  );
}

/** How the call measures up to the scenario's earlier ones: a new best is news. */
function bestNote(saved: SavedCall | undefined): HTMLElement | string {
  if (!saved || saved.scoring !== SCORING_VERSION || saved.bestBefore === null) return '';
  return saved.total > saved.bestBefore
    ? el('span', { className: 'new-best' }, t('results.newBest', { best: saved.bestBefore }))
    : t('results.yourBest', { best: saved.bestBefore });
}

/** How it went and when: "Well handled · call 3 · new best (was 640) · coach mode · typed answers". */
function eyebrow(grade: Grade, transcript: Transcript, saved: SavedCall | undefined): HTMLElement {
  return el(
    'p',
    { className: 'eyebrow' },
    el('strong', {}, verdict(grade)),
    saved ? t('results.call', { n: saved.number }) : '',
    saved?.reopened ? ` · ${shortWhen(saved.finishedAt)}` : '',
    bestNote(saved),
    transcript.mode === 'assessment' ? t('results.assessment') : t('results.coach'),
    transcript.answers === 'type' ? t('results.typed') : '',
  );
}

/** A call kept with an older total says so: the review below is today's rules' reading of it. */
function olderRules(result: ScoreResult, saved: SavedCall | undefined): HTMLElement | string {
  if (!saved || (saved.scoring === SCORING_VERSION && saved.total === result.total)) return '';
  return el(
    'p',
    { className: 'notice older-rules' },
    saved.scoring === SCORING_VERSION
      ? t('results.replayed', {
          total: saved.total,
          grade: saved.grade,
          today: result.total,
          todayGrade: result.grade,
        })
      : t('results.olderRules', {
          old: saved.scoring,
          now: SCORING_VERSION,
          today: result.total,
          todayGrade: result.grade,
        }),
  );
}

/** One of the ending's numbers, as a tile: its name small above it. */
function stat(name: string, value: string, className = ''): HTMLElement {
  return el('li', { className }, el('span', {}, name), ' ', el('strong', {}, value));
}

/** How the call ended: the kind in words, the customer's last words, the scales and what it cost. */
export function endingPart(host: Host, result: ScoreResult, wide: boolean): HTMLElement {
  const { scenario } = host;
  const ending = result.ending;
  if (!ending) return el('div', { className: 'ending' }, el('h2', {}, t('results.unfinished')));
  const says = ending.says;
  const story = el(
    'details',
    { className: 'story', open: wide },
    el('summary', {}, t('results.story')),
    el('p', {}, ending.narrative),
  );
  return el(
    'div',
    { className: `ending ending-${ending.kind}` },
    el('h2', {}, t('results.ending', { ending: endingWords(ending.kind, scenario.setting) })),
    says ? el('blockquote', {}, says) : '',
    el(
      'ul',
      { className: 'stats' },
      stat(t('results.gratitude'), t('results.outOfFour', { n: ending.gratitude })),
      stat(t('results.wouldReturn'), t('results.outOfFour', { n: ending.recommit })),
      stat(
        t('results.extraCost'),
        formatNumber(ending.cost, {
          style: 'currency',
          currency: scenario.currency,
          maximumFractionDigits: 0,
        }),
        ending.cost > 0 ? 'cost' : '',
      ),
    ),
    story,
  );
}

const COUNT_WORDS = ['workOn.0', 'workOn.1', 'workOn.2', 'workOn.3'] as const;

/** The things to work on, each with a button to its decision in the review. */
export function workOnPart(items: WorkOnItem[], see: (decision: number | null) => void): HTMLElement {
  const heading = el('h2', {}, t(COUNT_WORDS[Math.min(items.length, 3)] ?? 'workOn.3'));
  if (items.length === 0) return el('div', { className: 'work-on' }, heading, el('p', {}, t('workOn.clean')));
  return el(
    'div',
    { className: 'work-on' },
    heading,
    el(
      'ol',
      {},
      ...items.map((item) => {
        const button = el(
          'button',
          { type: 'button', className: 'see' },
          item.decision === null ? t('workOn.seeAll') : t('workOn.see', { n: item.decision + 1 }),
        );
        button.addEventListener('click', () => {
          see(item.decision);
        });
        return el(
          'li',
          {},
          el('strong', { className: 'lesson' }, item.title),
          el('span', { className: 'why' }, item.why),
          button,
        );
      }),
    ),
  );
}

function linksNav(links: HTMLElement[]): HTMLElement {
  const nav = el('nav', { className: 'results-links' }, ...links);
  nav.setAttribute('aria-label', t('results.leave'));
  return nav;
}

/** The results card: heading, verdict, ending, things to work on, then the actions. */
export function resultsCard(parts: {
  heading: HTMLElement;
  result: ScoreResult;
  transcript: Transcript;
  saved: SavedCall | undefined;
  ending: HTMLElement;
  workOn: HTMLElement;
  actions: HTMLElement[];
  links: HTMLElement[];
}): HTMLElement {
  const { result, transcript, saved } = parts;
  return el(
    'section',
    { className: 'results' },
    parts.links.length ? linksNav(parts.links) : '',
    eyebrow(saved && saved.total !== result.total ? saved.grade : result.grade, transcript, saved),
    parts.heading,
    olderRules(result, saved),
    el('div', { className: 'card results-card' }, parts.ending, parts.workOn),
    el('div', { className: 'actions results-actions' }, ...parts.actions),
  );
}
