import type { Text } from '../i18n';
import type { Static } from '@sinclair/typebox';
import type {
  ChainHeadSchema,
  CorrectionInputSchema,
  CorrectionLinkSchema,
  CorrectionProposalSchema,
  FollowUpItemSchema,
  HistoryEntrySchema,
  OrganHistorySchema,
  RecordBodySchema,
  RecordLinkSchema,
  RecordSignatureSchema,
  SealedRecordSchema,
} from '../api/reply-schemas';

/**
 * A sealed record (CONTRACT.md §5): everything the result was decided under and what it was,
 * never anything that links a member or seat to a choice.
 */
export type RecordBody = Static<typeof RecordBodySchema>;

/** A reference to a sealed record: its place in the chain and its hash. */
export type RecordLink = Static<typeof RecordLinkSchema>;

/**
 * The link of a correction to the record it corrects, with the reason given (Chinese). Records
 * sealed under the two-person rule also name who proposed the correction (a secretariat login)
 * and who confirmed it (a chair login, another person), and the outcome they replace; records
 * sealed before have only `seq`, `hash` and `reason`, and still verify.
 */
export type CorrectionLink = Static<typeof CorrectionLinkSchema>;

/**
 * What the secretariat submits to correct a sealed record (re-tallied by the server). A correction
 * fixes what a person typed, never the facts the hall stored: `members` must be the members stored
 * for the vote, `present` the present stored at close, and valid + invalid at most the seats that
 * pressed. `title`, `organ` and `profile` (another built-in profile id, decided again) are
 * optional and default to the corrected record's.
 */
export type CorrectionInput = Static<typeof CorrectionInputSchema>;

/** A proposed correction, waiting for (or decided by) the chair: nothing is sealed until confirmed. */
export type CorrectionProposal = Static<typeof CorrectionProposalSchema>;

/** The latest record of the hall's chain as screens and printouts show it (a cut chain shows). */
export type ChainHead = Static<typeof ChainHeadSchema>;

/** The first 12 hex digits of a record's canonical hash, as screens and printouts show it. */
export const shortHash = (hash: string) => hash.slice(0, 12);

/**
 * The line every screen, export and printout of a correction shows, Chinese first:
 * 更正记录：更正第 3 号记录（原结果：不满意），理由：……
 */
export function correctionNote(c: CorrectionLink): Text {
  const was = c.previousOutcome;
  const people =
    c.proposedBy && c.confirmedBy
      ? {
          zh: `；提议：${c.proposedBy}，确认：${c.confirmedBy}`,
          en: `; proposed by ${c.proposedBy}, confirmed by ${c.confirmedBy}`,
        }
      : { zh: '', en: '' };
  return {
    zh: `更正记录：更正第 ${c.seq} 号记录${was ? `（原结果：${was.label.zh}）` : ''}，理由：${c.reason}${people.zh}`,
    en: `Correction: corrects record ${c.seq}${was ? ` (was: ${was.label.en})` : ''}, reason: ${c.reason}${people.en}`,
  };
}

export type RecordSignature = Static<typeof RecordSignatureSchema>;

export type SealedRecord = Static<typeof SealedRecordSchema>;

/** One follow-up a sealed result requires, and how far it has got (server/src/records/followup.ts). */
export type FollowUpItem = Static<typeof FollowUpItemSchema>;

/** One evaluation in the history of a reporting organ. */
export type HistoryEntry = Static<typeof HistoryEntrySchema>;

/** 纵向: one organ over time; the list of organs is 横向. */
export type OrganHistory = Static<typeof OrganHistorySchema>;
