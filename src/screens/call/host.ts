/**
 * What the text call's screens share: the scenario, where progress and settings are kept, who is
 * told what, and the way from one screen to the next (briefing → call → debrief, and back).
 */
import type {
  AnswerWay,
  Call,
  CallState,
  Grade,
  PersistedCall,
  Scenario,
  ScoreResult,
  Transcript,
} from '../../engine/index.js';
import type { Progress } from '../../device/progress.js';
import type { Settings } from '../../device/settings.js';
import type { VersionedStore } from '../../device/store.js';
import type { AudioService } from '../../sound/service.js';
import type { CallView } from '../../stage/view.js';
import type { ScreenLife } from '../kit/screen.js';
import { t } from '../i18n/index.js';

/** What the call looks like now, for the stage that draws the customer. */
export type ViewListener = (view: CallView) => void;

/** A call played for a workshop room: assessment mode, a run token first, the result sent after. */
export interface WorkshopCall {
  /** Shown above the title. */
  label: string;
  /** How the room's calls are answered: picked or typed (a room ranks one way only). */
  answers: AnswerWay;
  /** Gets the run token from the server; a refusal says why and whether the call may be played anyway. */
  begin(): Promise<{ ok: true } | { ok: false; message: string; playAnyway: boolean }>;
  /**
   * Told when the call ends; returns the debrief's card about the room (sent, queued, refused).
   * `life` is the debrief's: what the card starts (a subscription, say) stops with it.
   */
  finished(transcript: Transcript, result: ScoreResult, life: ScreenLife): HTMLElement;
}

/** A call taken as part of a shift: where it stands in the shift, and what happens when it ends. */
export interface ShiftStep {
  position: number;
  total: number;
  /** Told once per finished call (again after a rewind, which the shift ignores). */
  onFinish: (result: ScoreResult) => void;
  /** The debrief's main button: on to the next call, or to the end of the shift. */
  continueWith: { label: string; run: () => void };
}

/** The call's screens, each shown in the host's element in place of the one before. */
export interface CallScreens {
  /** The scenario's briefing, with a notice when something could not be done. */
  briefing(notice?: string): void;
  /** The call: a new one, or a saved one resumed (a rewind is one), with a note where it stands. */
  call(restore?: PersistedCall, notice?: string): void;
  /**
   * The debrief of a finished call; `log` is the conversation, kept to read back. `saved` is where
   * the call is kept on the device, when the debrief is opened again from its address.
   */
  debrief(result: ScoreResult, transcript: Transcript, log: HTMLElement, saved?: SavedCall): void;
}

/** A finished call as this device keeps it: the debrief's address and what was saved when it was played. */
export interface SavedCall {
  /** Its number among the scenario's calls on this device (1 for the first): its address. */
  number: number;
  /** When it ended, ISO 8601. */
  finishedAt: string;
  /** The total and grade saved when it was played, and the scoring rules that gave them. */
  total: number;
  grade: Grade;
  scoring: number;
  /** The best total under today's rules among the scenario's earlier calls, or null if none. */
  bestBefore: number | null;
  /** Opened again (from the history, or a reload) rather than at the end of the call. */
  reopened: boolean;
}

/**
 * A practice run from a chosen moment and state (author mode): it starts there, is never saved,
 * and ends with `ended` in place of the debrief of a whole call.
 */
export interface Practice {
  from: CallState;
  /** Shown on the briefing: where the run starts, and that it is practice. */
  note: string;
  /** Told when the run ends, in place of the debrief. */
  ended(result: ScoreResult, transcript: Transcript): void;
}

/** Where the text call lives and what it talks to. */
export interface Host {
  root: HTMLElement;
  scenario: Scenario;
  onView: ViewListener;
  progress: VersionedStore<Progress>;
  settings: VersionedStore<Settings>;
  menuHref: string | undefined;
  next: { title: string; href: string } | undefined;
  shift: ShiftStep | undefined;
  audio: AudioService | undefined;
  inspect: ((call: Call) => void) | undefined;
  workshop: WorkshopCall | undefined;
  practice: Practice | undefined;
  /** The debrief has its own address (#/debrief/…): a reload or the history opens it again. */
  addressed: boolean;
  screens: CallScreens;
}

/** Where the way back from a call leads: the room for a workshop call, the scenarios otherwise. */
export function wayBack(host: Host): string {
  return host.workshop ? t('call.wayBack.room') : t('call.wayBack.all');
}
