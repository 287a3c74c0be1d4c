/**
 * The room's decision map as page elements: one moment at a time (the projector and the
 * facilitator's page) or every moment (an attendee's phone). Bars for the share of the room behind
 * each answer, the best answer and the player's own marked, the customer's anger there, the most
 * common mistake, and a question for the room made from the moment's own content. Every text from
 * the server (answers, nicknames, typed words) is only ever set as text.
 */
import type { Letter } from '../../engine/index.js';
import { isDont, isLetter, type Label } from '../../engine/understand/labels.js';
import type { MapAnswer, MapMistake, MapMoment, RoomMap } from '../../api/map-replies.js';
import { el } from '../kit/dom.js';
import { formatList, formatNumber, t, tn } from '../i18n/index.js';
import { faultName, iStepName, letterName } from '../i18n/names.js';
import type { Dont, MethodSlip } from '../../engine/index.js';

/** A moment with the call it belongs to, and its place among all the map's moments. */
export interface MapStep {
  moment: MapMoment;
  call: { id: string; title: string; peak: string | null };
  index: number;
  count: number;
}

/** Every moment of the map, call by call, in the order the facilitator steps through them. */
export function mapSteps(map: RoomMap, title: (id: string, fallback: string) => string): MapStep[] {
  const moments = map.scenarios.flatMap((s) =>
    s.moments.map((moment) => ({ moment, call: { id: s.id, title: title(s.id, s.title), peak: s.peak } })),
  );
  return moments.map((m, index) => ({ ...m, index, count: moments.length }));
}

const percentText = (share: number): string => formatNumber(share / 100, { style: 'percent' });

/** An answer as the room sees it: the written words, or what the trainee did instead. */
export function answerText(answer: Pick<MapAnswer, 'kind' | 'says'>): string {
  if (answer.kind === 'silence') return t('host.map.silence');
  if (answer.kind === 'i-message') return t('host.map.iMessage');
  return answer.says;
}

/** A typed answer's label by the page's name for it. */
function labelText(label: Label): string {
  if (isLetter(label)) return `${label} · ${letterName(label)}`;
  if (isDont(label)) return faultName(label);
  return iStepName(label);
}

const movesText = (letters: readonly Letter[]): string =>
  letters.length > 0 ? formatList(letters.map(letterName)) : t('host.map.bestAnswer');

/** The moment's most common mistake, in a line. */
export function mistakeText(mistake: MapMistake | null): string {
  if (!mistake) return t('host.map.mistake.none');
  const share = percentText(mistake.share);
  if (mistake.kind === 'dont')
    return t('host.map.mistake.dont', { dont: faultName(mistake.dont as Dont | MethodSlip), share });
  if (mistake.kind === 'answer')
    return t('host.map.mistake.answer', {
      answer: answerText({ kind: 'response', says: mistake.says }),
      share,
    });
  return t('host.map.mistake.missed', { move: letterName(mistake.letter), share });
}

/**
 * A question for the room, made from the moment: its most common mistake set against what the best
 * answer does there (its SOARING moves).
 */
export function promptText(moment: MapMoment): string {
  const moves = movesText(moment.bestLetters);
  const mistake = moment.mistake;
  if (mistake?.kind === 'dont')
    return t('host.map.prompt.dont', { dont: faultName(mistake.dont as Dont | MethodSlip), moves });
  if (mistake?.kind === 'answer') return t('host.map.prompt.answer', { moves });
  if (mistake?.kind === 'missed')
    return t('host.map.prompt.missed', { move: letterName(mistake.letter), moves });
  if (moment.bestLetters.length === 0) return t('host.map.prompt.open');
  return t('host.map.prompt.clean', { moves });
}

/** A bar: what it counts, how long, its share, and marks (best, yours). */
function bar(options: {
  label: string;
  share: number;
  best?: boolean;
  mine?: boolean;
  names?: readonly string[];
}): HTMLElement {
  const fill = el('span', { className: 'map-fill' });
  fill.style.width = `${options.share}%`;
  const marks = el('span', { className: 'map-marks' });
  if (options.best) marks.append(el('span', { className: 'map-badge best' }, t('host.map.best')));
  if (options.mine) marks.append(el('span', { className: 'map-badge mine' }, t('host.map.mine')));
  const item = el(
    'li',
    { className: ['map-bar', options.best ? 'is-best' : '', options.mine ? 'is-mine' : ''].join(' ').trim() },
    el('span', { className: 'map-label' }, marks, el('span', { className: 'map-words' }, options.label)),
    el('span', { className: 'map-track' }, fill),
    el('span', { className: 'map-share' }, percentText(options.share)),
  );
  if (options.names && options.names.length > 0)
    item.append(
      el('span', { className: 'map-names' }, t('host.map.chosenBy', { names: options.names.join(', ') })),
    );
  return item;
}

/** One moment: the customer's line, the room's answers as bars, anger, the mistake, the question. */
export function momentView(step: MapStep, map: RoomMap, options: { heading: 'h2' | 'h3' }): HTMLElement {
  const { moment, call } = step;
  const answers = moment.answers.map((a) =>
    bar({
      label: answerText(a),
      share: a.share,
      best: a.best,
      ...(a.mine ? { mine: true } : {}),
      ...(map.names && a.names ? { names: a.names } : {}),
    }),
  );
  const peak = call.peak === moment.node;
  const anger = el(
    'p',
    { className: peak ? 'map-anger peak' : 'map-anger' },
    t('host.map.anger', { before: moment.anger.before, after: moment.anger.after }),
    ...(peak ? [' ', el('strong', {}, t('host.map.peak'))] : []),
  );
  const head = el(
    'div',
    { className: 'map-head' },
    el(
      'p',
      { className: 'map-where' },
      t('host.map.moment', { n: step.index + 1, count: step.count }),
      ` · ${call.title}`,
    ),
    el(options.heading, { className: 'map-line' }, `“${moment.line}”`),
    el('p', { className: 'map-reached' }, tn('host.map.reached', moment.reached)),
  );
  const bars = el('div', { className: 'map-answers' });
  if (map.answers === 'type' && moment.moves.length > 0) {
    bars.append(
      el('h4', { className: 'map-sub' }, t('host.map.moves')),
      el(
        'ul',
        { className: 'map-bars map-moves' },
        ...moment.moves.slice(0, 6).map((m) => bar({ label: labelText(m.label), share: m.share })),
      ),
      el('h4', { className: 'map-sub' }, t('host.map.closest')),
    );
  }
  bars.append(el('ul', { className: 'map-bars' }, ...answers));
  if (moment.myWords !== undefined)
    bars.append(el('p', { className: 'map-my-words' }, t('player.map.yourWords', { words: moment.myWords })));
  const foot = el(
    'div',
    { className: 'map-foot' },
    anger,
    el('p', { className: 'map-mistake' }, mistakeText(moment.mistake)),
    el('p', { className: 'map-prompt' }, el('strong', {}, t('host.map.discuss')), ' ', promptText(moment)),
  );
  const parts = [head, bars, foot];
  const section = el('section', { className: 'map-moment' }, ...parts);
  section.dataset.moment = moment.key;
  return section;
}

/** What a screen reader hears when the facilitator steps: where, and how the room did. */
export function announce(step: MapStep): string {
  const best = step.moment.answers.find((a) => a.best);
  return t('host.map.announce', {
    n: step.index + 1,
    count: step.count,
    call: step.call.title,
    share: percentText(best?.share ?? 0),
    mistake: mistakeText(step.moment.mistake),
  });
}
