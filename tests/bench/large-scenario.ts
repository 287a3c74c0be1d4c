/** A generated scenario of `size` nodes for benchmarks: a long call where every answer goes on. */
export function largeScenarioYaml(size: number): string {
  const lines = [
    'format: 2',
    'id: generated-large',
    'version: 1',
    'title: A very long call',
    'summary: Generated for the benchmark.',
    'setting: phone',
    'difficulty: hard',
    'minutes: 60',
    'goals: [Stay with it]',
    'customer:',
    '  name: Generated Customer',
    '  persona: Patient, but only so far.',
    '  appearance: adult-30s',
    '  anger: 40',
    '  trust: 40',
    '  patience: 30',
    'start: n0',
    'at_max_anger: gone',
    'nodes:',
  ];
  for (let i = 0; i < size; i++) {
    const next = i + 1 < size ? `n${i + 1}` : 'done';
    lines.push(
      `  n${i}:`,
      `    says: Line ${i} of a long complaint, with a little more to say each time.`,
      '    calls_for: [R]',
      '    responses:',
      '      - id: reflect',
      `        says: Reflecting moment ${i}.`,
      '        uses: [R]',
      '        anger: -1',
      '        feedback: Reflecting keeps the customer with you.',
      `        next: ${next}`,
      '      - id: argue',
      `        says: Arguing at moment ${i}.`,
      '        breaks: [argue]',
      '        anger: 3',
      '        feedback: Arguing pushes the customer away.',
      `        next: ${next}`,
    );
  }
  lines.push(
    'endings:',
    '  done:',
    '    kind: resolved',
    '    gratitude: 3',
    '    recommit: 3',
    '    cost: 0',
    '    narrative: The long call ends well.',
    '  gone:',
    '    kind: hung-up',
    '    gratitude: 0',
    '    recommit: 0',
    '    cost: 100',
    '    narrative: The customer gives up.',
  );
  return `${lines.join('\n')}\n`;
}
