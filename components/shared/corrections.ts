import type { Correction } from '../../lib/corrections/schema';
import { sendMessage } from '../../lib/protocol/send';

/** What the pages show after asking for a correction or an undo: done, or why not. */
export type CorrectionOutcome = { ok: true } | { ok: false; message: string };

async function ask(send: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>): Promise<CorrectionOutcome> {
  try {
    const result = await send();
    return result.ok ? { ok: true } : { ok: false, message: result.error.message };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Sends a correction; the background rebuilds the knowledge with it before answering. */
export const sendCorrection = (correction: Correction) => ask(() => sendMessage({ type: 'corrections.add', correction }));

/** Undoes stored corrections by id; the knowledge is rebuilt without them. */
export const undoCorrections = (ids: number[]) => ask(() => sendMessage({ type: 'corrections.undo', ids }));
