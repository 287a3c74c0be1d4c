/** The LRS form on a room's page: what it refuses before sending, and how the state is said. */
import { afterEach, describe, expect, it } from 'vitest';
import { LrsConfigBody } from '../../src/api/api.js';
import { setLanguage } from '../../src/screens/i18n/index.js';
import { lrsFormProblem, lrsStatusWords } from '../../src/screens/workshop/lrs-card.js';

const form = { endpoint: 'https://lrs.test/xapi/', key: 'k', secret: 's', pass: '' };

afterEach(() => {
  setLanguage('en');
});

describe('the LRS form', () => {
  it('refuses, in the page’s words, exactly what the server would', () => {
    const cases: [Partial<typeof form>, string | null][] = [
      [{}, null],
      [{ pass: '700' }, null],
      [{ endpoint: 'http://10.0.0.5:8080/data/xAPI' }, null],
      [{ endpoint: 'lrs.test/xapi' }, 'host.lrs.problem.notAddress'],
      [{ endpoint: 'ftp://lrs.test/' }, 'host.lrs.problem.protocol'],
      [{ endpoint: 'https://a:b@lrs.test/' }, 'host.lrs.problem.credentials'],
      [{ endpoint: 'https://lrs.test/?x=1' }, 'host.lrs.problem.query'],
      [{ key: '' }, 'host.lrs.problem.noKey'],
      [{ key: 'a:b' }, 'host.lrs.problem.colon'],
      [{ secret: '' }, 'host.lrs.problem.noSecret'],
      [{ pass: '1001' }, 'host.lrs.problem.pass'],
      [{ pass: '7.5' }, 'host.lrs.problem.pass'],
    ];
    for (const [change, expected] of cases) {
      const filled = { ...form, ...change };
      expect(lrsFormProblem(filled), JSON.stringify(change)).toBe(expected);
      const body = {
        endpoint: filled.endpoint,
        key: filled.key,
        secret: filled.secret,
        pass: filled.pass === '' ? null : Number(filled.pass),
      };
      expect(LrsConfigBody.safeParse(body).success, JSON.stringify(change)).toBe(expected === null);
    }
  });

  it('says where results go and how they stand, in each language', () => {
    const status = {
      configured: true,
      endpoint: 'https://lrs.test/xapi/',
      pass: null,
      statements: { pending: 2, sent: 9, failed: 1 },
      lastError: 'HTTP 401',
    };
    expect(lrsStatusWords(status)).toBe(
      'Sending to https://lrs.test/xapi/: 9 sent, 2 waiting, 1 refused. Last problem: HTTP 401',
    );
    const off = { ...status, configured: false, endpoint: null, lastError: null };
    expect(lrsStatusWords(off)).toBe('Results are not sent to an LRS; 2 statements wait for one.');
    setLanguage('es');
    expect(lrsStatusWords(status)).toContain('9 enviadas, 2 en espera, 1 rechazadas');
  });
});
