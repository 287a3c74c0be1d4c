/**
 * The response window and the hint: a bar that empties as the customer's patience with silence runs
 * out (shorter when composure is low), and a line saying what to do now. Both follow the call's
 * clock, four times a second, for as long as the call's screen lives.
 */
import { responseWindow, rushedAt, type Call } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import type { ScreenLife } from '../kit/screen.js';
import { t } from '../i18n/index.js';

/**
 * What the hint says at `now`: the clock stopped or held, the pause the method asks for, or ready.
 * In a chat the customer finishes when their message lands: the pause is reading it through.
 */
function hintText(call: Call, now: number, chat: boolean): string {
  const s = call.state;
  if (s.node === null) return '';
  if (call.paused) return t('hint.paused');
  if (call.holding) {
    return call.answers === 'type' ? t('hint.writing') : t('hint.building');
  }
  if (rushedAt(s, now)) {
    if (chat) {
      if (now < s.finishedAt) return t('hint.onItsWay');
      return call.answers === 'type' ? t('hint.readTyping') : t('hint.readReply');
    }
    return call.answers === 'type' ? t('hint.finishTyping') : t('hint.finishAnswer');
  }
  if (responseWindow(s.composure) < 1) return t('hint.lowComposure');
  return t('hint.ready');
}

export function responseHint(
  call: Call,
  life: ScreenLife,
  chat = false,
): { hint: HTMLElement; window: HTMLElement } {
  const hint = el('p', { className: 'hint' });
  hint.setAttribute('aria-live', 'polite');
  const bar = el('span', {});
  const track = el('div', { className: 'window' }, bar);
  track.setAttribute('aria-hidden', 'true');
  const tick = window.setInterval(() => {
    const s = call.state;
    const now = call.elapsed();
    const left = Math.max(0, s.deadline - Math.max(now, s.finishedAt));
    bar.style.width = `${Math.round((100 * left) / Math.max(1, s.deadline - s.finishedAt))}%`;
    track.classList.toggle('short', responseWindow(s.composure) < 1);
    const text = hintText(call, now, chat);
    // A live region: written only when its words change, so screen readers say it once.
    if (hint.textContent !== text) hint.textContent = text;
  }, 250);
  life.onLeave(() => {
    window.clearInterval(tick);
  });
  return { hint, window: track };
}
