/**
 * Starts a package inside the page: reads how it was made (the JSON index.html carries), connects
 * to the LMS its standard names, starts the bridge, and keeps a status line at the top of the page
 * that says whether the calls are being reported, and how far the learner has come.
 */
import type { Scenario } from '../engine/index.js';
import { t } from '../screens/i18n/index.js';
import { startPackage, type PackageSession, type PackageStatus } from './bridge.js';
import { connectCmi5 } from './cmi5.js';
import type { LmsConnection } from './connection.js';
import { FORMAT_NAMES, PackageConfig } from './report.js';
import { connectScorm } from './scorm.js';

/** The element index.html carries a package's settings in (written by `npm run package`). */
export const PACKAGE_ELEMENT_ID = 'keep-cool-package';

/** The package's settings, or null on an ordinary page (or settings that do not read: said on the console). */
export function packageConfig(doc: Document): PackageConfig | null {
  const text = doc.getElementById(PACKAGE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const parsed = PackageConfig.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    console.error('This package’s settings do not read; it plays as an ordinary page.', parsed.error.issues);
  } catch (error) {
    console.error('This package’s settings are not JSON; it plays as an ordinary page.', error);
  }
  return null;
}

function describe(config: PackageConfig, status: PackageStatus): string {
  if (!status.reporting) return t('lms.notReporting');
  const { score } = status;
  const words = {
    format: FORMAT_NAMES[config.format],
    finished: score.finished,
    assigned: score.assigned,
    score: score.raw,
    pass: Math.round(config.pass / 10),
  };
  if (score.success === 'passed') return t('lms.reporting.passed', words);
  if (score.success === 'failed')
    return t(
      config.mode === 'assessment' ? 'lms.reporting.failed.assessment' : 'lms.reporting.failed',
      words,
    );
  return t('lms.reporting', words);
}

export async function openPackage(
  config: PackageConfig,
  scenarios: readonly Scenario[],
  win: Window = window,
): Promise<PackageSession> {
  let connection: LmsConnection | null = null;
  try {
    connection = config.format === 'cmi5' ? await connectCmi5(config, win) : connectScorm(config.format, win);
  } catch (error) {
    console.error('The learning system could not be reached; the package plays without reporting.', error);
  }
  const session = startPackage(config, scenarios, connection);
  const line = win.document.createElement('p');
  line.className = 'lms-status';
  line.setAttribute('role', 'status');
  const problem = win.document.createElement('p');
  problem.className = 'lms-problem';
  problem.setAttribute('role', 'alert');
  const show = (status: PackageStatus) => {
    line.textContent = describe(config, status);
    line.dataset.reporting = String(status.reporting);
    line.dataset.success = status.score.success;
    const first = status.problems[0];
    problem.textContent = first ? t('lms.problem', { problem: first }) : '';
  };
  show(session.status());
  session.onChange(show);
  win.document.body.prepend(line, problem);
  // The session ends with the page: SCORM's finish, cmi5's terminated.
  win.addEventListener(
    'pagehide',
    () => {
      session.finish();
    },
    { once: true },
  );
  return session;
}
