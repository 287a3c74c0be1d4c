/** Understanding a typed answer: words with their places, features, the integer model, the split. */
import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../src/engine/understand/features.js';
import { fnv1a } from '../../src/engine/understand/hash.js';
import { LABELS, type Label } from '../../src/engine/understand/labels.js';
import { loadModel, type ModelFile } from '../../src/engine/understand/model.js';
import { HELD_OUT_EVERY, isHeldOut } from '../../src/engine/understand/split.js';
import { contentWords, matchAnswer, offered, type Candidate } from '../../src/engine/understand/match.js';
import { tokenize } from '../../src/engine/understand/text.js';

describe('the words of an answer', () => {
  it('opens contractions and chat spellings, and keeps where each word stood', () => {
    const text = 'Im SO sorry u had to wait — thats not ok!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual([
      'i',
      'am',
      'so',
      'sorry',
      'you',
      'had',
      'to',
      'wait',
      'that',
      'is',
      'not',
      'okay',
      '!',
    ]);
    // Both halves of an opened word point at the word as typed.
    expect(tokens.slice(0, 2).map((t) => text.slice(t.start, t.end))).toEqual(['Im', 'Im']);
    expect(text.slice(tokens[4]?.start, tokens[4]?.end)).toBe('u');
  });

  it('reads typographic apostrophes as a keyboard’s', () => {
    expect(tokenize('I’m sorry').map((t) => t.norm)).toEqual(['i', 'am', 'sorry']);
  });
});

describe('features', () => {
  it('catches an apology that takes itself back, and points at its words', () => {
    const text = 'I apologise if anyone was confused.';
    const cue = featuresOf(text).find((f) => f.key === 'cue:hedged-apology');
    expect(cue && text.slice(cue.start, cue.end)).toBe('apologise if');
    expect(featuresOf('I am so sorry for the wait.').some((f) => f.key === 'cue:hedged-apology')).toBe(false);
  });

  it('hears where sentences start and end, the first words, and words after a negation, when asked', () => {
    const options = {
      pairs: false,
      prefixes: false,
      cues: false,
      triples: false,
      sentences: true,
      lead: true,
      negation: true,
      skips: true,
      marks: true,
    };
    const keys = featuresOf("Oh, lovely. That's not our fault, honestly? 'Great'!", options).map(
      (f) => f.key,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        's:oh',
        'k:oh',
        'e:lovely_.',
        'n:fault',
        'e:honestly_?',
        'f0:oh',
        'k2:that_not',
        'm:quote',
        'm:s3',
      ]),
    );
    // Negation stops at the clause: "honestly" comes after the comma.
    expect(keys).not.toContain('n:honestly');
    expect(featuresOf('Oh, lovely.').some((f) => f.key.startsWith('s:'))).toBe(false);
  });

  it('counts questions up to three', () => {
    const q = (text: string) => featuresOf(text).find((f) => f.key.startsWith('q:'))?.key;
    expect(q('When? Who? Why? How?')).toBe('q:3');
    expect(q('What happened next?')).toBe('q:1');
    expect(q('Tell me more.')).toBe('q:0');
  });
});

/** A model by hand: "sorry" is I, "wrong" is tell-wrong; each needs one word. */
function tiny(): ModelFile {
  const mask = 4095;
  const at = (key: string) => fnv1a(key) & mask;
  const entry = (label: Label, keys: string[], weight: number) => {
    const buckets = [...new Set(keys.map(at))].sort((a, b) => a - b);
    return {
      label,
      bias: -100,
      buckets: buckets.map((b, i) => b - (buckets[i - 1] ?? 0)),
      weights: buckets.map(() => weight),
    };
  };
  return {
    version: 'tiny-1',
    features: { pairs: false, prefixes: false, cues: false, triples: false },
    buckets: 4096,
    labels: [entry('tell-wrong', ['w:wrong'], 150), entry('I', ['w:sorry'], 150)],
  };
}

describe('the model', () => {
  it('adds whole-number weights: heard at zero or above, with the words that weighed', () => {
    const model = loadModel(tiny());
    const text = 'Sorry, but you are wrong.';
    const u = model.label(text);
    // The engine's order of labels: the moves before the don'ts, whatever the file's order.
    expect(u.labels).toEqual(['I', 'tell-wrong']);
    expect(u.modelVersion).toBe('tiny-1');
    const words = u.heard.map((h) => h.evidence.map((e) => text.slice(e.start, e.end)));
    expect(words).toEqual([['Sorry'], ['wrong']]);
    expect(model.label('Thank you for waiting.').labels).toEqual([]);
  });

  it('lets a second stage weigh the other labels: a sorry that comes with a verdict is not heard as I', () => {
    // Buckets of a first-stage score: below 0, and 0 or above; weights per label in the file's order.
    const stack = { edges: [0], labels: [{ label: 'I' as const, bias: 0, weights: [0, -100, 0, 0] }] };
    const model = loadModel({ ...tiny(), stack });
    expect(model.label('Sorry, but you are wrong.').labels).toEqual(['tell-wrong']);
    expect(model.label('Sorry, that took so long.').labels).toEqual(['I']);
    expect(loadModel(tiny()).label('Sorry, but you are wrong.').labels).toEqual(['I', 'tell-wrong']);
    expect(() =>
      loadModel({ ...tiny(), stack: { ...stack, labels: [{ label: 'I', bias: 0, weights: [1] }] } }),
    ).toThrow(/wrong number of weights/);
  });

  it('refuses a model file that is not one, saying what is wrong', () => {
    expect(() => loadModel({ ...tiny(), buckets: 12 })).toThrow(/power of two/);
    expect(() =>
      loadModel({ ...tiny(), labels: [{ label: 'constructor', bias: 0, buckets: [], weights: [] }] }),
    ).toThrow(/not a label/);
  });

  it('knows every label of the engine', () => {
    expect(LABELS).toHaveLength(7 + 4 + 1 + 12);
    expect(new Set(LABELS).size).toBe(LABELS.length);
  });
});

describe('the held-out split', () => {
  it('holds out about one answer in five, by the words alone', () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `answer number ${i} about the bill`);
    const share = texts.filter(isHeldOut).length / texts.length;
    expect(share).toBeGreaterThan(1 / HELD_OUT_EVERY - 0.03);
    expect(share).toBeLessThan(1 / HELD_OUT_EVERY + 0.03);
    // Case, spacing and apostrophes do not move an answer across the split.
    expect(isHeldOut("I'm sorry about the bill")).toBe(isHeldOut('im   SORRY about the bill'));
  });
});

describe('matching a typed answer to the authored responses', () => {
  const candidates: Candidate[] = [
    {
      id: 'receipts',
      says: "Let's go through the receipts together, one date at a time.",
      uses: ['G'],
      breaks: [],
    },
    {
      id: 'policy',
      says: 'The policy covers fifty percent. That is all there is to it.',
      uses: [],
      breaks: ['authoritative'],
      paraphrases: ['Rules are rules, half is what you get.'],
    },
  ];

  it('chooses the response whose words and moves it shares, clearly ahead', () => {
    const m = matchAnswer('Could we go through your receipts date by date?', ['G'], candidates);
    expect(m.chosen).toBe('receipts');
    expect(m.ranked.map((r) => r.id)).toEqual(['receipts', 'policy']);
  });

  it('matches on an author’s paraphrase as well as on the response itself', () => {
    const m = matchAnswer('rules are rules, you get half', ['authoritative'], candidates);
    expect(m.chosen).toBe('policy');
  });

  it('does not guess between close ones: the trainee chooses among those in reach', () => {
    const three: Candidate[] = [
      { id: 'check', says: 'Check the receipts.', uses: ['G'], breaks: [] },
      { id: 'refuse', says: 'Receipts are not covered.', uses: [], breaks: ['authoritative'] },
      { id: 'listen', says: 'Tell me what happened, I am listening.', uses: ['A'], breaks: [] },
    ];
    // Words shared alike with two responses, neither ahead; the third shares nothing, nor any move.
    const m = matchAnswer('the receipts', [], three);
    expect(m.chosen).toBeNull();
    expect(offered(m)).toEqual(['check', 'refuse']);
  });

  it('hears an answer like no response as the one that does least: no picking the best from a list', () => {
    // Nothing shared, nothing heard: the customer hears the response with the fewest moves.
    const m = matchAnswer('What a lovely day it is.', [], candidates);
    expect(m.chosen).toBe('policy');
    expect(offered(m)).toEqual([]);
    expect(m.ranked).toHaveLength(2);
  });

  it('ranks ties in the authored order, the same on every run', () => {
    const twins: Candidate[] = [
      { id: 'a', says: 'One moment please.', uses: [], breaks: [] },
      { id: 'b', says: 'One moment please.', uses: [], breaks: [] },
    ];
    const m = matchAnswer('one moment please', [], twins);
    expect(m.ranked.map((r) => r.id)).toEqual(['a', 'b']);
    // Two responses that cannot be told apart: never a confident choice.
    expect(m.chosen).toBeNull();
  });

  it('keeps the meaningful words by their first letters', () => {
    expect([...contentWords("I'm so sorry about the receipts")]).toEqual(['sorry', 'recei']);
  });
});
