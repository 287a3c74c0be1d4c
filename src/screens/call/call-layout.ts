/**
 * The call laid out as a game screen. While the call is the page's own screen, the body becomes a
 * fixed stage (styles/call.css, `body[data-screen='call']`): the drawn customer, the meters and what
 * the customer is saying now stay in view; the conversation scrolls in its own panel; the answers
 * and the tools are docked at the bottom, where a thumb reaches. In author mode's playtest the same
 * parts flow in the page.
 */
import { el } from '../kit/dom.js';
import { markScreen, type ScreenLife } from '../kit/screen.js';

export interface CallParts {
  /** The way out of the call, if there is one. */
  back: HTMLElement | null;
  title: string;
  meters: HTMLElement;
  /** What the customer is saying now, headed by the cue (what can be seen of them). */
  now: HTMLElement;
  /** The conversation (the ARIA log) and the coach's card under it; a chat's is its window (`now`). */
  log: HTMLElement | null;
  coach: HTMLElement;
  /** The dock: the response window and hint, the skip button, a tool's panel, the answers, the tools. */
  hint: HTMLElement;
  window: HTMLElement;
  skip: HTMLElement;
  panel: HTMLElement;
  choices: HTMLElement;
  tools: HTMLElement[];
  /** Nothing moves but what must: the response window's bar steps instead of gliding. */
  reducedMotion: boolean;
}

export interface CallLayout {
  /** The screen's children, in reading order: title, the line now and the meters, conversation, dock. */
  children: HTMLElement[];
  /** Brings the conversation panel to what is new: the coach's note if there is one, else the last line. */
  showLatest(): void;
  /** The answers are back: the dock shows them from the top. */
  showDock(): void;
}

export function callLayout(parts: CallParts): CallLayout {
  const top = el(
    'header',
    { className: 'call-top' },
    ...(parts.back ? [parts.back] : []),
    el('h1', {}, parts.title),
  );
  const hud = el('div', { className: 'hud' }, parts.now, parts.meters);
  const feed = el('div', { className: 'feed' }, ...(parts.log ? [parts.log] : []), parts.coach);
  const dock = el(
    'div',
    { className: 'dock' },
    parts.window,
    parts.hint,
    parts.skip,
    parts.panel,
    parts.choices,
    el('div', { className: 'tools' }, ...parts.tools),
  );
  const side = el('div', { className: 'side' }, feed, dock);
  side.classList.toggle('still', parts.reducedMotion);
  return {
    children: [top, hud, side],
    showLatest() {
      // In the fixed layout the feed scrolls; in a page that flows, the log scrolls on its own.
      if (parts.coach.childElementCount > 0) {
        feed.scrollTop += parts.coach.getBoundingClientRect().top - feed.getBoundingClientRect().top;
      } else {
        feed.scrollTop = feed.scrollHeight;
      }
    },
    showDock() {
      dock.scrollTop = 0;
    },
  };
}

/**
 * Lays the page out as the call's stage while the call is the page's main screen (`root` is a child
 * of the body), and gives the page back when the screen ends.
 */
export function claimPage(root: HTMLElement, life: ScreenLife): void {
  if (root.parentElement !== document.body) return;
  markScreen(life, 'call');
  followSeenHeight(life);
}

/** The wide layout's query (styles/call.css): the customer on the left, the conversation on the right. */
const WIDE = '(min-aspect-ratio: 1/1) and (min-width: 24em) and (min-height: 320px)';
/** Under this height the upright layout is short: a phone's keyboard is up (or the phone is small). */
const SHORT_PX = 600;

/**
 * A phone's keyboard must not hide what the customer said. Where the browser shrinks the page for
 * the keyboard (index.html asks for it: interactive-widget=resizes-content) the layout follows by
 * itself; where it only shrinks what is seen (Safari), the screen takes the height that is seen
 * (`--seen-height`). Either way, a short upright screen is marked (`data-seen="short"`), and while
 * an answer is typed there the conversation and the stage give their room to the customer's line.
 */
function followSeenHeight(life: ScreenLife): void {
  const { body } = document;
  const seen = window.visualViewport;
  const wide = window.matchMedia(WIDE);
  const fit = () => {
    // Pinch zoom shrinks what is seen too; scaled back, only the keyboard is left.
    const height = seen ? seen.height * seen.scale : window.innerHeight;
    body.style.setProperty('--seen-height', `${Math.round(height)}px`);
    if (!wide.matches && height < SHORT_PX) body.dataset.seen = 'short';
    else delete body.dataset.seen;
  };
  fit();
  seen?.addEventListener('resize', fit, { signal: life.signal });
  window.addEventListener('resize', fit, { signal: life.signal });
  life.onLeave(() => {
    body.style.removeProperty('--seen-height');
    delete body.dataset.seen;
  });
}
