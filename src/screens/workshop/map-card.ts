/** The facilitator page's card for the debrief: open the decision map, download every decision. */
import { ENDPOINTS } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { send } from './api-client.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';
import { t } from '../i18n/index.js';

export function mapCard(
  context: WorkshopContext,
  code: string,
  secret: string,
  say: (message: string) => void,
  href: string,
): HTMLElement {
  const download = el('button', { className: 'secondary', type: 'button' }, t('host.map.download'));
  download.addEventListener('click', () => {
    void send(context.api, ENDPOINTS.decisionsCsv, { params: { code }, token: secret }).then((reply) => {
      if (!reply.ok) {
        say(refusalWords(reply, code));
        return;
      }
      const link = el('a', {
        href: URL.createObjectURL(new Blob([reply.data], { type: 'text/csv' })),
        download: `keep-cool-${code}-decisions.csv`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
    });
  });
  return el(
    'section',
    { className: 'card' },
    el('h2', {}, t('host.map.title')),
    el('p', {}, t('host.map.about')),
    el(
      'div',
      { className: 'actions' },
      el('a', { className: 'primary', href }, t('host.map.open')),
      download,
    ),
  );
}
