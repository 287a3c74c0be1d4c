/**
 * Reads one scenario file (Node only), refusing anything that is not a regular file: a named pipe
 * would block the reader for ever, a device such as /dev/zero never ends, a folder is not a file.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';

export type ScenarioFileRead = { ok: true; source: string } | { ok: false; reason: string };

/** What the path is instead of a regular file, for the trainer; null when it is one. */
function notAFile(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory())
    return 'this is a folder, not a scenario file: name the .yaml files in it, or give no file to check scenarios/';
  if (stats.isFIFO()) return 'this is a named pipe, not a scenario file: only regular files are read';
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    return 'this is a device, not a scenario file: only regular files are read';
  return 'this is not a regular file: only regular files are read';
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

/** The file's text, or why it cannot be read. Never blocks on a pipe or reads a device. */
export function readScenarioFile(path: string): ScenarioFileRead {
  let fd: number;
  try {
    const refused = notAFile(statSync(path));
    if (refused) return { ok: false, reason: refused };
    // Non-blocking, and checked again once open: the path may have been swapped for a pipe.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: `cannot read the file (${errorCode(error)})` };
  }
  try {
    const refused = notAFile(fstatSync(fd));
    if (refused) return { ok: false, reason: refused };
    return { ok: true, source: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { ok: false, reason: `cannot read the file (${errorCode(error)})` };
  } finally {
    closeSync(fd);
  }
}
