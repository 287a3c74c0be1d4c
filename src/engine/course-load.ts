/**
 * Reads the course file (scenarios/course/course.yaml) against the library, with diagnostics located
 * like the scenario loader's: a broken file, a chapter naming a scenario, moment or response that is
 * not there (KC070) and a lesson that does not teach its move (KC072) are errors; a call that never
 * asks for its chapter's move is a warning (KC071), and the course still loads.
 */
import {
  MIN_MOVE_HITS,
  answersMove,
  momentsForMove,
  letterOf,
  offersMove,
  stateAtMoment,
  Course,
  type Chapter,
  type ChapterMove,
} from './course.js';
import { didYouMean, hasErrors, reporter, type Diagnostic, type Report } from './diagnostics.js';
import { readYaml } from './load.js';
import { locator, type Locator, type PathSegment } from './locate.js';
import { own } from './own.js';
import type { Scenario } from './schema.js';
import { reportShapeIssues } from './shape-issues.js';
import { LETTER_NAMES } from './vocabulary.js';

/** Where the course file sits, under the scenarios folder. */
export const COURSE_FILE = 'course/course.yaml';

export interface CourseLoad {
  /** Present only when there are no errors (warnings allowed). */
  course?: Course;
  diagnostics: Diagnostic[];
}

/** The move in words, for messages: "Reflect (R)", "keeping cool", "mixed calls". */
function moveWords(move: ChapterMove): string {
  const letter = letterOf(move);
  if (letter) return `${LETTER_NAMES[letter]} (${letter})`;
  return move === 'cool' ? 'keeping cool' : 'mixed calls';
}

/** Loads course source text against the library. Never throws on bad input. */
export function loadCourse(text: string, file: string, library: readonly Scenario[]): CourseLoad {
  const diagnostics: Diagnostic[] = [];
  const report: Report = reporter(file, diagnostics);
  const read = readYaml(text, report, 'a course this large is too long to follow: split off chapters');
  if (!read) return { diagnostics };
  const locate = locator(read.doc, read.lineCounter);
  let data: unknown;
  try {
    data = read.doc.toJS({ maxAliasCount: 0 });
  } catch {
    report('KC003', { line: 1, col: 1 }, 'aliases are not allowed', 'write each text out in full');
    return { diagnostics };
  }
  const parsed = Course.safeParse(data);
  if (!parsed.success) {
    reportShapeIssues(parsed.error.issues, locate, report, {
      fields: 'a chapter has id, move, title, summary, lesson, calls and an optional pass',
      more: 'see docs/authoring.md, "Adding a call to the course"',
    });
    return { diagnostics };
  }
  const course = parsed.data;
  const byId = new Map(library.map((s) => [s.id, s]));
  const seen = new Set<string>();
  course.chapters.forEach((chapter, i) => {
    const at: PathSegment[] = ['chapters', i];
    if (seen.has(chapter.id))
      report(
        'KC021',
        locate([...at, 'id']),
        `chapter id '${chapter.id}' is used twice`,
        'give each chapter its own id',
      );
    seen.add(chapter.id);
    checkChapter(chapter, at, byId, locate, report);
  });
  return hasErrors(diagnostics) ? { diagnostics } : { course, diagnostics };
}

function checkChapter(
  chapter: Chapter,
  at: PathSegment[],
  byId: ReadonlyMap<string, Scenario>,
  locate: Locator,
  report: Report,
): void {
  const scenarioAt = (id: string, path: PathSegment[]): Scenario | undefined => {
    const scenario = byId.get(id);
    if (!scenario)
      report(
        'KC070',
        locate(path),
        `there is no scenario '${id}' in the library`,
        didYouMean(
          id,
          byId.keys(),
          'name a scenario by its "id:" (a scenario with errors is not in the library)',
        ),
      );
    return scenario;
  };
  chapter.calls.forEach((id, j) => {
    const scenario = scenarioAt(id, [...at, 'calls', j]);
    if (scenario && !offersMove(scenario, chapter.move))
      report(
        'KC071',
        locate([...at, 'calls', j]),
        `'${id}' asks for ${moveWords(chapter.move)}, the move chapter '${chapter.id}' teaches, at ${momentsForMove(scenario, chapter.move)} moment${momentsForMove(scenario, chapter.move) === 1 ? '' : 's'}; a pass needs the move made at least ${MIN_MOVE_HITS} times in one call`,
        chapter.move === 'cool'
          ? 'choose a call with bait to refuse: answers that argue, attack, mock, defend or threaten'
          : `choose a call with at least ${MIN_MOVE_HITS} moments whose calls_for includes ${chapter.move}`,
      );
  });

  const { watch, try: attempt } = chapter.lesson;
  const momentOf = (scenarioId: string, moment: string, path: PathSegment[]) => {
    const scenario = scenarioAt(scenarioId, [...path, 'scenario']);
    if (!scenario) return null;
    const node = own(scenario.nodes, moment);
    if (!node) {
      report(
        'KC070',
        locate([...path, 'moment']),
        `'${scenarioId}' has no moment '${moment}'`,
        didYouMean(moment, Object.keys(scenario.nodes), `name a node under "nodes:" in ${scenarioId}`),
      );
      return null;
    }
    if (node.responses.length < 2) {
      report(
        'KC072',
        locate([...path, 'moment']),
        `moment '${moment}' offers no choice of answers`,
        'choose a moment the trainee answers',
      );
      return null;
    }
    if (!stateAtMoment(scenario, moment)) {
      report(
        'KC072',
        locate([...path, 'moment']),
        `no play of '${scenarioId}' reaches '${moment}'`,
        'choose a moment a call can reach',
      );
      return null;
    }
    return { scenario, node };
  };

  const watched = momentOf(watch.scenario, watch.moment, [...at, 'lesson', 'watch']);
  if (watched) {
    for (const which of ['bad', 'good'] as const) {
      const id = watch[which];
      const response = watched.node.responses.find((r) => r.id === id);
      const path = [...at, 'lesson', 'watch', which];
      if (!response) {
        report(
          'KC070',
          locate(path),
          `moment '${watch.moment}' has no response '${id}'`,
          didYouMean(
            id,
            watched.node.responses.map((r) => r.id),
            'name one of the moment’s responses by its id',
          ),
        );
        continue;
      }
      const good = answersMove(response, chapter.move);
      if (which === 'good' && !good)
        report(
          'KC072',
          locate(path),
          `the good answer '${id}' ${response.breaks.length ? `breaks ${response.breaks.join(', ')}` : `does not use ${moveWords(chapter.move)}`}`,
          'the answer to copy must make the chapter’s move and break no don’t',
        );
      if (which === 'bad' && good)
        report(
          'KC072',
          locate(path),
          `the bad answer '${id}' makes the move cleanly: there is nothing to learn from it going wrong`,
          'choose an answer that breaks a don’t or misses the move',
        );
    }
  }
  const tried = momentOf(attempt.scenario, attempt.moment, [...at, 'lesson', 'try']);
  if (tried) {
    const good = tried.node.responses.filter((r) => answersMove(r, chapter.move)).length;
    if (good === 0 || good === tried.node.responses.length)
      report(
        'KC072',
        locate([...at, 'lesson', 'try', 'moment']),
        good === 0
          ? `no answer at '${attempt.moment}' makes ${moveWords(chapter.move)} cleanly`
          : `every answer at '${attempt.moment}' makes ${moveWords(chapter.move)}: nothing to choose`,
        'choose a moment with at least one right answer for the move and one wrong one',
      );
  }
}
