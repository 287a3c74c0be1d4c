/**
 * Checks for what format 3 lets a scenario say: conditions with `any`/`all`, number variables and
 * `{name}` in text, moments nobody answers, second speakers, good hand-offs, time-out moments and
 * cues that fit the channel. Each reports where the problem is and how to fix it.
 */
import { Candidates, didYouMean, type Report } from './diagnostics.js';
import type { Locator, PathSegment } from './locate.js';
import { hasOwn, own } from './own.js';
import type { Branch, ConditionShape, Scenario, ScenarioNode } from './schema.js';

/** Speakers every scenario has without declaring them. */
export const BUILT_IN_SPEAKERS = ['customer', 'narrator', 'hold'] as const;

/** The format that brought the fields this file checks. */
export const FORMAT_3 = 3;

/** A condition somewhere in the scenario, and its path in the file. */
interface Found {
  condition: ConditionShape;
  path: PathSegment[];
}

/** Every condition in the scenario, nested `any`/`all` ones included, with where each is. */
export function conditionsOf(scenario: Scenario): Found[] {
  const out: Found[] = [];
  const add = (condition: ConditionShape, path: PathSegment[]) => {
    out.push({ condition, path });
    condition.any?.forEach((c, i) => {
      add(c, [...path, 'any', i]);
    });
    condition.all?.forEach((c, i) => {
      add(c, [...path, 'all', i]);
    });
  };
  const branches = (next: string | Branch[] | undefined, path: PathSegment[]) => {
    if (next === undefined || typeof next === 'string') return;
    next.forEach((b, j) => {
      if (b.when) add(b.when, [...path, 'next', j, 'when']);
    });
  };
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const at = ['nodes', nodeId];
    node.variants.forEach((v, i) => {
      add(v.when, [...at, 'variants', i, 'when']);
    });
    branches(node.next, at);
    branches(node.i_message?.next, [...at, 'i_message']);
    node.responses.forEach((r, i) => {
      r.variants.forEach((v, k) => {
        add(v.when, [...at, 'responses', i, 'variants', k, 'when']);
      });
      branches(r.next, [...at, 'responses', i]);
    });
  }
  return out;
}

/**
 * Reports the format-3 problems of a scenario whose fields are well formed; false when its moments
 * are malformed (KC025, KC026), so the graph's checks would only repeat the problem.
 */
export function checkFormat3(scenario: Scenario, locate: Locator, report: Report): boolean {
  checkFormatVersion(scenario, locate, report);
  const momentsOk = checkMoments(scenario, locate, report);
  checkSpeakers(scenario, locate, report);
  checkConditions(scenario, locate, report);
  checkVariables(scenario, locate, report);
  checkEndingsAndCues(scenario, locate, report);
  return momentsOk;
}

/** KC005: a file that says format 1 or 2 may not use what format 3 brought. */
function checkFormatVersion(scenario: Scenario, locate: Locator, report: Report): void {
  if (scenario.format >= FORMAT_3) return;
  const uses: { what: string; path: PathSegment[] }[] = [];
  if (Object.keys(scenario.variables).length > 0) uses.push({ what: 'variables', path: ['variables'] });
  if (Object.keys(scenario.speakers).length > 0) uses.push({ what: 'speakers', path: ['speakers'] });
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const at = ['nodes', nodeId];
    if (node.speaker !== undefined) uses.push({ what: 'speaker', path: [...at, 'speaker'] });
    if (node.variants.length > 0) uses.push({ what: 'variants', path: [...at, 'variants'] });
    if (node.next !== undefined) uses.push({ what: 'a moment’s own next', path: [...at, 'next'] });
    if (node.time_out) uses.push({ what: 'time_out', path: [...at, 'time_out'] });
    if (node.shows !== undefined) uses.push({ what: 'shows', path: [...at, 'shows'] });
    if (node.cue?.tone !== undefined) uses.push({ what: 'cue.tone', path: [...at, 'cue', 'tone'] });
    node.responses.forEach((r, i) => {
      const rAt = [...at, 'responses', i];
      if (r.variants.length > 0) uses.push({ what: 'variants', path: [...rAt, 'variants'] });
      if (Object.keys(r.set).length > 0) uses.push({ what: 'set', path: [...rAt, 'set'] });
      if (Object.keys(r.add).length > 0) uses.push({ what: 'add', path: [...rAt, 'add'] });
    });
  }
  for (const { condition, path } of conditionsOf(scenario)) {
    if (condition.any || condition.all || condition.var !== undefined)
      uses.push({ what: 'any, all and var in conditions', path });
  }
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const lists = [node.i_message?.next, ...node.responses.map((r) => r.next)];
    const otherwise = lists.some((next) => typeof next !== 'string' && next?.some((b) => b.otherwise));
    if (otherwise) uses.push({ what: 'otherwise in branches', path: ['nodes', nodeId] });
  }
  for (const [id, ending] of Object.entries(scenario.endings)) {
    if (ending.kind === 'handed-off')
      uses.push({ what: 'the handed-off ending', path: ['endings', id, 'kind'] });
  }
  const first = uses[0];
  if (!first) return;
  report(
    'KC005',
    locate(first.path, 'key'),
    `${first.what} came in format 3, but this file says format ${scenario.format}${uses.length > 1 ? ` (and ${uses.length - 1} more format-3 field${uses.length > 2 ? 's' : ''})` : ''}`,
    'set "format: 3" at the top of the file',
  );
}

/** What a moment nobody answers cannot have: they are all about an answer. */
const ANSWER_FIELDS = [
  'calls_for',
  'bait',
  'misconduct',
  'rambling',
  'time_out',
  'silence',
  'i_message',
] as const;

function answerFieldsOf(node: ScenarioNode): string[] {
  return ANSWER_FIELDS.filter((f) => {
    const value = node[f];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false;
  });
}

/** KC025: a moment is answered (responses) or passed through (next), never both or neither. KC026: no loops of the latter. */
function checkMoments(scenario: Scenario, locate: Locator, report: Report): boolean {
  let ok = true;
  const passing: string[] = [];
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const at = ['nodes', nodeId];
    const answered = node.responses.length > 0;
    if (answered && node.next !== undefined) {
      ok = false;
      report(
        'KC025',
        locate([...at, 'next'], 'key'),
        `node '${nodeId}' has responses and its own next`,
        'a moment the trainee answers goes where its responses lead: remove "next:", or remove the responses for a moment nobody answers',
      );
    } else if (!answered && node.next === undefined) {
      ok = false;
      report(
        'KC025',
        locate(at, 'key'),
        `node '${nodeId}' has no responses and no next`,
        'add "responses:" (two to four) for a moment the trainee answers, or "next:" for narration or a hold',
      );
    } else if (!answered) {
      passing.push(nodeId);
      for (const field of answerFieldsOf(node)) {
        report(
          'KC025',
          locate([...at, field], 'key'),
          `node '${nodeId}' is never answered, so "${field}" means nothing there`,
          'remove it, or move it to the moment the trainee answers next',
        );
      }
    }
  }
  // Moments nobody answers change no numbers, so a loop of them would never end.
  const passes = new Set(passing);
  const reported = new Set<string>();
  for (const from of passing) {
    const path: string[] = [];
    const onPath = new Set<string>();
    const walk = (id: string): string[] | null => {
      if (onPath.has(id)) return path.slice(path.indexOf(id));
      const next = own(scenario.nodes, id)?.next;
      if (!passes.has(id) || next === undefined) return null;
      path.push(id);
      onPath.add(id);
      for (const goto of typeof next === 'string' ? [next] : next.map((b) => b.goto)) {
        const loop = walk(goto);
        if (loop) return loop;
      }
      path.pop();
      onPath.delete(id);
      return null;
    };
    const loop = walk(from);
    if (!loop || loop.some((id) => reported.has(id))) continue;
    ok = false;
    loop.forEach((id) => reported.add(id));
    report(
      'KC026',
      locate(['nodes', loop[0] ?? from], 'key'),
      `the moments ${loop.map((id) => `'${id}'`).join(' → ')} are never answered and lead back to each other`,
      'nothing changes while nobody answers, so the call would go round for ever: lead one of them to a moment with responses',
    );
  }
  return ok;
}

/** KC027: a moment's speaker is the customer, the narrator, a hold, or one of `speakers`. */
function checkSpeakers(scenario: Scenario, locate: Locator, report: Report): void {
  for (const id of Object.keys(scenario.speakers)) {
    if ((BUILT_IN_SPEAKERS as readonly string[]).includes(id)) {
      report(
        'KC027',
        locate(['speakers', id], 'key'),
        `'${id}' is a speaker every scenario already has`,
        'give your speaker another id, like "supervisor"',
      );
    }
  }
  const known = [...BUILT_IN_SPEAKERS, ...Object.keys(scenario.speakers)];
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const speaker = node.speaker;
    if (speaker === undefined || known.includes(speaker)) continue;
    report(
      'KC027',
      locate(['nodes', nodeId, 'speaker']),
      `node '${nodeId}' is said by '${speaker}', who is not a speaker`,
      didYouMean(speaker, known, 'use customer, narrator, hold, or add them under "speakers:"'),
    );
  }
}

/** KC029: a condition's tests fit together; KC036: a flag a condition tests is set somewhere. */
function checkConditions(scenario: Scenario, locate: Locator, report: Report): void {
  const setFlags = new Set(Object.values(scenario.nodes).flatMap((n) => n.responses.flatMap((r) => r.sets)));
  for (const { condition, path } of conditionsOf(scenario)) {
    const tests = ['at_least', 'below', 'equals'] as const;
    const numberTests = tests.filter((t) => condition[t] !== undefined);
    if (condition.var === undefined && numberTests.length > 0) {
      report(
        'KC029',
        locate([...path, numberTests[0] ?? 'at_least'], 'key'),
        `"${numberTests[0] ?? ''}" needs the variable it tests`,
        'add "var: <name>" to the condition, or use anger_at_least, trust_below and the like for anger and trust',
      );
    } else if (condition.var !== undefined && numberTests.length === 0) {
      report(
        'KC029',
        locate([...path, 'var'], 'key'),
        `the condition names the variable '${condition.var}' but tests nothing about it`,
        'add at_least, below or equals',
      );
    }
    for (const key of ['flag', 'not_flag'] as const) {
      const flag = condition[key];
      if (flag === undefined || setFlags.has(flag) || hasOwn(scenario.variables, flag)) continue;
      report(
        'KC036',
        locate([...path, key]),
        `no response sets the flag '${flag}'`,
        didYouMean(flag, setFlags, 'add it to a response\'s "sets:" list'),
      );
    }
  }
  const branchLists = (node: ScenarioNode, at: PathSegment[]) => [
    { next: node.next, at },
    { next: node.i_message?.next, at: [...at, 'i_message'] },
    ...node.responses.map((r, i) => ({ next: r.next, at: [...at, 'responses', i] })),
  ];
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    for (const { next, at } of branchLists(node, ['nodes', nodeId])) {
      if (next === undefined || typeof next === 'string') continue;
      next.forEach((b, j) => {
        if (b.otherwise && b.when) {
          report(
            'KC029',
            locate([...at, 'next', j, 'otherwise'], 'key'),
            'a branch cannot have both "when:" and "otherwise:"',
            'otherwise is the branch taken when no "when:" holds: remove one of the two',
          );
        }
      });
    }
  }
}

/** `{name}` placeholders in a text. */
const PLACEHOLDERS = /\{([a-z][a-z0-9-]{0,63})\}/g;

/** Every text a trainee may see, with its path: lines, responses, feedback, endings. */
function textsOf(scenario: Scenario): { text: string; path: PathSegment[] }[] {
  const out: { text: string; path: PathSegment[] }[] = [];
  const says = (value: ScenarioNode['says'], path: PathSegment[]) => {
    if (typeof value === 'string') out.push({ text: value, path });
    else
      for (const [mood, text] of Object.entries(value)) if (text) out.push({ text, path: [...path, mood] });
  };
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const at = ['nodes', nodeId];
    says(node.says, [...at, 'says']);
    node.variants.forEach((v, i) => {
      says(v.says, [...at, 'variants', i, 'says']);
    });
    if (node.silence) out.push({ text: node.silence, path: [...at, 'silence'] });
    node.responses.forEach((r, i) => {
      const rAt = [...at, 'responses', i];
      out.push({ text: r.says, path: [...rAt, 'says'] }, { text: r.feedback, path: [...rAt, 'feedback'] });
      r.variants.forEach((v, k) => out.push({ text: v.says, path: [...rAt, 'variants', k, 'says'] }));
    });
  }
  for (const [id, ending] of Object.entries(scenario.endings)) {
    if (ending.says) out.push({ text: ending.says, path: ['endings', id, 'says'] });
    out.push({ text: ending.narrative, path: ['endings', id, 'narrative'] });
  }
  return out;
}

/** KC028: every variable named (in text, set, add or a condition) is declared, and is not a flag. */
function checkVariables(scenario: Scenario, locate: Locator, report: Report): void {
  const vars = new Candidates(Object.keys(scenario.variables));
  const flags = new Set(Object.values(scenario.nodes).flatMap((n) => n.responses.flatMap((r) => r.sets)));
  const unknown = (name: string, at: PathSegment[], where: string, key: 'key' | 'value' = 'value') => {
    if (hasOwn(scenario.variables, name)) return;
    report(
      'KC028',
      locate(at, key),
      flags.has(name)
        ? `${where} names '${name}', a flag (set by "sets:") and not a number variable`
        : `${where} names '${name}', which is not a variable`,
      flags.has(name)
        ? 'a flag is only on or off: test it with "flag:"; for a number, declare it under "variables:"'
        : didYouMean(name, vars, `declare it under "variables:" with its starting value, like "${name}: 0"`),
    );
  };
  for (const { text, path } of textsOf(scenario)) {
    for (const match of text.matchAll(PLACEHOLDERS))
      unknown(match[1] ?? '', path, `{${match[1] ?? ''}} in this text`);
  }
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    node.responses.forEach((r, i) => {
      for (const field of ['set', 'add'] as const) {
        for (const name of Object.keys(r[field]))
          unknown(name, ['nodes', nodeId, 'responses', i, field, name], `"${field}:"`, 'key');
      }
    });
  }
  for (const { condition, path } of conditionsOf(scenario)) {
    if (condition.var !== undefined) unknown(condition.var, [...path, 'var'], 'the condition');
  }
  for (const name of Object.keys(scenario.variables)) {
    if (!flags.has(name)) continue;
    report(
      'KC028',
      locate(['variables', name], 'key'),
      `'${name}' is both a number variable and a flag`,
      'rename one of them, so every condition and {name} means one thing',
    );
  }
}

/** KC044: `good` only on a hand-off. KC045: a time-out moment needs time-outs. KC046: cues fit the channel. */
function checkEndingsAndCues(scenario: Scenario, locate: Locator, report: Report): void {
  for (const [id, ending] of Object.entries(scenario.endings)) {
    if (ending.good && ending.kind !== 'handed-off') {
      report(
        'KC044',
        locate(['endings', id, 'good'], 'key'),
        `ending '${id}' is marked good, but only a handed-off ending can be`,
        `a ${ending.kind} ending scores as its kind says: remove "good:", or make it "kind: handed-off"`,
      );
    }
  }
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const at = ['nodes', nodeId];
    if (node.time_out && scenario.timeouts === 0) {
      report(
        'KC045',
        locate([...at, 'time_out'], 'key'),
        `node '${nodeId}' is the time for a time-out, but this call allows none`,
        'set "timeouts:" to 1 or more at the top of the file, or remove "time_out:"',
      );
    }
    const cue = node.cue;
    // Before format 3 a cue could only say a pose, and every channel drew one: nothing to fix there.
    if (!cue || scenario.format < FORMAT_3) continue;
    if (scenario.setting === 'counter' && cue.pose === undefined) {
      report(
        'KC046',
        locate([...at, 'cue'], 'key'),
        `the cue of node '${nodeId}' has no pose, but at a counter the customer is seen`,
        'add "pose:" (one of the poses in docs/scenario-format.md) so the picture shows what the text says',
      );
    } else if (scenario.setting !== 'counter' && cue.pose !== undefined) {
      report(
        'KC046',
        locate([...at, 'cue', 'pose'], 'key'),
        `the cue of node '${nodeId}' has a pose, but nobody sees the customer on a ${scenario.setting} call`,
        scenario.setting === 'phone'
          ? 'remove "pose:" and say how the voice sounds with "tone:"'
          : 'remove "pose:": in a chat the message itself carries the cue',
      );
    }
  }
}
