/**
 * The page's one test of a room code. The rule itself (alphabet and length) is src/api's; when
 * src/api gives the test too, this file goes and its users import that one.
 */
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../api/api.js';

const ROOM_CODE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Whether `text` is a room code as the server issues them (upper case, no look-alike characters). */
export const isRoomCode = (text: string): boolean => ROOM_CODE.test(text);
