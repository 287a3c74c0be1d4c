/**
 * The text practice call: every customer line, cue and response as real page text and buttons.
 * It renders engine state and sends engine events; all rules live in src/engine.
 */
import {
  COOL_CREDIT,
  scoreRecords,
  FAULT_FACTOR,
  DONT_NAMES,
  SLIP_NAMES,
  type Dont,
  type MethodSlip,
  WEIGHTS,
  LETTER_NAMES,
  initialState,
  moodOf,
  speechMs,
  RUSHED_MS,
  TIMEOUT_COMPOSURE,
  COMPOSURE,
  iMessageFeedback,
  own,
  piecesAt,
  responseWindow,
  startCall,
  type OfferedThought,
  type IMessageAssessment,
  I_STEP_NAMES,
  type Call,
  type CallState,
  type PersistedCall,
  type ScenarioResponse,
  type Transcript,
  rewindTo,
  type Scenario,
  type ScoreResult,
} from '../../engine/index.js';
import { angerChart, soaringChart } from './charts.js';
import { bestScore, progressStore, withAttempt, type Progress } from '../../device/progress.js';
import type { CallView } from '../../stage/view.js';
import { settingsStore, type Settings } from '../../device/settings.js';
import type { KeyValueStorage, VersionedStore } from '../../device/store.js';
import { callSounds } from '../../sound/director.js';
import { captionFor, incomingCue } from '../../sound/cues.js';
import type { AudioService } from '../../sound/service.js';
import { chart, el } from '../kit/dom.js';
import { iMessageBuilder, timeOutPanel, type TimeOutPanel } from './method-panels.js';
import { answerOrder, orderSeed } from './order.js';
import { endingWords } from '../kit/words.js';
import { applySettings, settingsPanel } from '../settings-panel.js';

function meter(label: string, value: number, describe: (v: number) => string): HTMLElement {
  const bar = el('meter', {
    min: 0,
    max: 100,
    value,
    low: 30,
    high: 70,
    optimum: label === 'Anger' ? 0 : 100,
  });
  bar.setAttribute('aria-label', label);
  return el(
    'div',
    { className: 'meter' },
    el('span', { className: 'meter-label' }, label),
    bar,
    el('span', { className: 'meter-value' }, `${value} · ${describe(value)}`),
  );
}

const angerWord = (v: number) => (v >= 80 ? 'furious' : v >= 55 ? 'angry' : v >= 30 ? 'annoyed' : 'calm');
const levelWord = (v: number) => (v >= 70 ? 'high' : v >= 40 ? 'middling' : 'low');

/** What the call looks like now, for the stage that draws the customer. */
export type ViewListener = (view: CallView) => void;

const prefersReducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function viewOf(scenario: Scenario, state: CallState, reducedMotion: boolean): CallView {
  const node = state.node === null ? undefined : own(scenario.nodes, state.node);
  return {
    appearance: scenario.customer.appearance,
    setting: scenario.setting,
    mood: state.mood,
    pose: node?.cue?.pose ?? 'neutral',
    anger: state.anger,
    reducedMotion,
    ...(state.ending === null ? {} : { ending: own(scenario.endings, state.ending)?.kind }),
  };
}

/** Where the text call lives and what it talks to. */
interface Host {
  root: HTMLElement;
  scenario: Scenario;
  onView: ViewListener;
  progress: VersionedStore<Progress>;
  settings: VersionedStore<Settings>;
  menuHref: string | undefined;
  next: { title: string; href: string } | undefined;
  shift: ShiftStep | undefined;
  audio: AudioService | undefined;
  inspect: ((call: Call) => void) | undefined;
  workshop: WorkshopCall | undefined;
}

/** A call played for a workshop room: assessment mode, a run token first, the result sent after. */
export interface WorkshopCall {
  /** Shown above the title. */
  label: string;
  /** Gets the run token from the server; a refusal says why and whether the call may be played anyway. */
  begin(): Promise<{ ok: true } | { ok: false; message: string; playAnyway: boolean }>;
  /** Told when the call ends; returns the debrief's card about the room (sent, queued, refused). */
  finished(transcript: Transcript, result: ScoreResult): HTMLElement;
}

/** A call taken as part of a shift: where it stands in the shift, and what happens when it ends. */
export interface ShiftStep {
  position: number;
  total: number;
  /** Told once per finished call (again after a rewind, which the shift ignores). */
  onFinish: (result: ScoreResult) => void;
  /** The debrief's main button: on to the next call, or to the end of the shift. */
  continueWith: { label: string; run: () => void };
}

export interface TextCallOptions {
  onView?: ViewListener;
  /** Where progress is kept; the page passes localStorage. */
  storage: KeyValueStorage;
  /** Link back to the list of scenarios, if there is one. */
  menuHref?: string;
  /** The scenario to offer after the debrief, if there is another. */
  next?: { title: string; href: string };
  /** Set when the call is one of a shift's. */
  shift?: ShiftStep;
  /** Sound; without it the call is silent (captions need sound to be asked for). */
  audio?: AudioService;
  /** Told after every change of the call: author mode's live panel reads flags and the score so far. */
  inspect?: (call: Call) => void;
  /** Set when the call is played for a workshop room. */
  workshop?: WorkshopCall;
}

/** Shows the scenario's briefing, then runs the call in `root`. */
export function mountTextCall(root: HTMLElement, scenario: Scenario, options: TextCallOptions): void {
  showBriefing({
    root,
    scenario,
    onView: options.onView ?? (() => undefined),
    progress: progressStore(options.storage),
    settings: settingsStore(options.storage, prefersReducedMotion()),
    menuHref: options.menuHref,
    next: options.next,
    shift: options.shift,
    audio: options.audio,
    inspect: options.inspect,
    workshop: options.workshop,
  });
}

/** Where the way back from a call leads: the room for a workshop call, the scenarios otherwise. */
function wayBack(host: Host): string {
  return host.workshop ? 'Back to the room' : 'All scenarios';
}

function showBriefing(host: Host, notice?: string): void {
  const { root, scenario } = host;
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
    resumable ? 'Start over' : 'Start the call',
  );
  const resume = el('button', { className: 'primary', type: 'button' }, 'Resume your call');
  const notices = [loaded.notice, host.settings.load().notice, notice].filter((n): n is string => Boolean(n));
  const status = el('div', { className: 'notice' }, ...notices.map((n) => el('p', {}, n)));
  status.setAttribute('role', 'status');
  root.replaceChildren(
    el(
      'header',
      {},
      host.menuHref ? el('a', { className: 'back', href: host.menuHref }, `← ${wayBack(host)}`) : '',
      el(
        'p',
        { className: 'brand' },
        host.shift
          ? `Your shift · call ${host.shift.position} of ${host.shift.total}`
          : (host.workshop?.label ?? 'Keep Cool'),
      ),
      el('h1', {}, scenario.title),
    ),
    status,
    el('p', { className: 'summary' }, scenario.summary),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, `Your customer: ${scenario.customer.name}`),
      el('p', {}, scenario.customer.persona),
      el('h2', {}, 'What you will practise'),
      el('ul', {}, ...scenario.goals.map((g) => el('li', {}, g))),
      el(
        'p',
        { className: 'best' },
        best === null ? 'Not played yet on this device.' : `Your best score: ${best} / 1000`,
      ),
    ),
    el('div', { className: 'actions' }, ...(resumable ? [resume, start] : [start])),
    settingsPanel(host.settings),
  );
  const begin = () => {
    host.progress.save({ ...progress, inProgress: null });
    runCall(host);
  };
  start.addEventListener('click', () => {
    const workshop = host.workshop;
    if (!workshop) {
      begin();
      return;
    }
    // A workshop call starts with a run token from the server, so its clock starts with the call.
    start.disabled = true;
    status.replaceChildren(el('p', {}, 'Getting your run from the workshop server…'));
    void workshop.begin().then((answer) => {
      start.disabled = false;
      if (answer.ok) {
        begin();
        return;
      }
      const anyway = el('button', { className: 'secondary', type: 'button' }, 'Play it without counting');
      anyway.addEventListener('click', begin);
      status.replaceChildren(el('p', {}, answer.message), answer.playAnyway ? anyway : '');
      (answer.playAnyway ? anyway : start).focus();
    });
  });
  resume.addEventListener('click', () => {
    if (resumable) runCall(host, resumable);
  });
  const { anger, trust } = scenario.customer;
  host.onView({
    appearance: scenario.customer.appearance,
    setting: scenario.setting,
    mood: moodOf(anger, trust),
    pose: 'neutral',
    anger,
    reducedMotion: applySettings(host.settings.load().value).reducedMotion,
  });
  window.scrollTo({ top: 0 });
  (resumable ? resume : start).focus({ preventScroll: true });
  // The call comes in: a ring (or the counter bell), once sound is allowed, with its caption.
  if (host.audio?.state === 'running' || host.audio?.state === 'loading') {
    const incoming = incomingCue(scenario);
    host.audio.play(incoming, () => {
      document.body.dataset.audioEnded = incoming;
    });
    const caption = captionFor(incoming, scenario.customer.name);
    if (caption) status.after(el('p', { className: 'caption' }, `[${caption}]`));
  }
}

function runCall(host: Host, restore?: PersistedCall, notice?: string): void {
  const { root, scenario, onView } = host;
  const settings = applySettings(host.settings.load().value);
  // Workshop calls are assessed: feedback waits for the debrief, as it would for a real customer.
  const mode = host.workshop ? 'assessment' : settings.mode;
  let call: Call;
  try {
    call = startCall(scenario, restore ? { restore } : { mode });
  } catch (error) {
    const progress = host.progress.load().value;
    host.progress.save({ ...progress, inProgress: null });
    showBriefing(
      host,
      `Your unfinished call could not be resumed (${error instanceof Error ? error.message : String(error)}). You can start it again.`,
    );
    return;
  }
  // Which attempt at this scenario this is (finished ones so far): it seeds the answers' order.
  const attempt = host.progress.load().value.attempts.filter((a) => a.scenario.id === scenario.id).length;
  // A live region holding a list: the region announces new lines, the list keeps their order.
  const log = el('ol', {});
  const logRegion = el('div', { className: 'log' }, log);
  logRegion.setAttribute('role', 'log');
  logRegion.setAttribute('aria-live', 'polite');
  logRegion.setAttribute('aria-label', 'Conversation');
  // It scrolls, so keyboard users must be able to reach it to scroll back through the call.
  logRegion.tabIndex = 0;
  const meters = el('div', { className: 'meters' });
  const cue = el('p', { className: 'cue' });
  const coach = el('div', { className: 'coach' });
  coach.setAttribute('role', 'status');
  const hint = el('p', { className: 'hint' });
  hint.setAttribute('aria-live', 'polite');
  const choices = el('div', { className: 'choices' });
  choices.setAttribute('role', 'group');
  choices.setAttribute('aria-label', 'Your answer');
  // The response window: how long before the customer reacts to silence (shorter when composure is low).
  const windowBar = el('span', {});
  const windowTrack = el('div', { className: 'window' }, windowBar);
  windowTrack.setAttribute('aria-hidden', 'true');
  // The method's tools: a time-out and, where the node offers it, the I-message builder.
  const timeOutButton = el('button', { type: 'button', className: 'secondary small' });
  const builderButton = el(
    'button',
    { type: 'button', className: 'secondary small' },
    'Build an I-message (M)',
  );
  const describeButton = el(
    'button',
    { type: 'button', className: 'secondary small' },
    'Describe what I can see (D)',
  );
  let described = false;
  let describedAt: string | null = null;
  const describe = () => {
    described = true;
    render(call.state);
  };
  describeButton.addEventListener('click', describe);
  const tools = el('div', { className: 'tools' }, timeOutButton, builderButton, describeButton);
  const panelBox = el('div', {});
  let panel: { kind: 'timeout'; control: TimeOutPanel } | { kind: 'builder'; node: string } | null = null;
  const closePanel = () => {
    // A builder called off gives the clock back.
    if (call.holding) call.release();
    panel = null;
    panelBox.replaceChildren();
    choices.hidden = reveal !== null;
    render(call.state);
    (choices.hidden ? logRegion : (choices.querySelector('button') ?? timeOutButton)).focus({
      preventScroll: true,
    });
  };
  const thoughtNote = (t: OfferedThought) =>
    t.helpful
      ? `A helpful thought: composure +${TIMEOUT_COMPOSURE.helpful}. Seeing the person behind the anger keeps you steady, and your next answer counts as a considered one.`
      : `That thought feeds the fight: composure −${Math.abs(TIMEOUT_COMPOSURE.unhelpful)}. Negative self-talk makes the next answer sharper, not calmer.`;
  timeOutButton.addEventListener('click', () => {
    openTimeOut();
  });
  builderButton.addEventListener('click', () => {
    openBuilder();
  });
  const openTimeOut = () => {
    if (panel || call.ended) return;
    reveal?.();
    const offer = call.timeOut();
    if (!offer.ok) return;
    host.audio?.play('select');
    const control = timeOutPanel(
      offer.thoughts,
      (t) => {
        call.think(t.id);
        if (mode === 'coach') {
          coach.replaceChildren(
            el('h2', {}, 'Coach'),
            el('p', { className: t.helpful ? 'hit' : 'dont' }, thoughtNote(t)),
          );
        }
        closePanel();
      },
      () => {
        call.cancelTimeOut();
        closePanel();
      },
    );
    panel = { kind: 'timeout', control };
    panelBox.replaceChildren(control.element);
    choices.hidden = true;
    render(call.state);
  };
  const openBuilder = () => {
    const node = call.state.node;
    const pieces = node === null ? null : piecesAt(scenario, node);
    if (panel || node === null || !pieces) return;
    reveal?.();
    // Putting the pieces together takes longer than saying them: the customer finishes, then the
    // clock waits until the I-message is said.
    call.hold();
    panel = { kind: 'builder', node };
    panelBox.replaceChildren(
      iMessageBuilder(
        pieces,
        orderSeed(scenario, node, attempt),
        (parts) => {
          panel = null;
          panelBox.replaceChildren();
          host.audio?.play('confirm');
          call.sayIMessage(parts);
          // The customer answers next: the conversation has the focus, not a button now gone.
          logRegion.focus({ preventScroll: true });
        },
        closePanel,
        () => host.audio?.play('select'),
      ),
    );
    choices.hidden = true;
    render(call.state);
  };

  const opening = initialState(scenario).line;
  // The typewriter: the line is in the page whole from the start (screen readers and the live log
  // get it once); an aria-hidden overlay types it out over the engine's speaking time.
  let reveal: (() => void) | null = null;
  const skip = el(
    'button',
    { type: 'button', className: 'secondary small skip' },
    'Show the whole line (Esc)',
  );
  skip.hidden = true;
  skip.addEventListener('click', () => reveal?.());
  root.replaceChildren(
    // A way out that keeps the call: it is saved at every step and offered again on return.
    host.menuHref
      ? el('a', { className: 'back', href: host.menuHref }, '← Leave the call (you can resume it)')
      : '',
    el('h1', {}, scenario.title),
    meters,
    logRegion,
    coach,
    cue,
    hint,
    windowTrack,
    skip,
    panelBox,
    choices,
    tools,
  );
  const typeOut = (item: HTMLElement, name: string, text: string) => {
    reveal?.();
    if (settings.reducedMotion) {
      // No typewriter, but the customer still takes time to speak: the room stays ducked as long.
      sounds?.speaking(true);
      window.setTimeout(() => sounds?.speaking(false), speechMs(text));
      return;
    }
    const typed = el('span', {});
    const overlay = el('span', { className: 'typed' }, el('strong', {}, name), typed);
    overlay.setAttribute('aria-hidden', 'true');
    item.classList.add('typing');
    item.append(overlay);
    choices.hidden = true;
    skip.hidden = false;
    const duration = speechMs(text);
    sounds?.speaking(true);
    const started = performance.now();
    let frame = 0;
    const done = () => {
      sounds?.speaking(false);
      window.cancelAnimationFrame(frame);
      overlay.remove();
      item.classList.remove('typing');
      choices.hidden = panel !== null;
      skip.hidden = true;
      reveal = null;
      // The answers are back: bring them into view (on a phone they are below the conversation).
      if (!choices.hidden) choices.scrollIntoView({ block: 'nearest' });
    };
    const tickType = (now: number) => {
      const shown = Math.floor((text.length * (now - started)) / duration);
      if (shown >= text.length) {
        done();
        return;
      }
      typed.textContent = text.slice(0, shown);
      frame = window.requestAnimationFrame(tickType);
    };
    reveal = done;
    frame = window.requestAnimationFrame(tickType);
  };

  const say = (who: 'customer' | 'you', text: string, typewriter = false) => {
    const name = who === 'customer' ? `${scenario.customer.name}: ` : 'You: ';
    const item = el(
      'li',
      { className: who },
      el('strong', {}, name),
      el('span', { className: 'line' }, text),
    );
    log.append(item);
    if (typewriter) typeOut(item, name, text);
    logRegion.scrollTop = logRegion.scrollHeight;
  };

  const render = (state: CallState) => {
    onView(viewOf(scenario, state, settings.reducedMotion));
    host.inspect?.(call);
    if (state.node !== null) {
      // Saved at every step, so a reload resumes the call where it was.
      host.progress.save({ ...host.progress.load().value, inProgress: call.persist() });
    }
    meters.replaceChildren(
      meter('Anger', state.anger, angerWord),
      meter('Trust', state.trust, levelWord),
      meter('Your composure', state.composure, levelWord),
    );
    syncLog();
    const node = state.node === null ? undefined : own(scenario.nodes, state.node);
    if (!node) {
      if (!finished) {
        host.progress.save(
          withAttempt(host.progress.load().value, call.transcript(), call.result(), new Date()),
        );
        finish(host, call.result(), call.transcript(), logRegion);
      }
      finished = true;
      return;
    }
    cue.textContent = node.cue ? `You notice: ${node.cue.text}` : '';
    // Body language that contradicts the words is a moment to Observe: sighted players read it off
    // the drawn customer; screen readers get the description; anyone can ask for it in words.
    if (describedAt !== state.node) described = false;
    describedAt = state.node;
    const unspoken = node.cue !== undefined && !node.cue.matches;
    cue.classList.toggle('sr-only', unspoken && !described);
    describeButton.hidden = !unspoken || described;
    if (panel?.kind === 'builder' && panel.node !== state.node) {
      panel = null;
      panelBox.replaceChildren();
    }
    timeOutButton.textContent = `Take a time-out (T) · ${call.timeoutsLeft} left`;
    timeOutButton.disabled = call.timeoutsLeft === 0 || panel !== null;
    builderButton.hidden = state.node === null || piecesAt(scenario, state.node) === null;
    builderButton.disabled = panel !== null;
    choices.replaceChildren(
      ...stableAnswers(state.node).map((r, i) => {
        const button = el(
          'button',
          { type: 'button', className: 'choice' },
          el('kbd', {}, String(i + 1)),
          ` ${r.says}`,
        );
        button.addEventListener('click', () => {
          choose(r.id);
        });
        return button;
      }),
    );
  };

  // The conversation is drawn from the engine's records, so it is always in the order things happened.
  let shownRecords = 0;
  let finished = false;
  // The call's sounds: records already there when the call (re)opened were heard before.
  const soundFrom = call.records.length;
  const sounds = host.audio
    ? callSounds(scenario, host.audio, (text) => {
        log.append(el('li', { className: 'caption' }, `[${text}]`));
      })
    : null;
  const syncLog = () => {
    for (const record of call.records.slice(shownRecords)) {
      const { event } = record;
      if (event.kind === 'choice') {
        const response = own(scenario.nodes, event.node)?.responses.find((r) => r.id === event.response);
        if (response) say('you', response.says);
        if (response && mode === 'coach') {
          // The coach reads the engine's own verdict on this answer (a rushed answer to bait spoils it).
          const upTo = call.records.indexOf(record) + 1;
          const decision = scoreRecords(scenario, call.records.slice(0, upTo)).decisions.at(-1);
          showCoach(coach, scenario, event.node, response, decision?.rushed === true);
        }
      }
      if (event.kind === 'i-message' && record.iMessage) {
        say('you', record.iMessage.says);
        if (mode === 'coach') {
          coach.replaceChildren(
            el('h2', {}, 'Coach'),
            el(
              'p',
              {
                className: record.iMessage.flaws.length === 0 && !record.iMessage.misplaced ? 'hit' : 'dont',
              },
              iMessageFeedback(record.iMessage),
            ),
          );
        }
      }
      if (event.kind === 'timeout' && record.thought) {
        log.append(el('li', { className: 'note' }, `Time-out. You think: “${record.thought.text}”`));
      }
      // Sounds for what changed, captioned, just before the customer speaks (not for a resumed past).
      if (shownRecords >= soundFrom) sounds?.step(record);
      // A time-out changes nothing the customer says: the line stays where it was.
      if (record.after.line && event.kind !== 'timeout') {
        say('customer', record.after.line, record === call.records.at(-1));
      }
      shownRecords++;
      // Coach mode names the pressure as it lands: bait and insults cost composure.
      const arrived = record.after.node === null ? undefined : own(scenario.nodes, record.after.node);
      const lost = arrived
        ? (arrived.bait ? COMPOSURE.pressure : 0) + (arrived.misconduct ? COMPOSURE.pressure : 0)
        : 0;
      if (
        mode === 'coach' &&
        event.kind !== 'silence' &&
        arrived &&
        (arrived.bait || arrived.misconduct) &&
        lost > 0
      ) {
        coach.append(
          el(
            'p',
            { className: 'dont' },
            `That line is meant to get under your skin: composure −${lost}. Don’t take the bait — a time-out (T) stops the clock while you steady yourself.`,
          ),
        );
      }
    }
  };

  const stableAnswers = (nodeId: string | null) =>
    nodeId === null ? [] : answerOrder(scenario, nodeId, attempt);
  // The call's subscription renders every change, so an answer needs no render of its own.
  const choose = (id: string) => {
    host.audio?.play('confirm');
    call.choose(id);
    // The buttons are replaced by the next moment's: focus stays on the conversation, where the
    // customer's reply arrives, rather than falling back to the page.
    logRegion.focus({ preventScroll: true });
  };

  const tick = window.setInterval(() => {
    const s = call.state;
    const now = call.elapsed();
    const wait = s.finishedAt + RUSHED_MS - now;
    const left = Math.max(0, s.deadline - Math.max(now, s.finishedAt));
    windowBar.style.width = `${Math.round((100 * left) / Math.max(1, s.deadline - s.finishedAt))}%`;
    windowTrack.classList.toggle('short', responseWindow(s.composure) < 1);
    const text =
      s.node === null
        ? ''
        : call.paused
          ? 'Time-out: the clock is stopped.'
          : call.holding
            ? 'The clock waits while you build your I-message.'
            : wait > 0 && !s.breathed
              ? 'Let them finish… take a breath before you answer.'
              : responseWindow(s.composure) < 1
                ? 'Your composure is low: they will lose patience with silence sooner.'
                : 'Ready when you are.';
    // A live region: written only when its words change, so screen readers say it once.
    if (hint.textContent !== text) hint.textContent = text;
  }, 250);
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (panel?.kind === 'timeout') {
      if (event.key === 'Escape') {
        call.cancelTimeOut();
        closePanel();
      } else if (/^[1-9]$/.test(event.key)) panel.control.pick(Number(event.key));
      return;
    }
    if (panel?.kind === 'builder') {
      if (event.key === 'Escape') closePanel();
      return;
    }
    if (event.key === 't' || event.key === 'T') {
      openTimeOut();
      return;
    }
    if (event.key === 'm' || event.key === 'M') {
      openBuilder();
      return;
    }
    if ((event.key === 'd' || event.key === 'D') && !describeButton.hidden) {
      describe();
      return;
    }
    if (event.key === 'Escape') reveal?.();
    if (reveal) return; // answers wait until the customer has been heard (or the line skipped)
    const n = Number(event.key);
    const r = Number.isInteger(n) && n >= 1 ? stableAnswers(call.state.node)[n - 1] : undefined;
    if (r) choose(r.id);
  };
  document.addEventListener('keydown', onKey);
  const unsubscribe = call.subscribe(render);
  say('customer', opening, call.records.length === 0);
  render(call.state);
  // Said once the conversation so far is in place: where a rewind has put the trainee.
  if (notice) log.append(el('li', { className: 'note' }, notice));
  // A new screen starts at its top (on a phone the briefing may have been scrolled), with the
  // focus on the conversation.
  window.scrollTo({ top: 0 });
  logRegion.focus({ preventScroll: true });

  root.addEventListener(
    'keep-cool:leave',
    () => {
      window.clearInterval(tick);
      reveal?.();
      document.removeEventListener('keydown', onKey);
      unsubscribe();
      sounds?.end();
      call.stop();
    },
    { once: true },
  );
}

/** How the total adds up, part by part, each with what moved it: no point lost without a reason. */
function scoreParts(result: ScoreResult): HTMLElement {
  const { parts, timing, faults, unreachedMoments, cleanAnswers } = result;
  const moments = timing.answers + timing.silences + unreachedMoments;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const unreached = Object.values(result.unreached).reduce((sum, n) => sum + n, 0);
  const cool = result.composure.timeouts.filter((t) => t.cool).length;
  const notReached =
    unreachedMoments > 0
      ? ` (${plural(unreachedMoments, 'moment')} the call ended before, or went round, count too)`
      : '';
  const rows: [string, string, string][] = [
    [
      'Technique',
      `${parts.technique} / ${WEIGHTS.technique}`,
      unreached > 0
        ? `the SOARING moves each moment called for; the call ended early or went round a moment, so ${plural(unreached, 'move')} the method's path would still have asked for ${unreached === 1 ? 'counts' : 'count'} as missed`
        : 'the SOARING moves each moment called for',
    ],
    [
      'Conduct',
      `${parts.conduct} / ${WEIGHTS.conduct}`,
      `${plural(cleanAnswers, 'clean answer')} of ${plural(moments, 'moment')}${notReached}${cool > 0 ? `; +${COOL_CREDIT} for each of ${plural(cool, 'time-out')} taken to keep cool` : ''}`,
    ],
    [
      'Timing',
      `${parts.timing} / ${WEIGHTS.timing}`,
      timing.answers + timing.silences === 0
        ? 'no answers given'
        : [
            `${plural(timing.answers - timing.rushed, 'considered answer')} of ${plural(moments, 'moment')}`,
            timing.rushed > 0 ? `${timing.rushed} rushed (no pause after the customer finished)` : '',
            timing.silences > 0 ? `${plural(timing.silences, 'silence')} past the customer’s patience` : '',
          ]
            .filter(Boolean)
            .join('; '),
    ],
    [
      'Outcome',
      `${parts.outcome} / ${WEIGHTS.outcome}`,
      'the ending, the gratitude and whether they would come back',
    ],
    [
      'Faults',
      faults.count === 0 ? 'none' : `−${faults.penalty}`,
      faults.count === 0
        ? 'no don’t broken, no bait taken, no silence: the score keeps all it earned'
        : `${plural(faults.count, 'fault')} (${faultNames(result)})${walkedOut(result) ? '; the silence they left in counts as much as the worst answer that moment allowed' : ''}: each takes ${Math.round((1 - FAULT_FACTOR) * 100)}% of what the call earned (${result.earned} × ${FAULT_FACTOR}${faults.count > 1 ? `^${faults.count}` : ''} = ${result.total})`,
    ],
  ];
  return el(
    'section',
    { className: 'card score-parts' },
    el('h2', {}, 'How the score adds up'),
    el(
      'ul',
      {},
      ...rows.map(([name, got, why]) => el('li', {}, el('strong', {}, `${name} ${got}`), ` — ${why}`)),
    ),
  );
}

function finish(host: Host, result: ScoreResult, transcript: Transcript, log: HTMLElement): void {
  const { root, scenario } = host;
  const rewindButton = (index: number) => {
    const button = el('button', { type: 'button', className: 'secondary small' }, 'Rewind to here');
    button.setAttribute('aria-label', `Rewind to here: decision ${index + 1}, and play on from there`);
    button.addEventListener('click', () => {
      runCall(
        host,
        { ...rewindTo(scenario, transcript, index), mode: transcript.mode ?? 'coach' },
        `Rewound to decision ${index + 1}: the customer says that again. What do you answer this time?`,
      );
    });
    return button;
  };
  root.dispatchEvent(new Event('keep-cool:leave'));
  host.shift?.onFinish(result);
  const roomCard = host.workshop?.finished(transcript, result) ?? '';
  host.audio?.play('countup');
  const again = el(
    'button',
    { className: host.shift ? 'secondary' : 'primary', type: 'button' },
    'Play again',
  );
  again.addEventListener('click', () => {
    showBriefing(host);
  });
  const onward = host.shift
    ? el('button', { className: 'primary', type: 'button' }, host.shift.continueWith.label)
    : null;
  onward?.addEventListener('click', host.shift?.continueWith.run ?? (() => undefined));
  const ending = result.ending;
  // Silences past the customer's patience, by the decision they followed (-1: before the first).
  const silences = new Map<number, number>();
  let lastDecision = -1;
  for (const point of result.timeline.slice(1)) {
    if (point.decision === null) silences.set(lastDecision, (silences.get(lastDecision) ?? 0) + 1);
    else lastDecision = point.decision;
  }
  const silencesAfter = (index: number) => silences.get(index) ?? 0;
  // Focus lands on the score, at the top, so the debrief is read from its start.
  const heading = el('h1', { tabIndex: -1 }, `Debrief: ${result.total} / 1000 · grade ${result.grade}`);
  root.replaceChildren(
    heading,
    el(
      'p',
      { className: 'muted' },
      transcript.mode === 'assessment'
        ? 'Played in assessment mode: the feedback below is the first you see.'
        : 'Played in coach mode.',
    ),
    roomCard,
    el(
      'section',
      { className: 'card' },
      el(
        'h2',
        {},
        ending ? `Ending: ${endingWords(ending.kind, scenario.setting)}` : 'The call did not finish',
      ),
      ending && own(scenario.endings, ending.id)?.says
        ? el('blockquote', {}, own(scenario.endings, ending.id)?.says ?? '')
        : '',
      el('p', {}, ending?.narrative ?? ''),
      el(
        'p',
        {},
        ending
          ? `Gratitude ${ending.gratitude}/4 · would come back ${ending.recommit}/4 · extra cost to the company $${ending.cost}`
          : '',
      ),
    ),
    scoreParts(result),
    el('section', { className: 'card' }, el('h2', {}, 'SOARING'), chart(soaringChart(result))),
    composureCard(result),
    el('section', { className: 'card' }, el('h2', {}, 'Anger over the call'), chart(angerChart(result))),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, 'Your decisions'),
      silencesAfter(-1) > 0
        ? el('p', { className: 'dont' }, silenceNote(silencesAfter(-1), 'Before your first answer'))
        : '',
      el(
        'ol',
        {},
        ...result.decisions.map((d) =>
          el(
            'li',
            {},
            el('p', {}, el('strong', {}, 'You said: '), d.says, d.rushed ? ' (rushed)' : ''),
            silencesAfter(d.index) > 0
              ? el('p', { className: 'dont' }, silenceNote(silencesAfter(d.index), 'Then'))
              : '',
            observed(scenario, d.node),
            d.iMessage ? iMessageChecklist(d.iMessage) : '',
            el('p', {}, d.feedback),
            d.breaks.length
              ? el('p', { className: 'dont' }, d.breaks.map((b) => DONT_NAMES[b]).join(' · '))
              : '',
            tookBait(scenario, d.node, d.rushed)
              ? el('p', { className: 'dont' }, 'Answered the bait without the pause: a fault of its own.')
              : '',
            d.spoiled.length
              ? el(
                  'p',
                  { className: 'dont' },
                  `${d.spoiled.map((l) => LETTER_NAMES[l]).join(', ')} spoiled: a fault in the same answer earns its moves nothing.`,
                )
              : '',
            d.better ? el('p', { className: 'better' }, el('strong', {}, 'Better: '), d.better.says) : '',
            rewindButton(d.index),
          ),
        ),
      ),
    ),
    el('details', {}, el('summary', {}, 'Conversation'), log),
    el(
      'div',
      { className: 'actions' },
      ...(onward ? [onward] : [again]),
      host.next && !host.shift
        ? el('a', { className: 'secondary', href: host.next.href }, `Next: ${host.next.title}`)
        : '',
      host.menuHref ? el('a', { className: 'secondary', href: host.menuHref }, wayBack(host)) : '',
    ),
  );
  // Back to the top: the stage shows how the customer leaves, the heading gives the score.
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}

/** The faults by name, most frequent first: "Silence ×2, Argued with the customer". */
function faultNames(result: ScoreResult): string {
  const counts = new Map<string, number>();
  for (const { dont } of result.donts) {
    const name = dont in DONT_NAMES ? DONT_NAMES[dont as Dont] : SLIP_NAMES[dont as MethodSlip];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => (n > 1 ? `${name} ×${n}` : name))
    .join('; ');
}

/** Did the customer walk out in a silence? Its faults then outnumber the silences. */
function walkedOut(result: ScoreResult): boolean {
  return result.donts.filter((d) => d.dont === 'silence').length > result.timing.silences;
}

/** Whether an answer took the bait: rushed (as the score counts it) at a line meant to provoke. */
function tookBait(scenario: Scenario, node: string, rushed: boolean): boolean {
  return rushed && own(scenario.nodes, node)?.bait === true;
}

/** A silence in the decisions list: dead air is a choice too, and it angers the customer. */
function silenceNote(count: number, when: string): string {
  const times = count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
  return `${when} you said nothing until their patience ran out, ${times}: each silence is a fault, a moment missed, and it made the customer angrier.`;
}

/** What the trainee could have seen at a moment where body language and words did not match. */
function observed(scenario: Scenario, nodeId: string): HTMLElement | string {
  const cue = own(scenario.nodes, nodeId)?.cue;
  return cue && !cue.matches
    ? el('p', { className: 'observe' }, el('strong', {}, 'What you could see: '), cue.text)
    : '';
}

/** The I-message, step by step: each check as a word and a mark, never by colour alone. */
function iMessageChecklist(a: IMessageAssessment): HTMLElement {
  const check = (ok: boolean, text: string) =>
    el('li', { className: ok ? 'yes' : 'no' }, `${ok ? '✓' : '✗'} ${text}`);
  const list = el(
    'ul',
    { className: 'checklist' },
    check(
      !a.misplaced,
      a.misplaced ? 'The customer had not crossed a line' : 'The customer had crossed a line',
    ),
    check(
      a.missing.length === 0,
      a.missing.length === 0
        ? 'All four steps'
        : `Missing: ${a.missing.map((m) => I_STEP_NAMES[m].toLowerCase()).join(', ')}`,
    ),
    check(a.ordered, a.ordered ? 'In order' : 'Out of order'),
    check(a.harsh === 0, a.harsh === 0 ? 'Calm tone' : `${a.harsh} harsh piece${a.harsh > 1 ? 's' : ''}`),
    check(!a.rambled, a.rambled ? 'Kept talking after the consequence' : 'Stopped after the consequence'),
  );
  list.setAttribute('aria-label', 'Your I-message, step by step');
  return list;
}

/** Composure: how low it ran, the time-outs taken and what each thought did. */
function composureCard(result: ScoreResult): HTMLElement {
  const { lowest, final, timeouts } = result.composure;
  return el(
    'section',
    { className: 'card' },
    el('h2', {}, 'Your composure'),
    el(
      'p',
      {},
      `Lowest ${lowest} · at the end ${final} · ${result.timing.rushed} of ${result.timing.answers} answers rushed`,
    ),
    el(
      'p',
      { className: 'muted' },
      `Bait and insults wear composure down; a rushed answer costs more, a considered one restores it. Below 60 the customer loses patience with your silence sooner, down to half the time. A time-out stops the clock: the helpful thought gives composure back, and taken below 60 it earns ${COOL_CREDIT} conduct points for keeping cool.`,
    ),
    timeouts.length === 0
      ? el('p', {}, 'No time-outs taken.')
      : el(
          'ul',
          {},
          ...timeouts.map((t) =>
            el(
              'li',
              {},
              `${t.helpful ? '✓ Helpful' : '✗ Unhelpful'} thought at ${Math.round(t.at / 1000)} s: “${t.thought}”${t.cool ? ` (kept cool: +${COOL_CREDIT} conduct)` : t.helpful ? '' : ' (a fault)'}`,
            ),
          ),
        ),
  );
}

/** Coach mode: right after an answer, what it used or broke and why. */
function showCoach(
  card: HTMLElement,
  scenario: Scenario,
  nodeId: string,
  response: ScenarioResponse,
  rushed: boolean,
): void {
  const node = own(scenario.nodes, nodeId);
  const calledFor = node?.calls_for ?? [];
  const hits = response.uses.filter((l) => calledFor.includes(l)).map((l) => LETTER_NAMES[l]);
  const missed = calledFor.filter((l) => !response.uses.includes(l)).map((l) => LETTER_NAMES[l]);
  const baited = tookBait(scenario, nodeId, rushed);
  const spoiled = response.breaks.length > 0 || baited;
  card.replaceChildren(
    el('h2', {}, 'Coach'),
    baited
      ? el(
          'p',
          { className: 'dont' },
          'You answered the bait without the pause: that is taking it, whatever you said.',
        )
      : '',
    hits.length
      ? el(
          'p',
          { className: spoiled ? 'dont' : 'hit' },
          spoiled
            ? `Spoiled: ${hits.join(', ')} (a fault in the same answer earns its moves nothing)`
            : `Used: ${hits.join(', ')}`,
        )
      : '',
    missed.length ? el('p', {}, `The moment called for: ${missed.join(', ')}`) : '',
    response.breaks.length
      ? el('p', { className: 'dont' }, `Broke: ${response.breaks.map((b) => DONT_NAMES[b]).join(', ')}`)
      : '',
    el('p', {}, response.feedback),
  );
}
