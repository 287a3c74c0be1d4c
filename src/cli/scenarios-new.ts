/**
 * `npm run scenarios:new -- <id> [--dir scenarios]`: writes a small, valid, playable scenario to
 * start from — two moments, three endings, every field a trainer usually needs, with comments.
 * Never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadScenario } from '../engine/load.js';

export function scaffold(
  id: string,
  schema = './scenario.schema.json',
  file = `scenarios/${id}.yaml`,
): string {
  const title = id
    .split('-')
    .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
  return `# yaml-language-server: $schema=${schema}
# A new Keep Cool scenario. Check it with: npm run scenarios:check -- ${file}
# The format, field by field: docs/scenario-format.md
format: 3
id: ${id}
version: 1
title: ${title}
summary: >-
  Who the customer is, what went wrong, and what the trainee is there to do. Shown before the call.
setting: phone # phone, counter or chat
difficulty: easy # easy, medium or hard
minutes: 2
call_type: hostile # routine (an everyday call) or hostile
goals:
  - Let the customer finish before you answer
  - Name the feeling you hear before you fix the problem
customer:
  name: Jordan Reyes
  persona: >-
    A few words on who this customer is and why they are upset; it helps you write their lines.
  appearance: adult-30s # adult-30s, parent-40s, retiree-70s, man-30s, man-40s or man-70s
  anger: 50 # 0–100
  trust: 40 # 0–100
  patience: 10 # seconds of silence before they react
start: opening
at_max_anger: hangs-up
nodes:
  opening:
    says: I've been waiting two weeks for a call back, and nobody has rung me.
    silence: Hello? Are you still there?
    cue: # on the phone, how the voice sounds (tone); at a counter, what the body does (pose)
      tone: clipped
      text: Their voice is tight and clipped.
      matches: true
    calls_for: [R] # the SOARING moves that are right here
    # Keep the right answer from giving itself away: vary which answer is longest and which comes
    # first, and make the wrong ones tempting (see KC050 in docs/diagnostics.md).
    responses:
      - id: not-my-team
        says: That isn't my department, I'm afraid.
        breaks: [defensive]
        anger: 30
        trust: -15
        feedback: Passing the problem on sounds like an excuse; the customer hears that nobody owns it.
        next: facts
      - id: reflect
        says: Two weeks of waiting for a call that never came. That sounds really frustrating.
        uses: [R]
        anger: -20
        trust: 15
        feedback: Reflecting the feeling first shows you heard it, and makes the facts easier to take.
        next: facts
  facts:
    says:
      default: So what happens now?
      angry: So what are you actually going to do about it?
    cue:
      tone: steady
      text: They sound ready to listen.
      matches: true
    calls_for: [G]
    responses:
      - id: plan
        says: I've found your request. I'll call the team now and ring you back by four today.
        uses: [G]
        anger: -20
        trust: 20
        feedback: Facts, a plan and a time give the customer something solid to hold on to.
        next:
          - when: { anger_below: 40 }
            goto: sorted
          - goto: partly
      - id: wait-more
        says: >-
          These requests go into a queue and are dealt with in the order they arrive, and two weeks
          is within the normal time, so you'll just have to wait a little longer, I'm afraid.
        breaks: [authoritative, no-apology]
        anger: 35
        trust: -20
        feedback: A flat "wait" with no reason and no apology leaves the customer nothing but to complain.
        next: complains
endings:
  sorted:
    kind: resolved
    says: Thank you. That's all I wanted.
    gratitude: 3
    recommit: 3
    cost: 0
    narrative: The call back comes at four, as promised, and the customer stays.
  partly:
    kind: partly-resolved
    says: Fine. We'll see.
    gratitude: 1
    recommit: 2
    cost: 0
    narrative: The problem is solved, but the customer is still wary.
  complains:
    kind: escalated
    says: I'd like to make a formal complaint.
    gratitude: 0
    recommit: 1
    cost: 50
    narrative: A formal complaint takes a manager an hour to answer.
  hangs-up:
    kind: hung-up
    says: Forget it.
    gratitude: 0
    recommit: 0
    cost: 100
    narrative: The customer hangs up and cancels.
`;
}

function main(): void {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? (args[dirAt + 1] ?? '') : 'scenarios';
  const id = args.find((_, i) => dirAt < 0 || (i !== dirAt && i !== dirAt + 1));
  if (!id || !dir) {
    console.error(
      'usage: npm run scenarios:new -- <id> [--dir folder]   (id: lower-case words joined by hyphens)',
    );
    process.exit(2);
  }
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(id)) {
    console.error(`"${id}" is not a scenario id: use lower-case words joined by hyphens, like "late-refund"`);
    process.exit(2);
  }
  const file = join(dir, `${id}.yaml`);
  if (existsSync(file)) {
    console.error(`${file} already exists; choose another id (nothing was written)`);
    process.exit(1);
  }
  // The editor schema, referred to from wherever the new file lives.
  const ref = relative(dir, join('scenarios', 'scenario.schema.json'));
  const text = scaffold(id, ref.startsWith('.') ? ref : `./${ref}`, file);
  // The scaffold must always load: a trainer's first run should never start with an error.
  const loaded = loadScenario(text, file);
  if (!loaded.scenario)
    throw new Error(`the scaffold does not load: ${loaded.diagnostics[0]?.message ?? ''}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  console.log(`wrote ${file}\nnext: edit it, then npm run scenarios:check -- ${file}`);
}

if (process.argv[1]?.endsWith('scenarios-new.ts')) main();
