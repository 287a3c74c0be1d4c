/**
 * Author mode's playtest: from the start, or from any moment with the numbers the trainer sets
 * (anger, trust, composure, flags, the scenario's variables) or those of the best path to there.
 * A run from anywhere but the plain start is practice: kept nowhere, and not scored as a call.
 */
import type { Call, Scenario, StartAt } from '../../engine/index.js';
import { hasOwn, own, stateAt } from '../../engine/index.js';
import { arriveAt } from '../../engine/arrive.js';
import type { KeyValueStorage } from '../../device/store.js';
import { el } from '../kit/dom.js';
import { enterScreen, leaveScreen, type ScreenLife } from '../kit/screen.js';
import { mountTextCall, type ViewListener } from '../call/text-call.js';
import { livePanel } from './live-panel.js';
import { t } from '../i18n/index.js';
import { endingName } from '../i18n/names.js';

/** Progress kept only for the playtest, in memory: a trainer's tests never land in a trainee's history. */
function scratchStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => data.set(k, v),
    removeItem: (k) => data.delete(k),
  };
}

/** Every flag the scenario sets or tests, sorted. */
export function flagsOf(scenario: Scenario): string[] {
  const flags = new Set<string>();
  const tested = (next: Scenario['nodes'][string]['responses'][number]['next']) => {
    if (typeof next === 'string') return;
    for (const b of next) for (const f of [b.when?.flag, b.when?.not_flag]) if (f) flags.add(f);
  };
  for (const node of Object.values(scenario.nodes)) {
    for (const r of node.responses) {
      for (const f of r.sets) flags.add(f);
      tested(r.next);
    }
    if (node.i_message) tested(node.i_message.next);
  }
  return [...flags].sort();
}

/** The scenario's number variables and their starting values. */
function variablesOf(scenario: Scenario): [string, number][] {
  return Object.entries(scenario.variables);
}

export interface Playtest {
  element: HTMLElement;
  /** Chooses the moment (the graph's click), fills the numbers of the best path there, and starts. */
  startFrom: (node: string) => void;
}

function numberField(id: string, label: string, value: number, max = 100) {
  const input = el('input', {
    type: 'number',
    id,
    min: '0',
    max: String(max),
    step: '1',
    value: String(value),
  });
  input.inputMode = 'numeric';
  return { input, label: el('label', { htmlFor: id }, label), read: () => Number(input.value) };
}

/** The playtest card: the moment and state to start from, the live panel, and the call itself. */
export function playtestCard(scenario: Scenario, onView: ViewListener, life: ScreenLife): Playtest {
  const { customer } = scenario;
  const from = el(
    'select',
    { id: 'playtest-from' },
    ...Object.keys(scenario.nodes).map((id) =>
      el(
        'option',
        { value: id, selected: id === scenario.start },
        id === scenario.start ? t('author.play.startOption', { id }) : id,
      ),
    ),
  );
  const anger = numberField('start-anger', t('meter.anger'), customer.anger);
  const trust = numberField('start-trust', t('meter.trust'), customer.trust);
  const composure = numberField('start-composure', t('meter.composure'), 100);
  const flagBoxes = flagsOf(scenario).map((flag) => {
    const box = el('input', { type: 'checkbox', value: flag, id: `start-flag-${flag}` });
    return { flag, box, label: el('label', { className: 'check' }, box, ` ${flag}`) };
  });
  const vars = variablesOf(scenario).map(([name, value]) => ({
    name,
    field: numberField(`start-var-${name}`, name, value, 1_000_000),
  }));
  const arrived = el('p', { className: 'arrived', role: 'status' });
  const fill = (at: Omit<StartAt, 'node'> & { flags?: readonly string[] }) => {
    anger.input.value = String(at.anger);
    trust.input.value = String(at.trust);
    composure.input.value = String(at.composure ?? 100);
    for (const f of flagBoxes) f.box.checked = at.flags?.includes(f.flag) ?? false;
    for (const v of vars)
      v.field.input.value = String(own(at.vars ?? {}, v.name) ?? own(scenario.variables, v.name) ?? 0);
  };
  /** The numbers of the best path to the chosen moment, said in words. */
  const arrive = () => {
    const node = from.value;
    const a = arriveAt(scenario, node);
    if (!a) {
      arrived.textContent = t('author.play.noPath', { node });
      return;
    }
    fill(a);
    const way = a.steps
      .map((s) => (s.answer === '#i-message' ? t('author.route.iMessage') : s.answer))
      .join(' → ');
    arrived.textContent =
      a.via === 'start'
        ? t('author.play.isStart', { node })
        : t(a.via === 'method' ? 'author.play.asMethod' : 'author.play.asBest', { way });
  };
  from.addEventListener('change', arrive);
  // Numbers changed by hand are no longer the path's: the note says so.
  const byHand = () => {
    arrived.textContent = t('author.play.byHand');
  };
  for (const input of [
    anger.input,
    trust.input,
    composure.input,
    ...flagBoxes.map((f) => f.box),
    ...vars.map((v) => v.field.input),
  ])
    input.addEventListener('input', byHand);
  const arriveButton = el('button', { type: 'button', className: 'secondary' }, t('author.play.arrive'));
  arriveButton.addEventListener('click', arrive);

  const panel = livePanel(scenario);
  const practiceNote = el('p', { className: 'practice-note', role: 'status' });
  // The playtest is a call in its own element: it ends when another starts, or the result goes.
  const stage = el('div', { className: 'playtest' });
  life.onLeave(() => {
    leaveScreen(stage);
  });
  const start = () => {
    leaveScreen(stage);
    const node = from.value;
    const at = {
      node,
      anger: anger.read(),
      trust: trust.read(),
      composure: composure.read(),
      flags: flagBoxes.filter((f) => f.box.checked).map((f) => f.flag),
      vars: Object.fromEntries(vars.map((v) => [v.name, v.field.read()])),
    };
    const startVars = new Map(variablesOf(scenario));
    const plain =
      node === scenario.start &&
      at.anger === customer.anger &&
      at.trust === customer.trust &&
      at.composure === 100 &&
      at.flags.length === 0 &&
      vars.every((v) => v.field.read() === startVars.get(v.name));
    panel.reset();
    const inspect = (call: Call) => {
      panel.show(call);
    };
    if (plain) {
      practiceNote.textContent = t('author.play.fromStart');
      mountTextCall(stage, scenario, { onView, storage: scratchStorage(), inspect });
      return;
    }
    // Numbers outside 0–100 are kept within it, as the call itself would.
    const state = stateAt(scenario, at);
    const numbers = { node, anger: state.anger, trust: state.trust, composure: at.composure };
    const note = at.flags.length
      ? t('author.play.practiceFlags', { ...numbers, flags: at.flags.join(', ') })
      : t('author.play.practice', numbers);
    practiceNote.textContent = note;
    // The scenario as if it began here, so the score's timeline starts with these numbers.
    const tested: Scenario = {
      ...scenario,
      start: node,
      customer: { ...customer, anger: state.anger, trust: state.trust },
    };
    mountTextCall(stage, tested, {
      onView,
      storage: scratchStorage(),
      inspect,
      practice: {
        from: state,
        note,
        ended: (result) => {
          const done = enterScreen(stage);
          const again = el(
            'button',
            { type: 'button', className: 'primary' },
            t('author.play.again', { node }),
          );
          again.addEventListener('click', start, { signal: done.signal });
          stage.replaceChildren(
            el(
              'section',
              { className: 'practice-end', role: 'status' },
              el('h3', {}, t('author.play.over')),
              el(
                'p',
                {},
                t('author.play.ended', {
                  ending: result.ending?.id ?? '',
                  kind: result.ending
                    ? endingName(result.ending.kind, scenario.setting)
                    : t('author.play.noEnding'),
                  total: result.total,
                }),
              ),
              again,
            ),
          );
        },
      },
    });
  };
  const startButton = el('button', { type: 'button', className: 'primary' }, t('author.play.start'));
  startButton.addEventListener('click', start);

  const element = el(
    'section',
    { className: 'card playtest-card' },
    el('h2', {}, t('author.play.title')),
    el(
      'div',
      { className: 'playtest-form' },
      el('label', { htmlFor: 'playtest-from' }, t('author.play.from')),
      from,
      el(
        'fieldset',
        { className: 'start-state' },
        el('legend', {}, t('author.play.state')),
        el(
          'div',
          { className: 'numbers' },
          anger.label,
          anger.input,
          trust.label,
          trust.input,
          composure.label,
          composure.input,
        ),
        flagBoxes.length
          ? el(
              'fieldset',
              { className: 'flags' },
              el('legend', {}, t('author.play.flags')),
              ...flagBoxes.map((f) => f.label),
            )
          : '',
        vars.length
          ? el('div', { className: 'numbers vars' }, ...vars.flatMap((v) => [v.field.label, v.field.input]))
          : '',
      ),
      el('div', { className: 'actions' }, arriveButton, startButton),
      arrived,
    ),
    practiceNote,
    panel.element,
    stage,
  );
  return {
    element,
    startFrom: (node) => {
      if (!hasOwn(scenario.nodes, node)) return;
      from.value = node;
      arrive();
      start();
      // The briefing is where the playtest goes on: its start button takes the focus from the graph.
      const go = [...stage.querySelectorAll('button')].find((b) => b.textContent === t('brief.start'));
      if (go) {
        go.scrollIntoView({ block: 'center' });
        go.focus({ preventScroll: true });
      } else element.scrollIntoView({ block: 'start' });
    },
  };
}
