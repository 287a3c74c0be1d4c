/**
 * A finished call's debrief opened at its address (#/debrief/<scenario>/<n>): after a reload, or
 * from the history. The engine replays the saved transcript, so the result is the one the call had,
 * as the server and the command line would compute it. A call whose transcript is no longer kept,
 * or whose scenario has changed since, shows what was saved and says why; an address that names no
 * call says so, with a way back. Nothing here throws on what the address or the storage holds.
 */
import { SCORING_VERSION, own, replay, type Scenario } from '../../engine/index.js';
import {
  TRANSCRIPTS_KEPT,
  attemptsAt,
  bestBefore,
  progressStore,
  type Attempt,
} from '../../device/progress.js';
import { settingsStore } from '../../device/settings.js';
import type { AppOptions } from '../app-options.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { notices } from '../kit/status.js';
import { endingWords } from '../kit/words.js';
import { debriefHref, historyHref, nextScenario, playHref, readDebriefAddress } from '../routes.js';
import { shortWhen } from '../history.js';
import { readBack } from './readback.js';
import { scoreHeading } from './results-card.js';
import { mountDebrief } from './text-call.js';
import { viewOf } from './view-of.js';
import { libraryCallOptions } from './library-call.js';
import { t, tn } from '../i18n/index.js';
import { storeNotice } from '../kit/store-notice.js';
import { shownText, shownTitle } from '../scenario-language.js';

const link = (href: string, text: string, className = 'secondary') => el('a', { href, className }, text);

/** The screen for an address that names no call: what is wrong, and the ways on. */
function noDebrief(
  root: HTMLElement,
  message: string,
  notice: string | undefined,
  ways: HTMLElement[],
): void {
  enterScreen(root);
  const heading = el('h1', { tabIndex: -1 }, t('saved.none'));
  root.replaceChildren(
    heading,
    notices(notice),
    el('p', { className: 'lede' }, message),
    el('div', { className: 'actions' }, ...ways),
  );
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}

/** A `{name}` to put a variable's value in. */
const HAS_VARIABLE = /\{[a-z][a-z0-9-]*\}/;

/** What was saved of a call that cannot be replayed: its score, its ending, and why no more. */
function savedSummary(
  root: HTMLElement,
  options: AppOptions,
  call: { attempt: Attempt; number: number; scenario: Scenario | undefined; why: string; notice?: string },
): void {
  enterScreen(root);
  const { attempt, number, scenario } = call;
  const ending = scenario && attempt.ending !== null ? own(scenario.endings, attempt.ending) : undefined;
  const heading = scoreHeading(attempt.total, attempt.grade);
  const when = shortWhen(attempt.finishedAt);
  const next = scenario ? nextScenario(options.scenarios, scenario, shownTitle) : undefined;
  root.replaceChildren(
    el(
      'nav',
      { className: 'results-links' },
      el('a', { href: '#/' }, t('call.wayBack.all')),
      el('a', { href: historyHref() }, t('debrief.yourCalls')),
    ),
    el(
      'p',
      { className: 'eyebrow' },
      t('saved.eyebrow', {
        title: scenario ? shownTitle(scenario) : attempt.scenario.id,
        n: number,
        when,
        mode: t(attempt.mode === 'assessment' ? 'saved.mode.assessment' : 'saved.mode.coach'),
      }) + (attempt.answers === 'type' ? t('saved.typed') : ''),
    ),
    heading,
    notices(
      call.notice,
      call.why,
      attempt.scoring === SCORING_VERSION
        ? undefined
        : t('saved.olderRules', { old: attempt.scoring, now: SCORING_VERSION }),
    ),
    el(
      'section',
      { className: 'card results-card' },
      el(
        'h2',
        {},
        attempt.ending === null
          ? t('results.unfinished')
          : t('results.ending', {
              ending: ending && scenario ? endingWords(ending.kind, scenario.setting) : attempt.ending,
            }),
      ),
      // Without the call to replay, a line with a variable in it ({refund}) cannot be told right.
      ending?.says && !HAS_VARIABLE.test(ending.says) && scenario
        ? el('blockquote', {}, shownText(scenario)(ending.says))
        : '',
      ending && scenario && !HAS_VARIABLE.test(ending.narrative)
        ? el('p', {}, shownText(scenario)(ending.narrative))
        : '',
    ),
    el(
      'div',
      { className: 'actions results-actions' },
      scenario ? link(playHref(scenario.id), t('debrief.again'), 'primary') : '',
      next ? link(next.href, t('debrief.next', { title: next.title })) : '',
    ),
  );
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}

export function showSavedDebrief(root: HTMLElement, options: AppOptions, hash: string): void {
  const loaded = progressStore(options.storage).load();
  const address = readDebriefAddress(hash);
  const home = link('#/', t('call.wayBack.all'));
  const history = link(historyHref(), t('debrief.yourCalls'), 'primary');
  if (!address.ok) {
    noDebrief(root, address.problem, storeNotice(loaded.notice), [history, home]);
    return;
  }
  // Ids from the address are data: looked up in the list, never as a property of an object.
  const scenario = options.scenarios.find((s) => s.id === address.scenario);
  const attempts = attemptsAt(loaded.value, address.scenario);
  const attempt = attempts[address.attempt - 1];
  const name = t('saved.quoted', { name: scenario ? shownTitle(scenario) : address.scenario.slice(0, 60) });
  if (!attempt) {
    const ways = [history, home];
    if (attempts.length > 0)
      ways.unshift(link(debriefHref(address.scenario, attempts.length), t('saved.latest'), 'secondary'));
    if (scenario) ways.push(link(playHref(scenario.id), t('saved.play', { title: shownTitle(scenario) })));
    noDebrief(
      root,
      !scenario && attempts.length === 0
        ? t('saved.noScenario', { name })
        : attempts.length === 0
          ? t('saved.notFinished', { name })
          : tn('saved.finished', attempts.length, { name, n: address.attempt }),
      storeNotice(loaded.notice),
      ways,
    );
    return;
  }
  const number = address.attempt;
  if (!scenario) {
    const why = t('saved.gone', { name });
    savedSummary(root, options, { attempt, number, scenario, why, notice: storeNotice(loaded.notice) });
    return;
  }
  if (!attempt.transcript) {
    const why = t('saved.trimmed', { kept: TRANSCRIPTS_KEPT });
    savedSummary(root, options, { attempt, number, scenario, why, notice: storeNotice(loaded.notice) });
    return;
  }
  const replayed = replay(scenario, attempt.transcript);
  if (!replayed.ok) {
    const why =
      attempt.scenario.version === scenario.version
        ? t('saved.unreplayable', { reason: replayed.reason })
        : t('saved.changed', { then: attempt.scenario.version, now: scenario.version });
    savedSummary(root, options, { attempt, number, scenario, why, notice: storeNotice(loaded.notice) });
    return;
  }
  const { state, result, records } = replayed;
  const settings = settingsStore(options.storage, options.prefersReducedMotion).load().value;
  // The stage shows how the customer left.
  options.onView(
    viewOf(scenario, state, settings.reducedMotion, false, { said: records.map((r) => r.after) }),
  );
  mountDebrief(root, scenario, libraryCallOptions(options, scenario), {
    result,
    transcript: attempt.transcript,
    log: readBack(scenario, records, shownText(scenario)),
    saved: {
      number,
      finishedAt: attempt.finishedAt,
      total: attempt.total,
      grade: attempt.grade,
      scoring: attempt.scoring,
      bestBefore: bestBefore(loaded.value, scenario.id, number),
      reopened: true,
    },
  });
}
