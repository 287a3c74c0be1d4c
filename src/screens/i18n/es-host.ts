/**
 * The workshop host's pages, in Spanish: the same keys and placeholders as en-host.ts.
 */
import type { host } from './en-host.js';

export const hostEs: Record<keyof typeof host, string> = {
  // The facilitator's rooms (host-rooms.ts)
  'host.rooms.new': 'Sala nueva',
  'host.rooms.title': 'Dirige un taller',
  'host.rooms.about':
    'Crea una sala, pon su código en el proyector y los participantes se unen desde el móvil. Las puntuaciones las calcula el servidor a partir de lo que hizo cada participante, así que nadie puede inventarse una.',
  'host.rooms.yours': 'Tus salas',
  'host.rooms.typed': ' · respuestas escritas',
  'host.rooms.defaultName': 'Taller Keep Cool',
  'host.rooms.name': 'Nombre (se ve en el proyector)',
  'host.rooms.answers': 'Cómo responden los participantes',
  'host.rooms.pick.note': 'eligen entre respuestas escritas',
  'host.rooms.type.note': 'con sus propias palabras, en inglés',
  'host.rooms.apart':
    'Las llamadas con respuestas elegidas y con respuestas escritas se clasifican por separado: una sala usa la misma forma de principio a fin.',
  'host.rooms.create': 'Crear la sala',
  'host.rooms.noName': 'Ponle un nombre a la sala.',
  'host.back.rooms': '← Tus salas',
  // Picking the calls (call-picks.ts, calls-editor.ts)
  'host.calls.legend': 'Llamadas para jugar',
  'host.calls.none': 'Elige al menos una llamada para la sala.',
  'host.calls.change': 'Cambiar las llamadas',
  'host.calls.save': 'Guardar las llamadas',
  'host.calls.saved': 'Las llamadas han cambiado; las clasificaciones se actualizan solas.',
  // One room (host-room.ts)
  'host.room.title': 'Sala {code}',
  'host.room.notMine':
    'Esta sala no se creó en este dispositivo, así que desde aquí no puedes dirigirla. Ábrela en el dispositivo donde la creaste, o abre aquí el enlace de facilitador que aparece en la página de la sala de ese dispositivo.',
  'host.room.draft':
    'Aún no está abierta: los participantes pueden unirse y echar un vistazo, pero ninguna llamada cuenta hasta que la abras.',
  'host.room.open': 'Abierta: las llamadas cuentan.',
  'host.room.closed':
    'Cerrada: nadie más puede unirse ni empezar una llamada. Las llamadas que ya están en curso siguen contando.',
  'host.room.openIt': 'Abrir la sala',
  'host.room.openAgain': 'Volver a abrirla',
  'host.room.closeIt': 'Cerrar la sala',
  'host.room.opened': 'La sala está abierta.',
  'host.room.closedNow': 'La sala está cerrada.',
  'host.room.projector': 'Abre la pantalla del proyector',
  'host.room.projector.after':
    ' (en una pestaña nueva, para la pantalla grande). Los participantes se unen en ',
  'host.room.projector.end': '.',
  'host.room.calls': 'Llamadas de esta sala',
  'host.room.results': 'Resultados',
  'host.room.results.about':
    'Cada llamada terminada: apodo, llamada, puntuación, cada letra de SOARING, final y hora.',
  'host.room.download': 'Descargar los resultados (CSV)',
  // How the room is answered (host-room.ts, projector.ts)
  'host.answers.pick': 'Respuestas elegidas',
  'host.answers.type': 'Respuestas escritas',
  'host.answers.pick.meaning':
    ': los participantes eligen entre respuestas escritas. En esta sala solo cuentan las llamadas con respuestas elegidas.',
  'host.answers.type.meaning':
    ': los participantes escriben lo que dirían, con sus propias palabras. En esta sala solo cuentan las llamadas con respuestas escritas.',
  // The players (player-list.ts)
  'host.players.title': 'Participantes',
  'host.players.count': 'Participantes ({count})',
  'host.players.none': 'Todavía no se ha unido nadie.',
  'host.players.calls.one': '{count} llamada',
  'host.players.calls.other': '{count} llamadas',
  'host.players.remove': 'Quitar',
  'host.players.remove.label': 'Quitar a {name}',
  'host.players.remove.confirm':
    '¿Quitar a «{name}» de la sala? Sus resultados desaparecen de las clasificaciones y ese nombre ya no se podrá usar aquí.',
  'host.players.removed': 'Has quitado a {name} de la sala.',
  // Handing the room over (handover-card.ts, take-over.ts)
  'host.handover.title': 'Dirige esta sala desde otro dispositivo',
  'host.handover.about':
    'Abre este enlace en el otro dispositivo. Quien lo tenga puede abrir, cerrar y exportar la sala, y quitar participantes: compártelo solo con quien facilite contigo.',
  'host.handover.link': 'Enlace de facilitador',
  'host.handover.copy': 'Copiar el enlace',
  'host.handover.copied': ' Copiado.',
  'host.handover.copyByHand': ' Selecciona el enlace y cópialo.',
  'host.takeOver.checking': 'Comprobando el enlace…',
  'host.takeOver.broken': 'Este enlace de facilitador no funciona. {why}',
  // The projector (projector.ts, qr-code.ts)
  'host.projector.join': 'Únete a la sala',
  'host.projector.code': 'Código de sala {letters}',
  'host.projector.qr': 'Código QR de {address}',
  'host.projector.players.one': '{count} participante',
  'host.projector.players.other': '{count} participantes',
  'host.projector.finished.one': '{count} llamada terminada',
  'host.projector.finished.other': '{count} llamadas terminadas',
  'host.projector.draft': 'aún sin abrir',
  'host.projector.closed': 'cerrada',
  'host.projector.live': 'En directo',
  'host.projector.connecting': 'Conectando…',
  'host.projector.reconnecting': 'Se perdió la conexión; reconectando…',
  'host.projector.overall': 'General',
  'host.projector.waiting': 'Esperando la primera llamada terminada…',
  // Boards and the room's profile (board-view.ts)
  'host.board.empty': 'Aún no hay resultados.',
  'host.board.place': '#',
  'host.board.name': 'Nombre',
  'host.board.score': 'Puntos',
  'host.board.profile': 'El SOARING de la sala',
  'host.board.noChances': '{letter}: todavía sin ocasiones',
  'host.board.taken': '{letter}: {percent} de las ocasiones aprovechadas',
  'host.board.weakest':
    'El movimiento más flojo por ahora: {letter} — {name}. Merece un comentario en la puesta en común.',
  'host.board.filling': 'El perfil se va completando a medida que terminan las llamadas.',
  // The server's refusals, by their code (host-refusal.ts)
  'host.refusal.offline':
    'No se puede contactar con el servidor del taller. Revisa la wifi y vuelve a intentarlo.',
  'host.refusal.badReply': 'No se pudo leer la respuesta del servidor del taller. Vuelve a cargar la página.',
  'host.refusal.rateLimited.one': 'Demasiadas peticiones; vuelve a intentarlo dentro de {count} segundo.',
  'host.refusal.rateLimited.other': 'Demasiadas peticiones; vuelve a intentarlo dentro de {count} segundos.',
  'host.refusal.rateLimited.soon': 'Demasiadas peticiones; vuelve a intentarlo en un momento.',
  'host.refusal.noRoom': 'En este servidor no hay ninguna sala {code}.',
  'host.refusal.unknownScenario':
    'Este servidor no tiene todas las llamadas que elegiste. Vuelve a cargar la página para ver las que tiene.',
  'host.refusal.serverError': 'Algo falló en el servidor del taller. Vuelve a intentarlo.',
  'host.refusal.invalid':
    'El servidor no pudo aceptar lo que se envió. Revisa el formulario y vuelve a intentarlo.',
  'host.lrs.title': 'Enviar los resultados a un LRS',
  'host.lrs.about':
    'Cada llamada terminada a partir de ahora se envía también, como declaraciones xAPI, al LRS (almacén de registros de aprendizaje) que indiques aquí. Si no responde no se pierde nada: el servidor lo sigue intentando.',
  'host.lrs.endpoint': 'Endpoint del LRS (su dirección xAPI)',
  'host.lrs.key': 'Clave',
  'host.lrs.secret': 'Secreto (no se vuelve a mostrar una vez guardado)',
  'host.lrs.pass': 'Nota de aprobado, 0–1000 (opcional)',
  'host.lrs.save': 'Guardar y enviar',
  'host.lrs.stop': 'Dejar de enviar',
  'host.lrs.saved': 'Guardado: los resultados van al LRS.',
  'host.lrs.stopped': 'Los resultados ya no se envían a ningún LRS.',
  'host.lrs.off': 'Los resultados no se envían a ningún LRS.',
  'host.lrs.off.waiting.one': 'Los resultados no se envían a ningún LRS; {count} declaración espera uno.',
  'host.lrs.off.waiting.other':
    'Los resultados no se envían a ningún LRS; {count} declaraciones esperan uno.',
  'host.lrs.counts': 'Enviando a {endpoint}: {sent} enviadas, {pending} en espera, {failed} rechazadas.',
  'host.lrs.lastError': 'Último problema: {why}',
  'host.lrs.problem.notAddress':
    'El endpoint debe ser una dirección completa, como https://lrs.example.com/xapi/.',
  'host.lrs.problem.protocol': 'El endpoint debe empezar por https:// o http://.',
  'host.lrs.problem.credentials': 'Pon la clave y el secreto en sus propios campos, no en el endpoint.',
  'host.lrs.problem.query': 'El endpoint no puede llevar consulta (?…) ni fragmento (#…).',
  'host.lrs.problem.noKey': 'Indica la clave del LRS.',
  'host.lrs.problem.colon': 'La clave no puede contener dos puntos («:»).',
  'host.lrs.problem.noSecret': 'Indica el secreto del LRS.',
  'host.lrs.problem.pass': 'La nota de aprobado es un número entero de 0 a 1000, o nada.',
  'host.refusal.http': 'El servidor del taller respondió con un error ({status}). Vuelve a intentarlo.',
  // Teams (team-card.ts, board-view.ts, projector.ts)
  'host.teams.title': 'Equipos',
  'host.teams.about':
    'Para jugar por equipos, pon aquí sus nombres, uno por línea (de 2 a 12). Cada participante elige el suyo al entrar, y el proyector muestra una clasificación de equipos. La puntuación de un equipo es la media de sus miembros que han terminado al menos una llamada.',
  'host.teams.label': 'Nombres de los equipos, uno por línea',
  'host.teams.save': 'Guardar los equipos',
  'host.teams.saved': 'Equipos guardados; la clasificación de equipos se actualiza.',
  'host.teams.savedOff': 'Sin equipos: se entra en la sala sin elegir ninguno.',
  'host.teams.onlyOne': 'Pon al menos dos equipos, o ninguno para jugar sin equipos.',
  'host.teams.tooMany': 'Una sala puede tener como mucho {max} equipos.',
  'host.teams.later':
    'Un equipo con miembros se queda en la lista; aún puedes cambiar cómo se escribe su nombre.',
  'host.teams.team': 'Equipo',
  'host.teams.playedHead': 'Jugado',
  'host.teams.played': '{counted} de {members}',
  'host.teams.rule': 'Puntos: la media de quienes han jugado.',
  'host.projector.boards': 'Clasificaciones',
  'host.projector.teams': 'Equipos',
  // Places not shown on a board (board-view.ts, projector.ts)
  'host.board.more.one': 'y {count} más',
  'host.board.more.other': 'y {count} más',
  'host.projector.more.one': 'y {count} más: cada móvil muestra su propio puesto',
  'host.projector.more.other': 'y {count} más: cada móvil muestra su propio puesto',
  // The room's decision map (map-view.ts, host-map.ts, projector.ts)
  'host.map.title': 'El mapa de decisiones de la sala',
  'host.map.about':
    'Después de una ronda, recorre en el proyector cada momento de las llamadas: qué parte de la sala eligió cada respuesta, dónde se enfadó más el cliente, el error más común y una pregunta para comentar.',
  'host.map.open': 'Abrir el mapa de decisiones',
  'host.map.download': 'Descargar todas las decisiones (CSV)',
  'host.map.moment': 'Momento {n} de {count}',
  'host.map.reached.one': '{count} participante llegó a este momento',
  'host.map.reached.other': '{count} participantes llegaron a este momento',
  'host.map.best': 'La mejor',
  'host.map.mine': 'Tú',
  'host.map.silence': 'No dijo nada',
  'host.map.iMessage': 'Construyó un mensaje en primera persona',
  'host.map.bestAnswer': 'la mejor respuesta',
  'host.map.chosenBy': 'La eligieron: {names}',
  'host.map.moves': 'Movimientos que se oyeron en las palabras de la sala',
  'host.map.closest': 'Las respuestas escritas más cercanas a esas palabras',
  'host.map.anger':
    'Enfado del cliente, de media: {before} al llegar, {after} tras las respuestas de la sala.',
  'host.map.peak': 'Aquí llegó al máximo el enfado de la sala.',
  'host.map.mistake.none': 'Aquí no destacó ningún error.',
  'host.map.mistake.dont': 'Error más común: {dont} ({share} de la sala).',
  'host.map.mistake.answer': 'Respuesta más débil más elegida: «{answer}» ({share} de la sala).',
  'host.map.mistake.missed': 'Movimiento más olvidado: {move} ({share} de la sala no lo hizo).',
  'host.map.discuss': 'Para comentar:',
  'host.map.prompt.dont':
    '¿Qué llevó a la gente hacia «{dont}» aquí, y cómo habría sonado en su lugar {moves}?',
  'host.map.prompt.answer':
    '¿Qué deja fuera esa respuesta que {moves} le habría dado a este cliente, en este momento?',
  'host.map.prompt.missed':
    '¿Qué pedía la frase del cliente para {move}? Decidlo en voz alta: ¿cómo sonaría aquí {moves}?',
  'host.map.prompt.clean': 'La mayoría de la sala acertó aquí. ¿Qué os dijo que era el momento de {moves}?',
  'host.map.prompt.open': '¿Qué dirías aquí, y por qué?',
  'host.map.empty': 'Aún no hay llamadas terminadas: el mapa se llena a medida que terminan.',
  'host.map.prev': '← Anterior',
  'host.map.next': 'Siguiente →',
  'host.map.show': 'Ponerlo en el proyector',
  'host.map.hide': 'Volver a las clasificaciones',
  'host.map.names': 'Mostrar los apodos en el mapa',
  'host.map.names.about':
    'Desactivado por defecto: si lo activas, el mapa dice quién eligió qué, también en el proyector.',
  'host.map.keys': 'Las flechas o la barra espaciadora recorren los momentos.',
  'host.map.shown': 'Ahora en el proyector.',
  'host.map.hidden': 'No está en el proyector: muestra las clasificaciones.',
  'host.map.announce': 'Momento {n} de {count}, {call}: {share} eligió la mejor respuesta. {mistake}',
  'host.map.loading': 'Cargando el mapa…',
  // end
};
