/**
 * The workshop player's pages and their plumbing, in Spanish: the same keys and placeholders as en-player.ts.
 */
import type { player } from './en-player.js';

export const playerEs: Record<keyof typeof player, string> = {
  'player.lobby.board': 'Clasificación',
  // Every workshop page (page-parts.ts)
  'player.parts.toScenarios': '← Todos los escenarios',
  'player.parts.toRooms': '← Tus salas',
  'player.parts.brand.attendee': 'Keep Cool · Taller',
  'player.parts.brand.facilitator': 'Keep Cool · Facilitación',
  'player.answers.pick': 'Respuestas para elegir',
  'player.answers.type': 'Respuestas libres',
  'player.answers.facilitator.pick':
    'los participantes eligen entre respuestas escritas. En esta sala solo cuentan las llamadas respondidas eligiendo.',
  'player.answers.facilitator.type':
    'los participantes escriben lo que dirían, con sus propias palabras. En esta sala solo cuentan las llamadas respondidas escribiendo.',
  'player.answers.attendee.pick': 'eliges entre respuestas ya escritas.',
  'player.answers.attendee.type': 'escribes lo que dirías, con tus propias palabras.',
  // The join form (join-page.ts)
  'player.join.title': 'Únete a una sala del taller',
  'player.join.code': 'Código de la sala',
  'player.join.codeHint': 'Seis letras y cifras; lo verás en el proyector.',
  'player.join.nickname': 'Tu apodo',
  'player.join.nicknameHint': 'Hasta {max} caracteres. Todo el mundo en la sala lo verá.',
  'player.join.submit': 'Entrar en la sala',
  'player.join.badCode': 'El código de la sala tiene seis letras y cifras, como K7PX3M.',
  'player.join.blankNickname': 'Elige un apodo que tenga al menos una letra o una cifra.',
  'player.join.joining': 'Entrando…',
  'player.join.running': '¿Diriges tú el taller? ',
  'player.join.setUp': 'Prepara una sala',
  'player.join.team': 'Tu equipo',
  'player.join.noTeam': 'Elige tu equipo.',
  'player.lobby.team': 'Equipo {team}',
  'player.lobby.teams': 'Equipos',
  'player.lobby.yourPlace': 'Vas {place} en la general.',
  // The lobby (lobby.ts, lobby-parts.ts)
  'player.lobby.playingAs': 'Juegas como {nickname}',
  'player.lobby.calls': 'Las llamadas de la sala',
  'player.lobby.leave': 'Salir de esta sala',
  'player.lobby.overall': 'General',
  'player.lobby.noBoard': 'Nadie ha terminado una llamada todavía.',
  'player.lobby.removed':
    'La persona que dirige el taller te ha sacado de esta sala: tus llamadas ya no cuentan aquí.',
  'player.lobby.joinAgain': 'Entrar con otro apodo',
  'player.lobby.offline':
    '{reason} Puedes seguir practicando cualquier llamada desde el menú principal; este dispositivo guarda tus puntuaciones.',
  'player.lobby.draft':
    'Aún no se ha abierto la sala. Puedes echar un vistazo; las llamadas contarán en cuanto se abra.',
  'player.lobby.closed': 'Esta sala está cerrada: el taller ha terminado. Tus resultados se conservan.',
  'player.lobby.open':
    'La sala está abierta: elige una llamada. Se juega en modo evaluación, así que los comentarios esperan al balance final.',
  'player.lobby.notOnPage': '{title} (no está en esta página: recárgala)',
  'player.lobby.notPlayed': 'Aún no la has jugado en esta sala',
  'player.lobby.best': 'Tu mejor puntuación aquí: {best} / 1000',
  'player.lobby.mine': 'Tus resultados en esta sala',
  'player.lobby.counted': '{total} / 1000 ({call} en esta llamada, {overall} en la general)',
  'player.lobby.refused': 'no cuenta: {reason}',
  'player.lobby.noneYet': 'Termina una llamada y tu puntuación aparecerá aquí y en el proyector.',
  'player.lobby.waiting.one':
    '{count} resultado pendiente de envío{why}. Se guarda en este dispositivo y se enviará en cuanto responda el servidor.',
  'player.lobby.waiting.other':
    '{count} resultados pendientes de envío{why}. Se guardan en este dispositivo y se enviarán en cuanto responda el servidor.',
  'player.lobby.live': 'En directo: la clasificación se actualiza al terminar cada llamada.',
  'player.lobby.connecting': 'Conectando con la sala…',
  'player.lobby.reconnecting': 'Se ha perdido la conexión: reconectando…',
  // A place on a board: 1.º, 2.º, 21.º
  'player.place.one': '{place}.º',
  'player.place.two': '{place}.º',
  'player.place.few': '{place}.º',
  'player.place.other': '{place}.º',
  // A room's call and its card in the debrief (room-call.ts, room-result.ts)
  'player.call.label': 'Taller · sala {room}',
  'player.call.practice': '{reason} Puedes jugar la llamada ahora para practicar; no contará en la sala.',
  'player.result.room': 'Sala {room}',
  'player.result.sending': 'Enviando tu llamada a la sala…',
  'player.result.rewound':
    'Una llamada rebobinada es práctica: no cuenta en la sala. Para que vuelva a contar, empieza la llamada de nuevo desde la sala.',
  'player.result.noRun':
    'Esta llamada se jugó sin una partida del servidor, así que no cuenta en la sala. Tu puntuación se guarda en este dispositivo.',
  'player.result.counted':
    'Cuenta en la sala: el servidor la ha puntuado con {total} / 1000. Ocupas el puesto {call} en esta llamada y el {overall} en la general.',
  'player.result.offBoard':
    'El servidor la ha puntuado con {total} / 1000, pero esta llamada ya no está en las clasificaciones de la sala, así que no aparece en ellas.',
  'player.result.refused': 'No cuenta: {reason}',
  'player.result.waiting':
    'Ahora mismo no hay conexión con la sala. Tu resultado está guardado en este dispositivo y se enviará en cuanto responda el servidor: puedes seguir.',
  // The live board's stream (live.ts)
  'player.live.notJson': 'No se pudo leer la clasificación en directo (no es JSON). Recarga la página.',
  'player.live.unreadable':
    'No se pudo leer la clasificación en directo ({where}: {issue}). Recarga la página.',
  'player.live.theBoard': 'la clasificación',
  // Why a reply could not be read (api-client.ts)
  'player.api.notJson': 'no es JSON',
  'player.api.status': 'no se esperaba el estado {status}',
  'player.api.notInApi': '{method} {path} no forma parte de la API del taller',
  'player.api.theReply': 'la respuesta',
  'player.api.unexpected': 'no es lo esperado',
  // The server's refusals by their code (refusals.ts)
  'player.refusal.offline':
    'No se puede contactar con el servidor del taller. Revisa el wifi; no perderás nada de lo que termines.',
  'player.refusal.bad-reply':
    'No se pudo leer la respuesta del servidor del taller ({detail}). Recarga la página; no perderás nada de lo que hayas terminado.',
  'player.refusal.http': 'El servidor ha respondido {status}.',
  'player.refusal.invalid-request':
    'El servidor no pudo aceptar la petición tal como la envió esta página. Recarga la página y vuelve a intentarlo.',
  'player.refusal.bad-url': 'El servidor no pudo leer la dirección que pidió esta página. Recarga la página.',
  'player.refusal.too-large': 'Lo que ha enviado esta página es demasiado grande para el servidor.',
  'player.refusal.json-only':
    'El servidor no pudo leer lo que envió esta página. Recarga la página y vuelve a intentarlo.',
  'player.refusal.bad-request':
    'El servidor no pudo aceptar esta petición. Recarga la página y vuelve a intentarlo.',
  'player.refusal.server-error':
    'Algo ha fallado en el servidor; no se ha guardado nada. Vuelve a intentarlo y, si sigue pasando, avisa a quien dirige el taller.',
  'player.refusal.no-route':
    'Este servidor no conoce esa petición. Recarga la página: puede que el servidor sea más nuevo que ella.',
  'player.refusal.rate-limited': 'Demasiadas peticiones; vuelve a intentarlo dentro de {seconds} s.',
  'player.refusal.too-many-streams':
    'Hay demasiadas clasificaciones en directo abiertas desde esta red; cierra alguna y vuelve a intentarlo.',
  'player.refusal.busy': 'El servidor no encontró ningún código de sala libre; vuelve a intentarlo.',
  'player.refusal.no-room': 'No hay ninguna sala con ese código. Comprueba el código en el proyector.',
  'player.refusal.room-closed':
    'Esta sala está cerrada: el taller ha terminado y las llamadas ya no cuentan.',
  'player.refusal.room-not-open': 'Todavía no se ha abierto la sala. Espera a que den la señal.',
  'player.refusal.nickname': 'Ese apodo no está permitido aquí. Elige otro.',
  'player.refusal.nickname-taken':
    'Alguien de esta sala ya usa ese apodo, u otro que se le parece mucho. Elige otro.',
  'player.refusal.nickname-removed': 'Quien dirige el taller sacó ese apodo de esta sala. Elige otro.',
  'player.refusal.no-team': 'Elige tu equipo de la lista de la sala (quizá acaba de cambiar).',
  'player.refusal.team-name':
    'Uno de los nombres de equipo no se puede usar: está vacío, no se permite aquí o coincide con otro. Cámbialo y vuelve a guardar.',
  'player.refusal.map-hidden':
    'Quien dirige el taller aún no ha puesto el mapa de decisiones en el proyector.',
  'player.refusal.team-has-members':
    'Un equipo con miembros no puede salir de la lista. Mantenlo; aún puedes cambiar cómo se escribe su nombre.',
  'player.refusal.no-token': 'Primero únete a la sala.',
  'player.refusal.unknown-player':
    'El servidor no reconoce a este dispositivo como parte de la sala. Vuelve a unirte.',
  'player.refusal.removed': 'La persona que dirige el taller te ha sacado de esta sala.',
  'player.refusal.no-player': 'Esa persona no está en esta sala (¿ya la habías sacado?).',
  'player.refusal.not-facilitator':
    'Solo quien facilita la sala puede hacer eso: ábrela desde el dispositivo donde se creó.',
  'player.refusal.unknown-scenario':
    'Este servidor no tiene todas las llamadas pedidas. Recarga la página para ver las que tiene.',
  'player.refusal.duplicate-scenario': 'Cada llamada puede estar una sola vez en una sala.',
  'player.refusal.not-in-room':
    'Esa llamada no es (o ya no es) una de las de esta sala. Vuelve a la sala para ver cuáles tiene.',
  'player.refusal.unknown-version':
    'El servidor y esta página tienen versiones distintas de esta llamada, así que no se puede puntuar. Recarga la página y vuelve a jugarla.',
  'player.refusal.unknown-run': 'El servidor no reconoce esta partida; empieza la llamada de nuevo.',
  'player.refusal.not-your-run': 'Esta partida es de otra persona.',
  'player.refusal.run-used':
    'Esta partida ya se puntuó. Cada llamada tiene su propia partida: empieza la llamada de nuevo para volver a jugarla.',
  'player.refusal.run-expired':
    'Esta partida empezó hace demasiado tiempo para contar; vuelve a jugar la llamada.',
  'player.refusal.coach-mode':
    'Las llamadas en modo Coach son práctica y no entran en la clasificación. Juégala en modo evaluación.',
  'player.refusal.answers-mismatch':
    'Esta llamada no se respondió como pide la sala (eligiendo o escribiendo), así que aquí no cuenta. Empiézala de nuevo desde la página de la sala.',
  'player.refusal.wrong-scenario':
    'Este resultado es de una llamada distinta a la de su partida; empieza la llamada de nuevo.',
  'player.refusal.timing':
    'Los tiempos de la llamada no cuadran con el reloj del servidor, así que no cuenta. Empieza la llamada de nuevo.',
  'player.refusal.typed-mismatch':
    'El servidor no pudo comprobar las respuestas escritas tal como las entendió esta página, así que la llamada no cuenta.',
  'player.refusal.illegal-transcript': 'El servidor no pudo reproducir la llamada, así que no cuenta.',
  'player.refusal.unfinished': 'La llamada no llegó a un final; solo cuentan las llamadas terminadas.',
  'player.refusal.unscorable':
    'El servidor no pudo puntuar esta llamada y no se ha guardado nada. Avisa a quien dirige el taller: hay que revisar el escenario.',
  // The room's decision map on an attendee's phone (player-map.ts, map-view.ts)
  'player.map.link': 'Ver qué eligió la sala, momento a momento',
  'player.map.title': 'Qué eligió la sala',
  'player.map.about': 'Tus respuestas llevan la marca «Tú»; nadie más ve cuáles fueron las tuyas.',
  'player.map.yourWords': 'Escribiste: «{words}»',
  'player.map.now': 'Ahora en el proyector',
  'player.map.back': '← Volver a la sala',
  // end
};
