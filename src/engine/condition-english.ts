/**
 * The words conditions and routes are said in, by key (condition-text.ts): English here, for the CLI and the diagram
 * export; the page gives its catalogue's (src/screens/author/condition-words.ts). `{name}` is filled.
 */
export const CONDITION_ENGLISH = {
  anger: 'anger',
  trust: 'trust',
  flagSet: 'flag {flag} set',
  flagNotSet: 'flag {flag} not set',
  and: 'and',
  or: 'or',
  otherwise: 'otherwise',
  maxAnger: "anger reached {max} → '{to}', the ending for anger at the top, whatever the answer's next",
  direct: "straight on → '{to}', the answer's only way on",
  branch: "{condition} → '{to}' (branch {n} of {count})",
  otherwiseBranch: "{skipped} → '{to}', otherwise (branch {n} of {count})",
  noCondition: 'no condition',
  timeOut: "A time-out at '{node}': the call stays there.",
  silenceEnded: "Silence at '{node}': anger reached {max} → '{ending}'.",
  silence: "Silence at '{node}': anger rose to {anger}; the customer says it again.",
  iMessage: 'the I-message',
  answer: "'{response}'",
  after: "After {said} at '{node}': {route}.",
} as const;

export type ConditionWord = keyof typeof CONDITION_ENGLISH;
