/** Teams on the room's board, and every player's own place beyond the stream's cap. */
import { describe, expect, it } from 'vitest';
import type { LetterTally, RoomInfo } from '../../src/api/api.js';
import { RoomBoard } from '../../src/api/board.js';

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

const NONE: LetterTally = { S: [0, 0], O: [0, 0], A: [0, 0], R: [0, 0], I: [0, 0], N: [0, 0], G: [0, 0] };

let runs = 0;
/** A result of `total` on call `scenario`, finished at `at`. */
function play(board: RoomBoard, player: string, scenario: string, total: number, at: number): void {
  board.add({ run: `run-${++runs}`, player, scenario, total, finishedAt: at, letters: NONE });
}

const TEAMS = [
  { id: 'team-red', name: 'Red' },
  { id: 'team-blue', name: 'Blue' },
  { id: 'team-gold', name: 'Gold' },
];

describe('the team board', () => {
  it('scores a team by the mean of the members who have finished a call, and shows how many counted', () => {
    const board = new RoomBoard(ROOM);
    board.setTeams(TEAMS);
    board.addPlayer('p1', 'Ana', 'team-red');
    board.addPlayer('p2', 'Ben', 'team-red');
    board.addPlayer('p3', 'Cy', 'team-red');
    board.addPlayer('p4', 'Dee', 'team-blue');
    // Before anyone plays, every team is listed in the facilitator's order, without a place.
    expect(board.snapshot().teams).toEqual([
      { rank: null, team: 'team-red', name: 'Red', total: null, members: 3, counted: 0, finishedAt: null },
      { rank: null, team: 'team-blue', name: 'Blue', total: null, members: 1, counted: 0, finishedAt: null },
      { rank: null, team: 'team-gold', name: 'Gold', total: null, members: 0, counted: 0, finishedAt: null },
    ]);
    // Ana's overall is the sum of her bests (600 + 300); Ben has one call; Cy has not played.
    play(board, 'p1', 'a', 600, 10);
    play(board, 'p1', 'b', 300, 20);
    play(board, 'p2', 'a', 700, 30);
    play(board, 'p2', 'a', 500, 40); // a worse run changes nothing
    play(board, 'p4', 'a', 801, 50);
    const teams = board.snapshot().teams;
    // Red's mean is (900 + 700) / 2 = 800: Cy, who has not played, does not pull it down.
    expect(teams.map((t) => [t.rank, t.name, t.total, t.counted, t.members, t.finishedAt])).toEqual([
      [1, 'Blue', 801, 1, 1, 50],
      [2, 'Red', 800, 2, 3, 30],
      [null, 'Gold', null, 0, 0, null],
    ]);
    // Cy's first call counts for the team from then on.
    play(board, 'p3', 'a', 100, 60);
    expect(board.snapshot().teams[0]).toMatchObject({ name: 'Blue', total: 801 });
    expect(board.snapshot().teams[1]).toMatchObject({ name: 'Red', total: 567, counted: 3, finishedAt: 60 });
  });

  it('drops a removed member from their team, and follows a member who changes team', () => {
    const board = new RoomBoard(ROOM);
    board.setTeams(TEAMS);
    board.addPlayer('p1', 'Ana', 'team-red');
    board.addPlayer('p2', 'Ben', 'team-red');
    play(board, 'p1', 'a', 900, 10);
    play(board, 'p2', 'a', 100, 20);
    expect(board.snapshot().teams[0]).toMatchObject({ name: 'Red', total: 500, members: 2 });
    board.removePlayer('p2');
    expect(board.snapshot().teams[0]).toMatchObject({ name: 'Red', total: 900, members: 1, counted: 1 });
    const revision = board.revision;
    // The same operation twice (an event from another server, say) changes nothing the second time.
    board.setTeam('p1', 'team-gold');
    board.setTeam('p1', 'team-gold');
    board.setTeams(TEAMS);
    expect(board.revision).toBe(revision + 1);
    expect(board.snapshot().teams.map((t) => [t.name, t.members])).toEqual([
      ['Gold', 1],
      ['Red', 0],
      ['Blue', 0],
    ]);
    // A team taken out of the list takes its members off the team board (not off the others).
    board.setTeams(TEAMS.slice(0, 2));
    expect(board.snapshot().teams.map((t) => t.name)).toEqual(['Red', 'Blue']);
    expect(board.snapshot().overall.map((e) => e.nickname)).toEqual(['Ana']);
    // Teams off: no team board.
    board.setTeams([]);
    expect(board.snapshot().teams).toEqual([]);
  });

  it('breaks ties by the exact mean, then more members counted, then the earlier finish, then the list order', () => {
    const board = new RoomBoard(ROOM);
    const teams = [
      { id: 'team-one', name: 'One' },
      { id: 'team-two', name: 'Two' },
      { id: 'team-three', name: 'Three' },
      { id: 'team-four', name: 'Four' },
    ];
    board.setTeams(teams);
    // One: 500 by one member at 10. Two: (400 + 600) / 2 = 500 at 30, two members counted.
    board.addPlayer('a1', 'A1', 'team-one');
    play(board, 'a1', 'a', 500, 10);
    board.addPlayer('b1', 'B1', 'team-two');
    board.addPlayer('b2', 'B2', 'team-two');
    play(board, 'b1', 'a', 400, 20);
    play(board, 'b2', 'a', 600, 30);
    // Three: 500 by one member at 5, earlier than One. Four: 500 at 10, like One: the list decides.
    board.addPlayer('c1', 'C1', 'team-three');
    play(board, 'c1', 'a', 500, 5);
    board.addPlayer('d1', 'D1', 'team-four');
    play(board, 'd1', 'a', 500, 10);
    expect(board.snapshot().teams.map((t) => [t.rank, t.name])).toEqual([
      [1, 'Two'],
      [2, 'Three'],
      [3, 'One'],
      [4, 'Four'],
    ]);
    // Means that round to the same number are still ranked by their exact value: 667 vs 667.
    const close = new RoomBoard(ROOM);
    close.setTeams(teams.slice(0, 2));
    close.addPlayer('x1', 'X1', 'team-one');
    close.addPlayer('x2', 'X2', 'team-one');
    close.addPlayer('x3', 'X3', 'team-one');
    play(close, 'x1', 'a', 667, 1);
    play(close, 'x2', 'a', 667, 1);
    play(close, 'x3', 'a', 666, 1); // mean 666.67
    close.addPlayer('y1', 'Y1', 'team-two');
    play(close, 'y1', 'a', 667, 50); // mean 667, later
    expect(close.snapshot().teams.map((t) => [t.name, t.total])).toEqual([
      ['Two', 667],
      ['One', 667],
    ]);
  });

  it('takes ids and names like constructor and __proto__ as any other', () => {
    const board = new RoomBoard(ROOM);
    board.setTeams([
      { id: 'constructor', name: '__proto__' },
      { id: '__proto__', name: 'constructor' },
      { id: 'toString', name: 'hasOwnProperty' },
    ]);
    board.addPlayer('__proto__', 'constructor', '__proto__');
    board.addPlayer('constructor', '__proto__', 'constructor');
    board.addPlayer('valueOf', 'valueOf', 'toString');
    play(board, '__proto__', 'a', 300, 1);
    play(board, 'constructor', 'a', 400, 2);
    expect(board.snapshot().teams.map((t) => [t.team, t.name, t.total, t.members])).toEqual([
      ['constructor', '__proto__', 400, 1],
      ['__proto__', 'constructor', 300, 1],
      ['toString', 'hasOwnProperty', null, 1],
    ]);
    expect(board.placeOf('__proto__')).toMatchObject({ overall: { rank: 2, total: 300 }, team: '__proto__' });
    expect(board.placeOf('valueOf')).toMatchObject({ overall: null, team: 'toString' });
    expect(board.placeOf('hasOwnProperty')).toBeNull();
  });
});

describe('places beyond the cap', () => {
  it('counts every entry of each board, and gives any player their own places', () => {
    const board = new RoomBoard(ROOM);
    for (let i = 0; i < 40; i++) {
      board.addPlayer(`p${i}`, `Player ${i}`);
      play(board, `p${i}`, 'a', i * 10, 1000 + i);
    }
    board.addPlayer('late', 'Late');
    const snap = board.snapshot(25);
    expect(snap.overall).toHaveLength(25);
    expect(snap.onBoard).toEqual({ overall: 40, byScenario: { a: 40, b: 0 } });
    // Player 0 is last, far outside the cap, and still told where they stand.
    expect(board.placeOf('p0')).toEqual({
      revision: board.revision,
      player: 'p0',
      overall: { rank: 40, total: 0 },
      byScenario: { a: { rank: 40, total: 0 } },
      team: null,
    });
    expect(board.placeOf('late')).toMatchObject({ overall: null, byScenario: {} });
    // The places follow the board.
    play(board, 'p0', 'b', 1000, 2000);
    expect(board.placeOf('p0')?.overall).toEqual({ rank: 1, total: 1000 });
  });

  it('keeps the streamed board small for 300 players in teams on four calls', () => {
    const room: RoomInfo = {
      ...ROOM,
      scenarios: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase(), version: 1 })),
    };
    const board = new RoomBoard(room);
    const teams = Array.from({ length: 12 }, (_, i) => ({ id: `team-${i}`, name: `Team number ${i}` }));
    board.setTeams(teams);
    for (let i = 0; i < 300; i++) {
      board.addPlayer(
        `player-${String(i).padStart(6, '0')}`,
        `Nickname of ${i}`.padEnd(24, '.'),
        `team-${i % 12}`,
      );
      for (const s of room.scenarios)
        play(board, `player-${String(i).padStart(6, '0')}`, s.id, (i * 7) % 1000, 1_764_000_000_000 + i);
    }
    const bytes = JSON.stringify(board.snapshot(25)).length;
    // Each change re-sends it to every screen: about 16 KB, where every place would be about 170 KB.
    expect(bytes).toBeLessThan(20_000);
    expect(JSON.stringify(board.snapshot(Number.POSITIVE_INFINITY)).length).toBeGreaterThan(bytes * 5);
  });
});
