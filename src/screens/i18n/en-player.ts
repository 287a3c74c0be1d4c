/**
 * The workshop player's pages and their plumbing: join, lobby, the live call, the result, the outbox, the server's reasons (src/screens/workshop/, src/screens/kit/status.ts).
 * In English, the source of truth: en.ts spreads these keys into the one catalogue, and
 * es-player.ts gives the same keys in Spanish.
 */
export const player = {
  'player.lobby.board': 'Leaderboard',
  // Every workshop page (page-parts.ts): the way back, whose side it is, how the room is answered
  'player.parts.toScenarios': '← All scenarios',
  'player.parts.toRooms': '← Your rooms',
  'player.parts.brand.attendee': 'Keep Cool · Workshop',
  'player.parts.brand.facilitator': 'Keep Cool · Facilitator',
  'player.answers.pick': 'Picked answers',
  'player.answers.type': 'Typed answers',
  'player.answers.facilitator.pick':
    'attendees choose among written answers. Only picked calls count in this room.',
  'player.answers.facilitator.type':
    'attendees type what they would say, in their own words. Only typed calls count in this room.',
  'player.answers.attendee.pick': 'you choose among written answers.',
  'player.answers.attendee.type': 'you type what you would say, in your own words.',
  // The join form (join-page.ts)
  'player.join.title': 'Join a workshop room',
  'player.join.code': 'Room code',
  'player.join.codeHint': 'Six letters and digits, shown on the projector.',
  'player.join.nickname': 'Your nickname',
  'player.join.nicknameHint': 'Up to {max} characters. Everyone in the room will see it.',
  'player.join.submit': 'Join the room',
  'player.join.badCode': 'The room code is six letters and digits, like K7PX3M.',
  'player.join.blankNickname': 'Choose a nickname with at least one letter or digit.',
  'player.join.joining': 'Joining…',
  'player.join.running': 'Running the workshop? ',
  'player.join.setUp': 'Set up a room',
  'player.join.team': 'Your team',
  'player.join.noTeam': 'Pick your team.',
  'player.lobby.team': 'Team {team}',
  'player.lobby.teams': 'Teams',
  'player.lobby.yourPlace': 'You are {place} overall.',
  // The lobby (lobby.ts, lobby-parts.ts)
  'player.lobby.playingAs': 'Playing as {nickname}',
  'player.lobby.calls': 'The room’s calls',
  'player.lobby.leave': 'Leave this room',
  'player.lobby.overall': 'Overall',
  'player.lobby.noBoard': 'No one has finished a call yet.',
  'player.lobby.removed': 'The facilitator removed you from this room: your calls no longer count here.',
  'player.lobby.joinAgain': 'Join with another nickname',
  'player.lobby.offline':
    '{reason} You can still practise any call from the main menu; this device keeps your scores.',
  'player.lobby.draft':
    'The facilitator has not opened the room yet. You can look around; the calls count once it opens.',
  'player.lobby.closed': 'This room is closed: the workshop has ended. Your results are kept.',
  'player.lobby.open':
    'The room is open: pick a call. It is played in assessment mode, so feedback waits for the debrief.',
  'player.lobby.notOnPage': '{title} (not on this page: reload)',
  'player.lobby.notPlayed': 'Not played in this room yet',
  'player.lobby.best': 'Your best here: {best} / 1000',
  'player.lobby.mine': 'Your results in this room',
  'player.lobby.counted': '{total} / 1000 ({call} on this call, {overall} overall)',
  'player.lobby.refused': 'not counted: {reason}',
  'player.lobby.noneYet': 'Finish a call and your score appears here and on the projector.',
  'player.lobby.waiting.one':
    '{count} result waiting to be sent{why}. It is kept on this device and sent as soon as the server answers.',
  'player.lobby.waiting.other':
    '{count} results waiting to be sent{why}. They are kept on this device and sent as soon as the server answers.',
  'player.lobby.live': 'Live: the board updates as calls finish.',
  'player.lobby.connecting': 'Connecting to the room…',
  'player.lobby.reconnecting': 'Connection lost: reconnecting…',
  // A place on a board, by the language's ordinal forms (1st, 2nd, 3rd, 4th; 21st)
  'player.place.one': '{place}st',
  'player.place.two': '{place}nd',
  'player.place.few': '{place}rd',
  'player.place.other': '{place}th',
  // A room's call and its card in the debrief (room-call.ts, room-result.ts)
  'player.call.label': 'Workshop · room {room}',
  'player.call.practice': '{reason} You can play the call now for practice; it will not count in the room.',
  'player.result.room': 'Room {room}',
  'player.result.sending': 'Sending your call to the room…',
  'player.result.rewound':
    'A rewound call is practice: it does not count in the room. To count again, start the call afresh from the room.',
  'player.result.noRun':
    'This call was played without a run from the server, so it does not count in the room. Your score is kept on this device.',
  'player.result.counted':
    'Counted in the room: the server scored it {total} / 1000. You are {call} on this call and {overall} overall.',
  'player.result.offBoard':
    'The server scored it {total} / 1000, but this call has been taken off the room’s boards, so it does not show there.',
  'player.result.refused': 'Not counted: {reason}',
  'player.result.waiting':
    'No connection to the room right now. Your result is saved on this device and will be sent as soon as the server answers: you can carry on.',
  // The live board's stream (live.ts); the issue itself is the schema's, in English
  'player.live.notJson': 'The live board could not be read (it is not JSON). Reload the page.',
  'player.live.unreadable': 'The live board could not be read ({where}: {issue}). Reload the page.',
  'player.live.theBoard': 'the board',
  // Why a reply could not be read (api-client.ts): the detail of player.refusal.bad-reply
  'player.api.notJson': 'it is not JSON',
  'player.api.status': 'status {status} was not expected',
  'player.api.notInApi': '{method} {path} is not part of the workshop API',
  'player.api.theReply': 'the reply',
  'player.api.unexpected': 'not as expected',
  // The server's refusals by their code (refusals.ts), and the page's own (offline, bad-reply, http)
  'player.refusal.offline':
    'The workshop server cannot be reached. Check the Wi-Fi; nothing you finish is lost.',
  'player.refusal.bad-reply':
    'The workshop server’s answer could not be read ({detail}). Reload the page; nothing you finished is lost.',
  'player.refusal.http': 'The server answered {status}.',
  'player.refusal.invalid-request':
    'The server could not take the request as this page sent it. Reload the page and try again.',
  'player.refusal.bad-url': 'The server could not read the address this page asked for. Reload the page.',
  'player.refusal.too-large': 'What this page sent is too large for the server.',
  'player.refusal.json-only': 'The server could not read what this page sent. Reload the page and try again.',
  'player.refusal.bad-request': 'The server could not take this request. Reload the page and try again.',
  'player.refusal.server-error':
    'Something went wrong on the server; nothing was saved. Try again, and if it keeps happening, tell the facilitator.',
  'player.refusal.no-route':
    'This server does not know that request. Reload the page: it may be newer than this page.',
  'player.refusal.rate-limited': 'Too many requests; try again in {seconds} s.',
  'player.refusal.too-many-streams':
    'Too many live boards are open from this network; close some and try again.',
  'player.refusal.busy': 'The server found no free room code; try again.',
  'player.refusal.no-room': 'There is no room with that code. Check the code on the projector.',
  'player.refusal.room-closed': 'This room is closed: the workshop has ended, and calls no longer count.',
  'player.refusal.room-not-open': 'The facilitator has not opened the room yet. Wait for the go.',
  'player.refusal.nickname': 'That nickname is not allowed here. Pick another one.',
  'player.refusal.nickname-taken':
    'Someone in this room already has that nickname, or one that looks just like it. Pick another one.',
  'player.refusal.nickname-removed':
    'The facilitator removed that nickname from this room. Pick another one.',
  'player.refusal.no-team': 'Pick your team from the room’s list (it may have just changed).',
  'player.refusal.team-name':
    'One of the team names cannot be used: it is empty, not allowed here, or the same as another. Change it and save again.',
  'player.refusal.map-hidden': 'The facilitator has not put the room’s decision map on the projector yet.',
  'player.refusal.team-has-members':
    'A team with members cannot leave the list. Keep it; you can still change how its name is written.',
  'player.refusal.no-token': 'Join the room first.',
  'player.refusal.unknown-player': 'The server does not know this device’s place in the room. Join again.',
  'player.refusal.removed': 'The facilitator removed you from this room.',
  'player.refusal.no-player': 'That player is not in this room (already removed?).',
  'player.refusal.not-facilitator':
    'Only the room’s facilitator can do that: open the room from the device that created it.',
  'player.refusal.unknown-scenario':
    'This server does not have every call asked for. Reload the page to see the calls it has.',
  'player.refusal.duplicate-scenario': 'Each call can be in a room once.',
  'player.refusal.not-in-room':
    'That call is not one of this room’s calls (any more). Go back to the room to see which calls it has.',
  'player.refusal.unknown-version':
    'The server and this page have different versions of this call, so it cannot be scored. Reload the page and play it again.',
  'player.refusal.unknown-run': 'The server does not know this run; start the call again.',
  'player.refusal.not-your-run': 'This run belongs to another player.',
  'player.refusal.run-used':
    'This run has already been scored. Each call gets its own run: start the call again to play it again.',
  'player.refusal.run-expired': 'This run started too long ago to count; play the call again.',
  'player.refusal.coach-mode':
    'Calls played in coach mode are practice and do not go on the board. Play it in assessment mode.',
  'player.refusal.answers-mismatch':
    'This call was not answered the room’s way (picked or typed), so it does not count here. Start it again from the room’s page.',
  'player.refusal.wrong-scenario': 'This result belongs to another call than its run; start the call again.',
  'player.refusal.timing':
    'The call’s times do not fit the server’s clock, so it does not count. Start the call again.',
  'player.refusal.typed-mismatch':
    'The server could not check the typed answers the way this page understood them, so the call does not count.',
  'player.refusal.illegal-transcript': 'The server could not replay the call, so it does not count.',
  'player.refusal.unfinished': 'The call did not reach an ending; only finished calls count.',
  'player.refusal.unscorable':
    'The server could not score this call, and nothing was saved. Tell the facilitator: the scenario needs checking.',
  // The room's decision map on an attendee's phone (player-map.ts, map-view.ts)
  'player.map.link': 'See what the room chose, moment by moment',
  'player.map.title': 'What the room chose',
  'player.map.about': 'Your own answers are marked “You”; nobody else sees which were yours.',
  'player.map.yourWords': 'You wrote: “{words}”',
  'player.map.now': 'On the projector now',
  'player.map.back': '← Back to the room',
  // end
};
