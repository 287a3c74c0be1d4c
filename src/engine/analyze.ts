/** Checks that need the whole scenario: ids, targets, reachability, loops, and teaching value. */
import { checkFormat3 } from './analyze-format.js';
import { checkTeaching } from './analyze-teaching.js';
import { Candidates, didYouMean } from './diagnostics.js';
import { loopsAmong, nodeTargets, nodesReaching, reachableFrom } from './graph.js';
import type { Report } from './diagnostics.js';
import type { Locator, PathSegment } from './locate.js';
import { hasOwn, own } from './own.js';
import type { Scenario, ScenarioResponse } from './schema.js';

/** Reports every problem in an otherwise well-formed scenario. */
export function analyze(scenario: Scenario, locate: Locator, report: Report): void {
  const nodeIds = Object.keys(scenario.nodes);
  const endingIds = Object.keys(scenario.endings);
  const allIds = [...nodeIds, ...endingIds];
  const targetsOk = checkIds(scenario, locate, report, allIds);
  checkResponses(scenario, locate, report);
  const momentsOk = checkFormat3(scenario, locate, report);
  const methodOk = checkMethod(scenario, locate, report);
  checkTeaching(scenario, locate, report, { targetsOk: targetsOk && momentsOk });
  if (!targetsOk || !methodOk || !momentsOk) return;
  checkGraph(scenario, locate, report);
}

function checkIds(scenario: Scenario, locate: Locator, report: Report, ids: string[]): boolean {
  let ok = true;
  const allIds = new Candidates(ids);
  const isNode = (id: string): boolean => hasOwn(scenario.nodes, id);
  const isEnding = (id: string): boolean => hasOwn(scenario.endings, id);
  for (const id of Object.keys(scenario.endings)) {
    if (isNode(id)) {
      ok = false;
      report(
        'KC021',
        locate(['endings', id], 'key'),
        `'${id}' is both a node and an ending`,
        'rename one of them',
      );
    }
  }
  // `start` must name a node and `at_max_anger` an ending: the same check, either way round.
  const references = [
    { field: 'start', want: 'node', wrong: 'the call must start at a node' },
    { field: 'at_max_anger', want: 'ending', wrong: 'name an ending, usually one of kind hung-up' },
  ] as const;
  for (const { field, want, wrong } of references) {
    const id = scenario[field];
    const [wanted, other] =
      want === 'node' ? [scenario.nodes, scenario.endings] : [scenario.endings, scenario.nodes];
    if (hasOwn(wanted, id)) continue;
    ok = false;
    if (hasOwn(other, id)) {
      report(
        'KC023',
        locate([field]),
        `${field} '${id}' is ${want === 'node' ? 'an ending' : 'a node'}`,
        wrong,
      );
    } else {
      report(
        'KC020',
        locate([field]),
        `no ${want} '${id}'`,
        didYouMean(id, Object.keys(wanted), `name one of the ${want}s`),
      );
    }
  }
  /** Checks a `next:` (of a response or of an I-message) at `at`; false when a target is unknown. */
  const checkNext = (next: ScenarioResponse['next'], at: PathSegment[]): boolean => {
    let targetsKnown = true;
    const branches =
      typeof next === 'string'
        ? [{ goto: next, path: [...at, 'next'] }]
        : next.map((b, j) => ({ goto: b.goto, path: [...at, 'next', j, 'goto'] }));
    for (const { goto, path } of branches) {
      if (!isNode(goto) && !isEnding(goto)) {
        targetsKnown = false;
        report(
          'KC020',
          locate(path),
          `no node or ending '${goto}'`,
          didYouMean(goto, allIds, 'name a node or an ending'),
        );
      }
    }
    if (typeof next !== 'string') {
      const defaultAt = next.findIndex((b) => b.when === undefined);
      if (defaultAt === -1) {
        targetsKnown = false;
        report(
          'KC022',
          locate([...at, 'next']),
          'no branch is taken when none of the conditions hold',
          'end the list with a branch that has only "goto:" (or "otherwise: true" and "goto:")',
        );
      } else if (defaultAt < next.length - 1) {
        report(
          'KC022',
          locate([...at, 'next', defaultAt + 1]),
          'this branch comes after the default and is never taken',
          'move the branch without "when:" (the otherwise branch) to the end of the list',
        );
      }
    }
    return targetsKnown;
  };
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    if (node.i_message && !checkNext(node.i_message.next, ['nodes', nodeId, 'i_message'])) ok = false;
    if (node.next !== undefined && !checkNext(node.next, ['nodes', nodeId])) ok = false;
    const seen = new Set<string>();
    node.responses.forEach((response, i) => {
      const at = ['nodes', nodeId, 'responses', i];
      if (seen.has(response.id)) {
        ok = false;
        report(
          'KC021',
          locate([...at, 'id']),
          `response id '${response.id}' is used twice in node '${nodeId}'`,
          'transcripts record response ids, so each must be unique within its node',
        );
      }
      seen.add(response.id);
      if (!checkNext(response.next, at)) ok = false;
    });
  }
  return ok;
}

function checkResponses(scenario: Scenario, locate: Locator, report: Report): void {
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    if (node.calls_for.includes('N') && !node.misconduct) {
      report(
        'KC037',
        locate(['nodes', nodeId, 'calls_for']),
        `node '${nodeId}' calls for N (name the misconduct) but is not marked misconduct`,
        'add "misconduct: true" if the customer crosses a line here, or drop N: an early I-message is a mistake',
      );
    }
    node.responses.forEach((response, i) => {
      const at = ['nodes', nodeId, 'responses', i];
      if (response.uses.length === 0 && response.breaks.length === 0) {
        report(
          'KC033',
          locate([...at, 'id']),
          `response '${response.id}' uses no technique and breaks no don't`,
          'add the SOARING letters it uses ("uses:") or the don\'ts it breaks ("breaks:") so the debrief can teach from it',
        );
      }
    });
  }
}

/** The I-message pieces and time-out thoughts: unique ids, a builder with pieces, a clean way through. */
function checkMethod(scenario: Scenario, locate: Locator, report: Report): boolean {
  let ok = true;
  const unique = (items: { id: string; path: PathSegment[] }[], what: string) => {
    const seen = new Set<string>();
    for (const { id, path } of items) {
      if (seen.has(id)) {
        ok = false;
        report(
          'KC021',
          locate(path),
          `${what} id '${id}' is used twice`,
          'transcripts record these ids, so each must be unique',
        );
      }
      seen.add(id);
    }
  };
  const parts = scenario.i_message;
  const STEPS = ['attention', 'feeling', 'behaviour', 'consequence', 'ramble'] as const;
  const scenarioPieces = parts
    ? STEPS.flatMap((step) =>
        parts[step].map((f, i) => ({
          id: f.id,
          tone: f.tone,
          step,
          path: ['i_message', step, i, 'id'] as PathSegment[],
        })),
      )
    : [];
  unique(scenarioPieces, 'I-message piece');
  if (scenario.thoughts) {
    const { helpful, unhelpful } = scenario.thoughts;
    unique(
      [
        ...helpful.map((t, i) => ({ id: t.id, path: ['thoughts', 'helpful', i, 'id'] as PathSegment[] })),
        ...unhelpful.map((t, i) => ({ id: t.id, path: ['thoughts', 'unhelpful', i, 'id'] as PathSegment[] })),
      ],
      'thought',
    );
  }
  let offered = false;
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const builder = node.i_message;
    if (!builder) continue;
    offered = true;
    const at: PathSegment[] = ['nodes', nodeId, 'i_message'];
    if (!parts) {
      ok = false;
      report(
        'KC024',
        locate(at, 'key'),
        `node '${nodeId}' offers the I-message builder but the scenario has no I-message pieces`,
        'add a top-level "i_message:" with attention, feeling, behaviour and consequence pieces',
      );
      continue;
    }
    const own = (builder.behaviour ?? []).map((f, i) => ({
      id: f.id,
      tone: f.tone,
      step: 'behaviour' as const,
      path: [...at, 'behaviour', i, 'id'],
    }));
    if (own.length > 0) {
      unique([...scenarioPieces.filter((p) => p.step !== 'behaviour'), ...own], 'I-message piece');
    }
    const pieces =
      own.length > 0 ? [...scenarioPieces.filter((p) => p.step !== 'behaviour'), ...own] : scenarioPieces;
    const noCalm = STEPS.slice(0, 4).filter(
      (step) => !pieces.some((p) => p.step === step && p.tone === 'calm'),
    );
    if (noCalm.length > 0) {
      report(
        'KC039',
        locate(at, 'key'),
        `no clean I-message can be built at '${nodeId}': no calm piece for ${noCalm.join(', ')}`,
        'give every step at least one piece without "tone: harsh"',
      );
    }
  }
  if (parts && !offered) {
    report(
      'KC038',
      locate(['i_message'], 'key'),
      'the scenario has I-message pieces but no node offers the builder',
      'add "i_message: { next: … }" to the node where the customer crosses a line',
    );
  }
  return ok;
}

function checkGraph(scenario: Scenario, locate: Locator, report: Report): void {
  const reachable = reachableFrom(scenario, scenario.start);
  const nodeIds = Object.keys(scenario.nodes);
  for (const id of nodeIds) {
    if (!reachable.has(id)) {
      report(
        'KC030',
        locate(['nodes', id], 'key'),
        `node '${id}' can never be reached from '${scenario.start}'`,
        'point a response\'s "next:" at it, or remove it',
      );
    }
  }
  for (const id of Object.keys(scenario.endings)) {
    if (!reachable.has(id) && id !== scenario.at_max_anger) {
      report(
        'KC035',
        locate(['endings', id], 'key'),
        `ending '${id}' can never be reached`,
        'point a response\'s "next:" at it, or remove it',
      );
    }
  }

  const endings = new Set(Object.keys(scenario.endings));
  const reaching = nodesReaching(scenario, endings);
  const stuck = nodeIds.filter((id) => !reaching.has(id));
  const inLoop = new Set<string>();
  for (const group of loopsAmong(scenario, stuck)) {
    const first = group[0];
    if (first === undefined) continue;
    const firstNode = own(scenario.nodes, first);
    const closed = group.length > 1 || (firstNode ? nodeTargets(firstNode) : []).includes(first);
    if (!closed) continue;
    group.forEach((id) => inLoop.add(id));
    report(
      'KC032',
      locate(['nodes', first], 'key'),
      `the nodes ${group.map((id) => `'${id}'`).join(', ')} loop with no way out`,
      'give one of their responses a "next:" that leads towards an ending',
    );
  }
  for (const id of stuck) {
    if (!inLoop.has(id)) {
      report(
        'KC031',
        locate(['nodes', id], 'key'),
        `no ending can be reached from node '${id}'`,
        'every node needs a route to an ending; its responses only lead into a closed loop',
      );
    }
  }

  const won = new Set(
    Object.entries(scenario.endings)
      .filter(([, e]) => e.kind === 'resolved' || (e.kind === 'handed-off' && e.good))
      .map(([id]) => id),
  );
  if (!nodesReaching(scenario, won).has(scenario.start)) {
    report(
      'KC034',
      locate(['endings'], 'key'),
      'no path from the start reaches a resolved ending (or a hand-off marked good)',
      'a trainee must be able to win: add an ending of kind resolved and a route to it',
    );
  }
}
