/** Keep Cool's engine: scenario format, loader, compiler, live calls, scoring and replay. No DOM. */
export * from './vocabulary.js';
export * from './schema.js';
export * from './diagnostics.js';
// The loader (and the YAML parser) is imported from './load.js' directly, so the game's bundle
// only fetches it when author mode opens a file.
export type { LoadResult, LoadedScenarios } from './load.js';
export * from './mood.js';
export * from './transcript.js';
export { parseTranscript } from './transcript-reader.js';
export * from './step.js';
export * from './score.js';
export * from './method-path.js';
export * from './blind.js';
export * from './replay.js';
export * from './compile.js';
export * from './call.js';
export * from './paths.js';
export { nodeTargets, targetsOfNext } from './graph.js';
export * from './rewind.js';
export * from './present.js';
export * from './method.js';
export * from './shift.js';
export * from './diagram.js';
export * from './report.js';
export * from './early-end.js';
export { hasOwn, own } from './own.js';
export * from './course.js';
// The course loader reads YAML too: imported from './course-load.js' directly, at build time.
