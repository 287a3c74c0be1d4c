/**
 * The facilitator link on a room's page, for running the room from another device (a
 * co-facilitator, a new laptop). Opened there, take-over.ts receives it.
 */
import { el } from '../kit/dom.js';
import type { WorkshopContext } from './context.js';
import { reachableAddress } from './join-address.js';
import { handoverHref } from './routes.js';
import { t } from '../i18n/index.js';

export function handoverCard(context: WorkshopContext, code: string, secret: string): HTMLElement {
  const field = el('input', { readOnly: true, id: 'facilitator-link' });
  let link = '';
  // The address the other device can reach, as for the attendees' join link.
  reachableAddress(context.api, handoverHref(code, secret), (at) => {
    link = at;
    field.value = at;
  });
  const copy = el('button', { className: 'secondary small', type: 'button' }, t('host.handover.copy'));
  const copied = el('span', { className: 'muted' });
  copied.setAttribute('role', 'status');
  copy.addEventListener('click', () => {
    field.select();
    void navigator.clipboard.writeText(link).then(
      () => {
        copied.textContent = t('host.handover.copied');
      },
      () => {
        copied.textContent = t('host.handover.copyByHand');
      },
    );
  });
  return el(
    'details',
    { className: 'card handover' },
    el('summary', {}, t('host.handover.title')),
    el('p', {}, t('host.handover.about')),
    el('label', { htmlFor: 'facilitator-link' }, t('host.handover.link')),
    field,
    el('div', { className: 'actions' }, copy, copied),
  );
}
