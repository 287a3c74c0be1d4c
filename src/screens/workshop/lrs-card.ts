/**
 * "Send results to an LRS" on a room's page: the LRS the room's results go to as xAPI (its
 * endpoint, never the credentials, which the server does not send back), how its statements stand
 * (sent, waiting, refused), and the form to set or stop it. Checked here before it is sent, so a
 * mistyped endpoint is said in the page's words.
 */
import { ENDPOINTS, endpointProblem, type LrsStatus } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { t, tn, type Key } from '../i18n/index.js';
import { send } from './api-client.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';

const PROBLEM_WORDS: Record<NonNullable<ReturnType<typeof endpointProblem>>, Key> = {
  'not-address': 'host.lrs.problem.notAddress',
  protocol: 'host.lrs.problem.protocol',
  credentials: 'host.lrs.problem.credentials',
  query: 'host.lrs.problem.query',
};

/** What the form holds that the server would refuse, in the page's words; null when it will do. */
export function lrsFormProblem(form: {
  endpoint: string;
  key: string;
  secret: string;
  pass: string;
}): Key | null {
  const problem = endpointProblem(form.endpoint.trim());
  if (problem) return PROBLEM_WORDS[problem];
  if (form.key === '') return 'host.lrs.problem.noKey';
  if (form.key.includes(':')) return 'host.lrs.problem.colon';
  if (form.secret === '') return 'host.lrs.problem.noSecret';
  const pass = form.pass.trim();
  if (pass !== '' && !(/^\d+$/.test(pass) && Number(pass) <= 1000)) return 'host.lrs.problem.pass';
  return null;
}

/** The state of the room's LRS in a sentence or two. */
export function lrsStatusWords(status: LrsStatus): string {
  if (!status.configured) {
    return status.statements.pending > 0
      ? tn('host.lrs.off.waiting', status.statements.pending)
      : t('host.lrs.off');
  }
  const counts = t('host.lrs.counts', {
    endpoint: status.endpoint ?? '',
    sent: status.statements.sent,
    pending: status.statements.pending,
    failed: status.statements.failed,
  });
  return status.lastError ? `${counts} ${t('host.lrs.lastError', { why: status.lastError })}` : counts;
}

export function lrsCard(
  context: WorkshopContext,
  code: string,
  secret: string,
  tell: (message: string) => void,
): { card: HTMLElement; refresh: () => void } {
  const state = el('p', { className: 'lrs-state' });
  state.setAttribute('role', 'status');
  const field = (id: string, label: Key, input: HTMLInputElement) => {
    input.id = id;
    return el('p', {}, el('label', { htmlFor: id }, t(label)), input);
  };
  const endpoint = el('input', {
    type: 'url',
    placeholder: 'https://lrs.example.com/xapi/',
    autocomplete: 'off',
  });
  const key = el('input', { type: 'text', autocomplete: 'off' });
  const password = el('input', { type: 'password', autocomplete: 'new-password' });
  const pass = el('input', { type: 'number', min: '0', max: '1000', step: '1' });
  const save = el('button', { className: 'secondary', type: 'button' }, t('host.lrs.save'));
  const stop = el('button', { className: 'secondary', type: 'button', hidden: true }, t('host.lrs.stop'));
  const card = el(
    'details',
    { className: 'card lrs' },
    el('summary', {}, t('host.lrs.title')),
    el('p', {}, t('host.lrs.about')),
    state,
    field(`lrs-endpoint-${code}`, 'host.lrs.endpoint', endpoint),
    field(`lrs-key-${code}`, 'host.lrs.key', key),
    field(`lrs-secret-${code}`, 'host.lrs.secret', password),
    field(`lrs-pass-${code}`, 'host.lrs.pass', pass),
    el('div', { className: 'actions' }, save, stop),
  );
  const show = (status: LrsStatus) => {
    state.textContent = lrsStatusWords(status);
    stop.hidden = !status.configured;
    if (status.endpoint && endpoint.value === '') endpoint.value = status.endpoint;
    if (status.pass !== null && pass.value === '') pass.value = String(status.pass);
  };
  const refresh = () => {
    void send(context.api, ENDPOINTS.lrs, { params: { code }, token: secret }).then((reply) => {
      if (reply.ok) show(reply.data);
      else tell(refusalWords(reply, code));
    });
  };
  card.addEventListener('toggle', () => {
    if (card.open) refresh();
  });
  save.addEventListener('click', () => {
    const form = { endpoint: endpoint.value, key: key.value, secret: password.value, pass: pass.value };
    const problem = lrsFormProblem(form);
    if (problem) {
      tell(t(problem));
      return;
    }
    const mark = form.pass.trim();
    void send(context.api, ENDPOINTS.setLrs, {
      params: { code },
      body: {
        endpoint: form.endpoint.trim(),
        key: form.key,
        secret: form.secret,
        pass: mark === '' ? null : Number(mark),
      },
      token: secret,
    }).then((reply) => {
      if (!reply.ok) {
        tell(refusalWords(reply, code));
        return;
      }
      // The secret leaves the page once: it is not kept in the form.
      password.value = '';
      show(reply.data);
      tell(t('host.lrs.saved'));
    });
  });
  stop.addEventListener('click', () => {
    void send(context.api, ENDPOINTS.removeLrs, { params: { code }, token: secret }).then((reply) => {
      if (!reply.ok) {
        tell(refusalWords(reply, code));
        return;
      }
      show(reply.data);
      tell(t('host.lrs.stopped'));
    });
  });
  return {
    card,
    refresh: () => {
      if (card.open) refresh();
    },
  };
}
