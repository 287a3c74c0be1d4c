/**
 * Words a nickname may not be, by language, written plainly: offensive.ts folds them the same way
 * as the names it checks (look-alikes, leetspeak, accents, c/k/q, ph/f, v/u, repeated letters).
 *
 * Chosen to be offensive as a name on a shared screen in any context. Left out on purpose: words
 * that are also ordinary words or real names (Spanish zorra "vixen" and coño/cono "cone", Italian
 * troia "Troy", Dutch kanker "cancer" and kut, German Fick and Portuguese Foda as surnames,
 * French con, English ass and porn: the skeleton reads "m" as "rn", so porn would refuse Pom).
 * A word matches a whole name or a whole word of it, never the inside of a longer word
 * (Scunthorpe, Matsushita, Hancock); English words also take a few English endings and heads.
 */

/** English stems that take the endings and heads below: "fucker", "shitty", "bullshit". */
export const ENGLISH_STEMS = [
  'fuck',
  'shit',
  'bitch',
  'cunt',
  'whore',
  'slut',
  'twat',
  'wank',
  'nigger',
  'nigga',
  'faggot',
  'retard',
];

/**
 * English words taken as they are: with endings they are names or ordinary words (Cocker, Dicks,
 * Cocks and Spicer are surnames, cocky a word); spic and kike are left out (Kike is Enrique).
 */
export const ENGLISH = [
  'cock',
  'cocksucker',
  'dickhead',
  'dickface',
  'prick',
  'pussy',
  'asshole',
  'arsehole',
  'bastard',
  'dildo',
  'jizz',
  'rapist',
  'tranny',
  'chink',
  'nazi',
  'hitler',
];

/** The endings and heads of English stems. */
export const ENGLISH_TAILS = [
  's',
  'es',
  'er',
  'ers',
  'ed',
  'ing',
  'in',
  'y',
  'ie',
  'ies',
  'face',
  'head',
  'hole',
  'wit',
  'bag',
  'sucker',
  'stick',
  'wad',
  'you',
  'off',
];
export const ENGLISH_HEADS = ['mother', 'bull', 'horse', 'dip', 'holy', 'dirty'];

/** Other languages, each form as it is written (no endings are added). */
export const OTHER_LANGUAGES = [
  // French
  'merde',
  'putain',
  'pute',
  'salope',
  'salaud',
  'connard',
  'connasse',
  'encule',
  'enculer',
  'batard',
  'couille',
  'couillon',
  'pouffiasse',
  'niquetamere',
  'filsdepute',
  'trouduc',
  // Spanish
  'puta',
  'puto',
  'putas',
  'mierda',
  'cabron',
  'cabrona',
  'pendejo',
  'pendeja',
  'gilipollas',
  'joder',
  'jodete',
  'maricon',
  'hijoputa',
  'hijodeputa',
  'chingada',
  'culero',
  'cojones',
  'malparido',
  'mamahuevo',
  // German
  'scheisse',
  'scheiss',
  'arschloch',
  'arsch',
  'fotze',
  'wichser',
  'hurensohn',
  'hure',
  'schlampe',
  'ficken',
  'ficker',
  'fickdich',
  'missgeburt',
  'spast',
  'schwuchtel',
  'kacke',
  // Italian
  'cazzo',
  'vaffanculo',
  'fanculo',
  'stronzo',
  'stronza',
  'merda',
  'puttana',
  'minchia',
  'coglione',
  'cogliona',
  'bastardo',
  'bastarda',
  'frocio',
  'mignotta',
  'culattone',
  'figliodiputtana',
  // Portuguese
  'caralho',
  'porra',
  'fodase',
  'foder',
  'fodido',
  'buceta',
  'arrombado',
  'viado',
  'cuzao',
  'filhodaputa',
  'punheta',
  'piroca',
  // Dutch
  'klootzak',
  'kutwijf',
  'hoer',
  'hoerenzoon',
  'kankerlijer',
  'tyfuslijer',
  'teringlijer',
  'mongool',
  'neuken',
  'godverdomme',
  // Polish
  'kurwa',
  'chuj',
  'huj',
  'pierdol',
  'pierdole',
  'pierdolony',
  'spierdalaj',
  'jebac',
  'jebany',
  'jebana',
  'skurwysyn',
  'pizda',
  'kutas',
  'cwel',
  'dziwka',
  'ciota',
];

/**
 * Real names the folding would otherwise refuse, as they are spelt: Kok and Kock (Dutch and
 * Swedish surnames) read as cock once ck and c are k, Fuks (Polish) as fucks, Phúc (Vietnamese)
 * as phuck once ph is f, and Izan (Spanish) is nazi reversed. Dick and Fanny need
 * no entry: given names (Dick Advocaat, Fanny Ardant) are not on the lists, only dickhead and the
 * like. A facilitator can still remove a player whose name is meant otherwise.
 */
export const NAMES = ['kok', 'kock', 'fuks', 'phuc', 'izan'];
