/**
 * The workshop host's pages: rooms, the room, calls chosen, the projector and board, the player list, hand-over and take-over (src/screens/workshop/).
 * In English, the source of truth: en.ts spreads these keys into the one catalogue, and
 * es-host.ts gives the same keys in Spanish.
 */
export const host = {
  // The facilitator's rooms (host-rooms.ts)
  'host.rooms.new': 'New room',
  'host.rooms.title': 'Run a workshop',
  'host.rooms.about':
    'Create a room, put its code on the projector, and attendees join from their phones. Scores are computed by the server from what each attendee did, so nobody can fake one.',
  'host.rooms.yours': 'Your rooms',
  'host.rooms.typed': ' · typed answers',
  'host.rooms.defaultName': 'Keep Cool workshop',
  'host.rooms.name': 'Name (shown on the projector)',
  'host.rooms.answers': 'How attendees answer',
  'host.rooms.pick.note': 'choose written answers',
  'host.rooms.type.note': 'in their own words, in English',
  'host.rooms.apart': 'Typed and picked calls are ranked apart: the room takes one way for its whole life.',
  'host.rooms.create': 'Create the room',
  'host.rooms.noName': 'Give the room a name.',
  'host.back.rooms': '← Your rooms',
  // Picking the calls (call-picks.ts, calls-editor.ts)
  'host.calls.legend': 'Calls to play',
  'host.calls.none': 'Pick at least one call for the room.',
  'host.calls.change': 'Change the calls',
  'host.calls.save': 'Save the calls',
  'host.calls.saved': 'The calls were changed; the boards follow.',
  // One room (host-room.ts)
  'host.room.title': 'Room {code}',
  'host.room.notMine':
    'This device did not create that room, so it cannot run it. Open it on the device that did, or open the facilitator link from that device’s room page here.',
  'host.room.draft':
    'Not open yet: attendees can join and look around, but no call counts until you open it.',
  'host.room.open': 'Open: calls count.',
  'host.room.closed':
    'Closed: no one new can join and no new call starts. Calls already under way still count.',
  'host.room.openIt': 'Open the room',
  'host.room.openAgain': 'Open it again',
  'host.room.closeIt': 'Close the room',
  'host.room.opened': 'The room is open.',
  'host.room.closedNow': 'The room is closed.',
  'host.room.projector': 'Open the projector screen',
  'host.room.projector.after': ' (in a new tab, for the big screen). Attendees join at ',
  'host.room.projector.end': '.',
  'host.room.calls': 'Calls in this room',
  'host.room.results': 'Results',
  'host.room.results.about':
    'Every finished call: nickname, call, score, each SOARING letter, ending and time.',
  'host.room.download': 'Download results (CSV)',
  // How the room is answered (host-room.ts, projector.ts)
  'host.answers.pick': 'Picked answers',
  'host.answers.type': 'Typed answers',
  'host.answers.pick.meaning':
    ': attendees choose among written answers. Only picked calls count in this room.',
  'host.answers.type.meaning':
    ': attendees type what they would say, in their own words. Only typed calls count in this room.',
  // The players (player-list.ts)
  'host.players.title': 'Players',
  'host.players.count': 'Players ({count})',
  'host.players.none': 'No one has joined yet.',
  'host.players.calls.one': '{count} call',
  'host.players.calls.other': '{count} calls',
  'host.players.remove': 'Remove',
  'host.players.remove.label': 'Remove {name}',
  'host.players.remove.confirm':
    'Remove “{name}” from the room? Their results leave the boards, and the name cannot be used here again.',
  'host.players.removed': '{name} was removed.',
  // Handing the room over (handover-card.ts, take-over.ts)
  'host.handover.title': 'Run this room from another device',
  'host.handover.about':
    'Open this link on the other device. Anyone who has it can open, close and export the room, and remove players: share it only with a co-facilitator.',
  'host.handover.link': 'Facilitator link',
  'host.handover.copy': 'Copy the link',
  'host.handover.copied': ' Copied.',
  'host.handover.copyByHand': ' Select the link and copy it.',
  'host.takeOver.checking': 'Checking the link…',
  'host.takeOver.broken': 'This facilitator link does not work: {why}',
  // The projector (projector.ts, qr-code.ts)
  'host.projector.join': 'Join the room',
  'host.projector.code': 'Room code {letters}',
  'host.projector.qr': 'QR code for {address}',
  'host.projector.players.one': '{count} player',
  'host.projector.players.other': '{count} players',
  'host.projector.finished.one': '{count} call finished',
  'host.projector.finished.other': '{count} calls finished',
  'host.projector.draft': 'not open yet',
  'host.projector.closed': 'closed',
  'host.projector.live': 'Live',
  'host.projector.connecting': 'Connecting…',
  'host.projector.reconnecting': 'Connection lost — reconnecting…',
  'host.projector.overall': 'Overall',
  'host.projector.waiting': 'Waiting for the first finished call…',
  // Boards and the room's profile (board-view.ts)
  'host.board.empty': 'No results yet.',
  'host.board.place': '#',
  'host.board.name': 'Name',
  // A leaderboard's column: short, to fit beside the name on a projector's narrow board
  'host.board.score': 'Score',
  'host.board.profile': 'The room’s SOARING',
  'host.board.noChances': '{letter}: no chances yet',
  'host.board.taken': '{letter}: {percent} of chances taken',
  'host.board.weakest': 'Weakest so far: {letter} — {name}. Worth a word in the debrief.',
  'host.board.filling': 'The profile fills in as calls finish.',
  // Sending the results to an LRS (lrs-card.ts)
  'host.lrs.title': 'Send results to an LRS',
  'host.lrs.about':
    'Each call finished from now on also goes, as xAPI statements, to the Learning Record Store you give here. Nothing is lost if it is down: the server keeps trying.',
  'host.lrs.endpoint': 'LRS endpoint (its xAPI address)',
  'host.lrs.key': 'Key',
  'host.lrs.secret': 'Secret (not shown again once saved)',
  'host.lrs.pass': 'Pass mark, 0–1000 (optional)',
  'host.lrs.save': 'Save and send',
  'host.lrs.stop': 'Stop sending',
  'host.lrs.saved': 'Saved: results go to the LRS.',
  'host.lrs.stopped': 'Results are no longer sent to an LRS.',
  'host.lrs.off': 'Results are not sent to an LRS.',
  'host.lrs.off.waiting.one': 'Results are not sent to an LRS; {count} statement waits for one.',
  'host.lrs.off.waiting.other': 'Results are not sent to an LRS; {count} statements wait for one.',
  'host.lrs.counts': 'Sending to {endpoint}: {sent} sent, {pending} waiting, {failed} refused.',
  'host.lrs.lastError': 'Last problem: {why}',
  'host.lrs.problem.notAddress': 'The endpoint must be a full address, like https://lrs.example.com/xapi/.',
  'host.lrs.problem.protocol': 'The endpoint must start with https:// or http://.',
  'host.lrs.problem.credentials': 'Put the key and secret in their own fields, not in the endpoint.',
  'host.lrs.problem.query': 'The endpoint cannot have a query (?…) or a fragment (#…).',
  'host.lrs.problem.noKey': 'Give the LRS key.',
  'host.lrs.problem.colon': 'The key cannot contain a colon (“:”).',
  'host.lrs.problem.noSecret': 'Give the LRS secret.',
  'host.lrs.problem.pass': 'The pass mark is a whole number from 0 to 1000, or empty.',
  // The server's refusals, by their code (host-refusal.ts)
  'host.refusal.offline': 'The workshop server cannot be reached. Check the Wi-Fi and try again.',
  'host.refusal.badReply': 'The workshop server’s answer could not be read. Reload the page.',
  'host.refusal.rateLimited.one': 'Too many requests; try again in {count} second.',
  'host.refusal.rateLimited.other': 'Too many requests; try again in {count} seconds.',
  'host.refusal.rateLimited.soon': 'Too many requests; try again in a moment.',
  'host.refusal.noRoom': 'There is no room {code} on this server.',
  'host.refusal.unknownScenario':
    'This server does not have every call you picked. Reload the page to see the ones it has.',
  'host.refusal.serverError': 'Something went wrong on the workshop server. Try again.',
  'host.refusal.invalid': 'The server could not accept what was sent. Check the form and try again.',
  'host.refusal.http': 'The workshop server answered with an error ({status}). Try again.',
  // Teams (team-card.ts, board-view.ts, projector.ts)
  'host.teams.title': 'Teams',
  'host.teams.about':
    'To play in teams, name them here, one per line (2 to 12). Attendees pick theirs when they join, and a team board appears on the projector. A team scores the mean of its members who have finished at least one call.',
  'host.teams.label': 'Team names, one per line',
  'host.teams.save': 'Save the teams',
  'host.teams.saved': 'The teams were saved; the team board follows.',
  'host.teams.savedOff': 'No teams: attendees join without one.',
  'host.teams.onlyOne': 'Give at least two teams, or none to play without teams.',
  'host.teams.tooMany': 'A room can have at most {max} teams.',
  'host.teams.later': 'A team with members stays in the list; you can still change how its name is written.',
  'host.teams.team': 'Team',
  'host.teams.playedHead': 'Played',
  'host.teams.played': '{counted} of {members}',
  'host.teams.rule': 'Score: the mean of the members who have played.',
  'host.projector.boards': 'Leaderboards',
  'host.projector.teams': 'Teams',
  // Places not shown on a board (board-view.ts, projector.ts)
  'host.board.more.one': 'and {count} more',
  'host.board.more.other': 'and {count} more',
  'host.projector.more.one': 'and {count} more: every phone shows its own place',
  'host.projector.more.other': 'and {count} more: every phone shows its own place',
  // end
};
