/** The room's boards and profile, one result at a time. */
import { describe, expect, it } from 'vitest';
import type { LetterTally, RoomInfo } from '../../src/api/api.js';
import { RoomBoard, ordinal } from '../../src/api/board.js';
import { cleanNickname } from '../../src/api/nickname.js';
import { toCsv } from '../../src/server/csv.js';

const ROOM: RoomInfo = {
  code: 'K7PX3M',
  name: 'Test',
  status: 'open',
  scenarios: [
    { id: 'a', title: 'A', version: 1 },
    { id: 'b', title: 'B', version: 1 },
  ],
  answers: 'pick',
};

const tally = (s: [number, number], o: [number, number]): LetterTally => ({
  S: s,
  O: o,
  A: [0, 0],
  R: [1, 1],
  I: [0, 0],
  N: [0, 0],
  G: [0, 0],
});

describe('RoomBoard', () => {
  it('counts each player’s best per scenario, sums them overall and breaks ties by the earlier finish', () => {
    const board = new RoomBoard(ROOM);
    board.addPlayer('p1', 'Ana');
    board.addPlayer('p2', 'Ben');
    board.add({
      run: 'r1',
      player: 'p1',
      scenario: 'a',
      total: 700,
      finishedAt: 100,
      letters: tally([1, 2], [0, 1]),
    });
    board.add({
      run: 'r2',
      player: 'p2',
      scenario: 'a',
      total: 700,
      finishedAt: 50,
      letters: tally([2, 2], [1, 1]),
    });
    let snap = board.snapshot();
    expect(snap.byScenario.a?.map((e) => e.nickname)).toEqual(['Ben', 'Ana']);
    // A worse second run changes nothing; an equal later one keeps the earlier time.
    board.add({
      run: 'r3',
      player: 'p2',
      scenario: 'a',
      total: 500,
      finishedAt: 200,
      letters: tally([0, 2], [0, 1]),
    });
    board.add({
      run: 'r4',
      player: 'p2',
      scenario: 'a',
      total: 700,
      finishedAt: 300,
      letters: tally([0, 2], [0, 1]),
    });
    snap = board.snapshot();
    expect(snap.byScenario.a?.[0]).toMatchObject({ nickname: 'Ben', total: 700, finishedAt: 50 });
    // Overall: Ana plays B too; her total is the sum, reached when her last best finished.
    board.add({
      run: 'r5',
      player: 'p1',
      scenario: 'b',
      total: 400,
      finishedAt: 400,
      letters: tally([1, 1], [0, 1]),
    });
    snap = board.snapshot();
    expect(snap.overall.map((e) => [e.nickname, e.total, e.finishedAt])).toEqual([
      ['Ana', 1100, 400],
      ['Ben', 700, 50],
    ]);
    expect(board.rankOf('p2', 'a')).toEqual({ scenario: 1, overall: 2 });
    expect(board.rankOf('p1', 'b')).toEqual({ scenario: 1, overall: 1 });
    expect(board.rankOf('p2', 'b')).toEqual({ scenario: null, overall: 2 });
    // The profile adds every run: O was hit 1 time in 5, the weakest letter.
    expect(snap.profile.find((p) => p.letter === 'O')).toMatchObject({ hits: 1, opportunities: 5 });
    expect(snap.weakest).toBe('O');
    expect(snap.profile.find((p) => p.letter === 'A')?.ratio).toBeNull();
    expect(snap.results).toBe(5);
  });

  it('drops a removed player from every board and the profile', () => {
    const board = new RoomBoard(ROOM);
    board.addPlayer('p1', 'Ana');
    board.addPlayer('p2', 'Troll');
    board.add({
      run: 'r6',
      player: 'p2',
      scenario: 'a',
      total: 999,
      finishedAt: 1,
      letters: tally([0, 5], [0, 5]),
    });
    board.add({
      run: 'r7',
      player: 'p1',
      scenario: 'a',
      total: 600,
      finishedAt: 2,
      letters: tally([1, 1], [1, 1]),
    });
    const before = board.revision;
    board.removePlayer('p2');
    const snap = board.snapshot();
    expect(snap.revision).toBeGreaterThan(before);
    expect(snap.overall.map((e) => e.nickname)).toEqual(['Ana']);
    expect(snap.profile.find((p) => p.letter === 'S')).toMatchObject({ hits: 1, opportunities: 1 });
    expect(snap.players).toBe(1);
    // Results for someone no longer in the room are ignored.
    board.add({
      run: 'r8',
      player: 'p2',
      scenario: 'b',
      total: 999,
      finishedAt: 3,
      letters: tally([0, 1], [0, 1]),
    });
    expect(board.snapshot().results).toBe(1);
  });

  it('counts a run once, even when the same result reaches the board twice', () => {
    const board = new RoomBoard(ROOM);
    board.addPlayer('p1', 'Ana');
    const result = {
      run: 'r1',
      player: 'p1',
      scenario: 'a',
      total: 700,
      finishedAt: 1,
      letters: tally([1, 2], [0, 1]),
    };
    board.add(result);
    const revision = board.revision;
    board.add(result);
    const snap = board.snapshot();
    expect(snap.results).toBe(1);
    expect(snap.revision).toBe(revision);
    expect(snap.profile.find((p) => p.letter === 'S')).toMatchObject({ hits: 1, opportunities: 2 });
    // A different run with the same figures is a second result.
    board.add({ ...result, run: 'r2' });
    expect(board.snapshot().results).toBe(2);
  });

  it('shows the first places only, and no weakest letter before any result', () => {
    const board = new RoomBoard(ROOM);
    expect(board.snapshot().weakest).toBeNull();
    for (let i = 0; i < 40; i++) {
      board.addPlayer(`p${i}`, `Player ${i}`);
      board.add({
        run: `r${i}`,
        player: `p${i}`,
        scenario: 'a',
        total: i * 10,
        finishedAt: i,
        letters: tally([0, 1], [1, 1]),
      });
    }
    const snap = board.snapshot(10);
    expect(snap.overall).toHaveLength(10);
    expect(snap.overall[0]).toMatchObject({ nickname: 'Player 39', rank: 1 });
    expect(board.rankOf('p0', 'a')).toEqual({ scenario: 40, overall: 40 });
  });
});

describe('cleanNickname', () => {
  it('keeps ordinary names from many scripts and counts length in characters people see', () => {
    for (const name of ['Zoë', 'José María', '王小明', 'Łukasz', 'Nguyễn Văn A', 'محمد', '👩🏽‍💻 Dev']) {
      expect(cleanNickname(name)).toMatchObject({ ok: true, nickname: name.normalize('NFKC') });
    }
    // A family emoji is several code points but one character: the cap never cuts one in half.
    const family = '👨‍👩‍👧';
    const capped = cleanNickname(`A${family.repeat(30)}`);
    expect(capped.ok && capped.nickname).toBe(`A${family.repeat(23)}`);
    // Pictures alone are not a name people can tell apart or read out.
    expect(cleanNickname(family).ok).toBe(false);
    expect(cleanNickname('Ana').ok && cleanNickname('ana').ok && cleanNickname('ANA')).toMatchObject({
      key: 'ana',
    });
    // Letters whose capitals are longer meet their capitals: ß and SS, ﬁ and FI.
    const keys = ['Straße', 'STRASSE', 'strasse', 'ﬁnn', 'FINN'].map((n) => {
      const c = cleanNickname(n);
      return c.ok ? c.key : null;
    });
    expect(keys).toEqual(['strasse', 'strasse', 'strasse', 'finn', 'finn']);
    // Letters of other scripts drawn like Latin ones meet them, in either case; names written in
    // another script keep their own letters.
    const key = (n: string) => {
      const c = cleanNickname(n);
      return c.ok ? c.key : null;
    };
    expect(key('\u0410na')).toBe('ana'); // Cyrillic А
    expect(key('\u0410\u041D\u0410')).toBe(key('ANA'.replace('N', 'H'))); // АНА reads as AHA
    expect(key('Zo\u0451')).toBe(key('Zoë')); // Cyrillic ё after a Latin Zo
    expect(key('\u039D\u0399\u039A\u039F\u03A3')).toBe(key('\u03BD\u03B9\u03BA\u03BF\u03C2')); // ΝΙΚΟΣ, νικος
    expect(key('Наташа')).not.toBe(key('Natasha'));
    expect(key('王小明')).toBe('王小明');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['=1+1', 'say "hi", ok'],
        ['-2', null],
        [3, '@x'],
      ],
    );
    expect(csv).toBe(`a,b\r\n'=1+1,"say ""hi"", ok"\r\n'-2,\r\n3,'@x\r\n`);
  });
});

describe('ordinal', () => {
  it('names places as people say them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
    expect(ordinal(null)).toBe('–');
  });
});
