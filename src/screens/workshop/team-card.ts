/**
 * "Teams" on a room's page: the facilitator names the teams, one per line, and saves; none means
 * the room plays without teams. The server cleans and checks each name (as it does nicknames) and
 * keeps a team with members in the list; what it says back is shown here.
 */
import { ENDPOINTS, TEAMS_MAX, type TeamInfo } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { t } from '../i18n/index.js';
import { send } from './api-client.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';

export function teamCard(
  context: WorkshopContext,
  code: string,
  secret: string,
  tell: (message: string) => void,
): HTMLElement {
  const names = el('textarea', { id: 'team-names', rows: 4 });
  names.setAttribute('spellcheck', 'false');
  const save = el('button', { className: 'secondary', type: 'button' }, t('host.teams.save'));
  const show = (teams: readonly TeamInfo[]) => {
    names.value = teams.map((team) => team.name).join('\n');
  };
  save.addEventListener('click', () => {
    const teams = names.value
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (teams.length === 1) {
      tell(t('host.teams.onlyOne'));
      names.focus();
      return;
    }
    if (teams.length > TEAMS_MAX) {
      tell(t('host.teams.tooMany', { max: TEAMS_MAX }));
      names.focus();
      return;
    }
    save.disabled = true;
    void send(context.api, ENDPOINTS.setTeams, { params: { code }, body: { teams }, token: secret }).then(
      (reply) => {
        save.disabled = false;
        if (!reply.ok) {
          tell(refusalWords(reply, code));
          return;
        }
        show(reply.data.teams);
        tell(t(reply.data.teams.length > 0 ? 'host.teams.saved' : 'host.teams.savedOff'));
      },
    );
  });
  void send(context.api, ENDPOINTS.teams, { params: { code } }).then((reply) => {
    if (reply.ok) show(reply.data.teams);
  });
  return el(
    'section',
    { className: 'card team-card' },
    el('h2', {}, t('host.teams.title')),
    el('p', {}, t('host.teams.about')),
    el('label', { htmlFor: 'team-names' }, t('host.teams.label')),
    names,
    el('p', { className: 'muted small' }, t('host.teams.later')),
    save,
  );
}
