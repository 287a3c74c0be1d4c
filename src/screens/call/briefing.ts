/**
 * The briefing before a call: who the customer is, what the call practises, the best score so far,
 * and the way in (start, or resume a call left unfinished). A workshop call asks the server for its
 * run first.
 */
import { moodOf } from '../../engine/index.js';
import { bestScore } from '../../device/progress.js';
import { incomingCue } from '../../sound/cues.js';
import { captionText } from '../i18n/names.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { notices } from '../kit/status.js';
import { SETTINGS_CHANGED, answerWayChoice, applySettings, settingsPanel } from '../settings-panel.js';
import { factsRow, waitingLine } from '../scenario-facts.js';
import { INTRO_ID } from '../course.js';
import { wayBack, type Host } from './host.js';
import { shownText, shownTitle, writtenIn } from '../scenario-language.js';
import { t } from '../i18n/index.js';
import { storeNotice } from '../kit/store-notice.js';
import { lineWords } from './view-of.js';

export function showBriefing(host: Host, notice?: string): void {
  const { root, scenario } = host;
  const life = enterScreen(root);
  const loaded = host.progress.load();
  const progress = loaded.value;
  const best = bestScore(progress, scenario.id);
  const saved = progress.inProgress;
  const resumable =
    saved &&
    saved.scenario.id === scenario.id &&
    saved.scenario.version === scenario.version &&
    // A workshop call resumes only a call played for the room (assessed), never a practice one.
    (!host.workshop || saved.mode === 'assessment')
      ? saved
      : null;

  const start = el(
    'button',
    { className: resumable ? 'secondary' : 'primary', type: 'button' },
    resumable ? t('brief.startOver') : t('brief.start'),
  );
  const resume = el('button', { className: 'primary', type: 'button' }, t('brief.resume'));
  const status = notices(storeNotice(loaded.notice), storeNotice(host.settings.load().notice), notice);
  // The introduction is written for the coach's word after each answer: in assessment mode, a tip
  // says where to switch, and goes once the switch is made.
  const coachTip =
    scenario.id === INTRO_ID && !host.workshop ? el('p', { className: 'tip' }, t('brief.coachTip')) : null;
  if (coachTip) {
    const showTip = () => {
      coachTip.hidden = host.settings.load().value.mode !== 'assessment';
    };
    showTip();
    window.addEventListener(SETTINGS_CHANGED, showTip, { signal: life.signal });
  }
  // How this call is answered: a room decides for its calls; otherwise the trainee, here (their
  // choice is kept as the setting, so the next call starts the same way).
  const answerWay = host.workshop
    ? el(
        'p',
        { className: 'answer-way-fixed' },
        host.workshop.answers === 'type' ? t('brief.room.type') : t('brief.room.pick'),
      )
    : answerWayChoice(host.settings, t('brief.howAnswer'), 'briefing-answers', 'typed');
  root.replaceChildren(
    el(
      'header',
      { className: 'briefing-header' },
      host.menuHref ? el('a', { className: 'back', href: host.menuHref }, `← ${wayBack(host)}`) : '',
      el(
        'p',
        { className: 'brand' },
        host.shift
          ? t('brief.shift', { position: host.shift.position, total: host.shift.total })
          : (host.workshop?.label ?? 'Keep Cool'),
      ),
      el('h1', writtenIn(scenario), shownTitle(scenario)),
      factsRow(scenario),
    ),
    status,
    el('p', { className: 'summary', ...writtenIn(scenario) }, shownText(scenario)(scenario.summary)),
    el(
      'section',
      { className: 'card briefing-card' },
      el('h2', {}, t('brief.customer', { name: shownText(scenario)(scenario.customer.name) })),
      el('p', writtenIn(scenario), shownText(scenario)(scenario.customer.persona)),
      el('h2', {}, t('brief.practise')),
      el(
        'ul',
        { className: 'goals', ...writtenIn(scenario) },
        ...scenario.goals.map((g) => el('li', {}, shownText(scenario)(g))),
      ),
      el('p', { className: 'best' }, best === null ? t('brief.notPlayed') : t('brief.best', { best })),
    ),
    coachTip ?? '',
    answerWay,
    // Kept in view at the foot of the screen while the briefing is read (see briefing.css).
    el(
      'div',
      { className: 'actions briefing-go' },
      el('p', { className: 'ready' }, waitingLine(scenario)),
      ...(resumable ? [resume, start] : [start]),
    ),
    settingsPanel(host.settings, { answers: !host.workshop }),
  );
  const begin = () => {
    host.progress.save({ ...progress, inProgress: null });
    host.screens.call();
  };
  start.addEventListener('click', () => {
    const workshop = host.workshop;
    if (!workshop) {
      begin();
      return;
    }
    // A workshop call starts with a run token from the server, so its clock starts with the call.
    start.disabled = true;
    status.replaceChildren(el('p', {}, t('brief.gettingRun')));
    void workshop.begin().then((answer) => {
      // The trainee left while the server answered: the answer belongs to a screen that is gone.
      if (life.ended) return;
      start.disabled = false;
      if (answer.ok) {
        begin();
        return;
      }
      const anyway = el('button', { className: 'secondary', type: 'button' }, t('brief.playAnyway'));
      anyway.addEventListener('click', begin);
      status.replaceChildren(el('p', {}, answer.message), answer.playAnyway ? anyway : '');
      (answer.playAnyway ? anyway : start).focus();
    });
  });
  resume.addEventListener('click', () => {
    if (resumable) host.screens.call(resumable);
  });
  const { anger, trust } = scenario.customer;
  host.onView({
    appearance: scenario.customer.appearance,
    setting: scenario.setting,
    mood: moodOf(anger, trust),
    pose: 'neutral',
    anger,
    reducedMotion: applySettings(host.settings.load().value).reducedMotion,
    // Not started: a phone call is still ringing.
    caller: scenario.customer.name,
    lineWords: lineWords(),
  });
  window.scrollTo({ top: 0 });
  (resumable ? resume : start).focus({ preventScroll: true });
  // The call comes in: a ring (or the counter bell), once sound is allowed, with its caption.
  if (host.audio?.state === 'running' || host.audio?.state === 'loading') {
    const incoming = incomingCue(scenario);
    host.audio.play(incoming, () => {
      document.body.dataset.audioEnded = incoming;
    });
    const caption = captionText(incoming, scenario.customer.name);
    if (caption) status.after(el('p', { className: 'caption' }, t('caption.line', { caption })));
  }
}
