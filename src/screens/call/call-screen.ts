/**
 * The call itself: the meters, the customer's line now, the conversation, the coach, the cue, the
 * response window, the answers and the method's tools, in one screen that follows the engine's
 * call. The pieces are their own modules (call-layout.ts places them); this one starts the call and
 * keeps them in step, and decides where focus goes: never onto an answer the trainee did not pick.
 */
import {
  initialState,
  own,
  speechMs,
  startCall,
  worded,
  type Call,
  type CallState,
  type PersistedCall,
  type ScenarioResponse,
} from '../../engine/index.js';
import { withAttempt } from '../../device/progress.js';
import { callSounds } from '../../sound/director.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { applySettings } from '../settings-panel.js';
import { callLayout, claimPage } from './call-layout.js';
import { coachCard } from './coach.js';
import { viewOf } from './view-of.js';
import { conversationLog, nameOf } from './conversation-log.js';
import { chatWindow, type ChatTyping } from './chat-window.js';
import { cueLine } from './cue.js';
import { currentLine } from './current-line.js';
import { responseHint } from './hint.js';
import type { Host } from './host.js';
import { listenToKeys } from './keys.js';
import { meterBoard } from './meters.js';
import { methodTools } from './method-tools.js';
import { answerOrder } from './order.js';
import { linesOf, recordFeed, type Said } from './record-feed.js';
import { typewriter } from './typewriter.js';
import { answerButton } from './answer-button.js';
import { shownText, writtenIn } from '../scenario-language.js';
import { loadUnderstanding, typedAnswerBox, understandingModel } from './typed-answer.js';
import { t } from '../i18n/index.js';
import { captionText } from '../i18n/names.js';

/** Starts (or resumes) the call and shows it; when it ends, the debrief follows. */
export function runCall(host: Host, restore?: PersistedCall, notice?: string): void {
  const { root, scenario } = host;
  const settings = applySettings(host.settings.load().value);
  // Workshop calls are assessed: feedback waits for the debrief, as it would for a real customer.
  const mode = host.workshop ? 'assessment' : settings.mode;
  // A saved call goes on as it was answered; a room decides for its calls; else the trainee's choice.
  const answers = restore ? (restore.answers ?? 'pick') : (host.workshop?.answers ?? settings.answers);
  const model = answers === 'type' ? understandingModel() : undefined;
  if (answers === 'type' && !model) {
    // Type mode's first use on this page: the model that understands answers comes first.
    const waiting = enterScreen(root);
    root.replaceChildren(el('p', { className: 'loading-note', role: 'status' }, t('call.loadingTyped')));
    loadUnderstanding().then(
      () => {
        if (!waiting.ended) runCall(host, restore, notice);
      },
      (error: unknown) => {
        if (waiting.ended) return;
        host.screens.briefing(
          t('call.typedFailed', { error: error instanceof Error ? error.message : String(error) }),
        );
      },
    );
    return;
  }
  let call: Call;
  try {
    const from = host.practice ? { from: host.practice.from } : {};
    call = startCall(scenario, restore ? { restore } : { mode, answers, ...from });
  } catch (error) {
    const progress = host.progress.load().value;
    host.progress.save({ ...progress, inProgress: null });
    host.screens.briefing(
      t('call.resumeFailed', { error: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  const life = enterScreen(root);
  // The call so far (where it began, then every step), for who has joined the customer at the
  // counter; and who says the line being said now (one of several said one after another).
  const opening = call.state;
  let voice: string | undefined;
  const context = () => ({
    clock: () => call.elapsed(),
    said: [opening, ...call.records.map((r) => r.after)],
    ...(voice === undefined ? {} : { voice }),
  });
  // Which attempt at this scenario this is (finished ones so far): it seeds the answers' order.
  const attempt = host.progress.load().value.attempts.filter((a) => a.scenario.id === scenario.id).length;
  // In the wording of the moment (a response may read differently once a flag is set).
  const answersAt = (nodeId: string | null) =>
    nodeId === null ? [] : answerOrder(scenario, nodeId, attempt).map((r) => worded(r, call.state));

  // The engine runs the scenario as written; the page shows its words in the trainee's language.
  const show = shownText(scenario);
  // Words of a scenario shown as written, in another language than the page's, say so (lang).
  const written = writtenIn(scenario);
  const customer = show(scenario.customer.name);
  // A chat call shows a chat window where the customer is drawn: its bubbles are the conversation.
  const chat =
    scenario.setting === 'chat'
      ? chatWindow({
          scenario,
          call,
          reducedMotion: settings.reducedMotion,
          speaking: (on) => {
            speakingNow(on);
          },
          changed: (now) => {
            typingChanged(now);
          },
        })
      : null;
  const log = chat?.log ?? conversationLog(customer);
  const meters = meterBoard(settings.reducedMotion);
  const coach = coachCard(customer, chat !== null);
  const cue = cueLine(scenario.setting);
  const { hint, window: windowTrack } = responseHint(call, life, chat !== null);
  const choices = el('div', { className: 'choices' });
  choices.setAttribute('role', 'group');
  choices.setAttribute('aria-label', t('call.yourAnswer'));
  // Focus can rest on the group itself (after a panel closes): Tab then reaches the answers, and
  // Enter picks nothing.
  choices.tabIndex = -1;
  let speaking = false;
  const focusIn = (box: HTMLElement) =>
    document.activeElement instanceof Node && box.contains(document.activeElement);
  // The answers wait while the customer's line is typed out and while a tool's panel is open. Focus
  // on an answer that goes out of sight moves to the conversation, where the line is arriving.
  const showChoices = () => {
    const hidden = typing.typing || tools.open !== null;
    if (hidden && focusIn(choices)) log.focus();
    choices.hidden = hidden;
  };
  const speakingNow = (on: boolean) => {
    sounds?.speaking(on);
    // A chat's customer types in the window, not on the stage (hidden behind it): the stage rests.
    speaking = on && chat === null;
    host.onView(viewOf(scenario, call.state, settings.reducedMotion, speaking, context()));
  };
  const typingChanged = (now: boolean) => {
    showChoices();
    if (now) return;
    // The answers are back and the dock has grown: the conversation panel is shorter, so it
    // brings the coach's note (or the last line) back into view, and the dock shows its top.
    layout.showDock();
    layout.showLatest();
    backToBox();
  };
  const typer = typewriter({
    reducedMotion: settings.reducedMotion,
    speaking: speakingNow,
    changed: typingChanged,
  });
  const typing: ChatTyping = chat ? chat.typing : typer;
  // "Show the whole line", pressed, goes once the line is whole: focus moves on to the answers'
  // group (or the conversation, while a panel keeps the answers away), not to the page.
  typing.skip.addEventListener('click', () => {
    if (choices.hidden) log.focus();
    else choices.focus({ preventScroll: true });
  });
  const now = currentLine(customer, cue.element, typing.reveal);
  // "Describe what I can see" goes once it has: focus on it moves to the line, where the words are.
  cue.button.addEventListener('click', () => {
    now.element.focus({ preventScroll: true });
  });
  const tools = methodTools({
    call,
    scenario,
    attempt,
    // Typed, an I-message is said in the trainee's own words: the builder is Pick mode's help.
    builder: answers === 'pick',
    audio: host.audio,
    reveal: typing.reveal,
    changed: () => {
      render(call.state);
    },
    // A panel closed without an answer: focus goes to the answers as a group (Tab reaches them, Enter
    // picks none), to the conversation while the line is still being said, or to the tools.
    closed: () => {
      if (choices.hidden) log.focus();
      else if (choices.querySelector('button')) choices.focus({ preventScroll: true });
      else tools.focus();
    },
    thought: (t) => {
      if (mode === 'coach') coach.thought(t);
    },
    said: log.focus,
  });

  const layout = callLayout({
    // A way out that keeps the call: it is saved at every step and offered again on return.
    back: host.menuHref
      ? el(
          'a',
          { className: 'back', href: host.menuHref },
          t('call.leave'),
          // Said in full, shown short where the screen is a game's.
          el('span', { className: 'back-more' }, t('call.leave.more')),
        )
      : null,
    title: show(scenario.title),
    meters: meters.element,
    now: chat ? chat.element : now.element,
    log: chat ? null : log.region,
    coach: coach.element,
    hint,
    window: windowTrack,
    skip: typing.skip,
    panel: tools.panel,
    choices,
    // In a chat the message carries its own cue: there is no one to describe.
    tools: chat ? tools.buttons : [...tools.buttons, cue.button],
    reducedMotion: settings.reducedMotion,
  });
  root.replaceChildren(...layout.children);
  claimPage(root, life);

  // Lines said together (a narration, then the customer's line) go into the conversation at once
  // and are typed out one after another; the box under the customer shows each as it is said.
  const say = (lines: readonly Said[], typed = false) => {
    if (chat) {
      lines.forEach(({ who, text }, i) => {
        chat.say(who, show(text), typed && i === lines.length - 1);
      });
      return;
    }
    const parts = lines.map(({ who, text: said, speaker }) => {
      // Typed over the time the engine gives the line as written, whatever its length shown.
      const ms = speechMs(said);
      const text = show(said);
      const { item, name } = log.say(who, text, written);
      const start = () => {
        if (who !== 'you') now.show(text, nameOf(who, customer), written);
        // Whose lips move while it is said (the typewriter says so as it starts typing it).
        if (speaker !== undefined) voice = speaker;
      };
      const targets = [
        { item, name },
        ...(who === 'you' ? [] : [{ item: now.item, name: '', follow: now.element }]),
      ];
      return { text, ms, targets, start };
    });
    if (typed) typer.series(parts.filter((p) => p.targets.length > 1));
    else for (const part of parts) part.start();
  };
  // The call's sounds; their captions go into the conversation.
  const sounds = host.audio
    ? callSounds(scenario, host.audio, (text, cue) => {
        log.note(t('caption.line', { caption: captionText(cue, scenario.customer.name) ?? text }), 'caption');
      })
    : null;
  const feed = recordFeed({
    scenario,
    call,
    log,
    say,
    coach: mode === 'coach' ? coach : null,
    sounds,
    show,
    model: model ?? null,
    ...(chat ? { onRecord: chat.before } : {}),
  });
  // Typed answers: the box where the written answers would be. Sent from the keyboard, focus comes
  // back to it with the next moment where a pointer is fine (on a touch screen, that would raise
  // the keyboard over the customer's line before the trainee asks for it).
  let typingByKeys = false;
  const backToBox = () => {
    if (typed && typingByKeys && !choices.hidden && window.matchMedia('(pointer: fine)').matches) {
      typed.focus();
    }
  };
  const typed = model
    ? typedAnswerBox({
        call,
        scenario,
        model,
        audio: host.audio,
        said: (fromKeys) => {
          typingByKeys = fromKeys;
          log.focus();
          // With reduced motion the reply is whole at once and the box is back already.
          if (!choices.hidden) backToBox();
        },
      })
    : null;
  if (typed) choices.append(typed.element);

  // The call's subscription renders every change, so an answer needs no render of its own.
  const choose = (response: ScenarioResponse) => {
    host.audio?.play('confirm');
    call.choose(response.id);
    // The buttons are replaced by the next moment's: focus stays on the conversation, where the
    // customer's reply arrives, rather than falling back to the page.
    log.focus();
  };

  let finished = false;
  // The answers on screen are for this moment (node and step): a render that changes neither, a
  // panel opening, say, keeps the same buttons, and the focus on one of them.
  let answersFor = '';
  const render = (state: CallState) => {
    host.onView(viewOf(scenario, state, settings.reducedMotion, speaking, context()));
    host.inspect?.(call);
    if (state.node !== null && !host.practice) {
      // Saved at every step, so a reload resumes the call where it was (never a practice run).
      host.progress.save({ ...host.progress.load().value, inProgress: call.persist() });
    }
    const node = state.node === null ? undefined : own(scenario.nodes, state.node);
    meters.show(state, node?.shows);
    feed();
    if (!node || state.node === null) {
      if (!finished) {
        finished = true;
        if (!host.practice)
          host.progress.save(
            withAttempt(host.progress.load().value, call.transcript(), call.result(), new Date()),
          );
        host.screens.debrief(call.result(), call.transcript(), log.region);
      }
      return;
    }
    cue.sync(state.node, node.cue ? { ...node, cue: { ...node.cue, text: show(node.cue.text) } } : node);
    tools.sync(state);
    const moment = `${state.node}:${call.records.length}`;
    if (moment !== answersFor) {
      answersFor = moment;
      const had = focusIn(choices);
      if (typed) typed.moment();
      else {
        choices.replaceChildren(
          ...answersAt(state.node).map((response, i) =>
            answerButton(
              show(response.says),
              i,
              () => {
                choose(response);
              },
              written,
            ),
          ),
        );
      }
      // Focus was on an answer of the moment before: it goes to the group, not to a new answer.
      if (had) choices.focus({ preventScroll: true });
      // New answers are read from the first (the dock may have been scrolled to the last ones).
      layout.showDock();
    }
    showChoices();
    layout.showLatest();
  };

  listenToKeys(
    {
      tools,
      canDescribe: () => chat === null && cue.offered,
      describe: cue.describe,
      typing: () => typing.typing,
      reveal: typing.reveal,
      answer: (n) => {
        if (typed) {
          typed.pick(n);
          return;
        }
        const response = answersAt(call.state.node)[n - 1];
        if (response) choose(response);
      },
    },
    life.signal,
  );
  const unsubscribe = call.subscribe(render);
  life.onLeave(() => {
    typing.stop();
    meters.stop();
    unsubscribe();
    sounds?.end();
    call.stop();
  });

  // The conversation from its first line: the records that follow (a resumed call's) add the rest.
  say(linesOf(scenario, host.practice?.from ?? initialState(scenario)), call.records.length === 0);
  render(call.state);
  // Said once the conversation so far is in place: where a rewind has put the trainee.
  if (notice) log.note(notice);
  // A new screen starts at its top (on a phone the briefing may have been scrolled), with the
  // focus on the conversation.
  window.scrollTo({ top: 0 });
  log.focus();
}
