import {
  INVITED_BASE_WORDS,
  isDomainError,
  SEED_PROFILES,
  seedProfile,
  tally,
  validateProfile,
  type CorrectionInput,
  type RecordBody,
  type SealedRecord,
  type TallyResult,
} from '@hall/shared';
import { isDeepStrictEqual } from 'node:util';
import { invalid, refuse } from '../errors';
import { FIELD, requireSafeText } from '../text/safe-text';
import { canonicalHash } from './canonical';
import { decided } from './decided';
import type { VoteFactsSource } from './vote-facts-store';

/**
 * Check a correction of record `original` and decide it (issue 10). A correction fixes what a
 * person typed (title, organ, the profile chosen by mistake, counts), never the facts the hall
 * stored: `members` is the members stored for the vote, `present` the present stored at close,
 * and valid + invalid at most the seats that pressed. The tally checks the figures first (it
 * names what is inconsistent); the stored facts then bound them. Returns the body to seal:
 * `corrects` names the original, its hash and the reason; `announcedAt` is `now()`.
 */
export function checkCorrection(
  original: SealedRecord,
  input: CorrectionInput,
  facts: VoteFactsSource,
  now: () => Date,
): RecordBody {
  const reason = requireSafeText(input.reason.trim(), FIELD.correctionReason);
  if (reason.length === 0 || reason.length > 500 || !/\p{Script=Han}/u.test(reason)) {
    throw invalid(
      'CORRECTION_REASON',
      '更正须以中文写明理由（1 至 500 字） / a correction needs its reason in Chinese (1-500 characters)',
    );
  }
  const stored = facts(original.voteId);
  if (!stored || stored.presentAtClose === null) {
    throw refuse(
      'CORRECTION_NO_FACTS',
      `本会场没有测评 ${original.voteId} 的存储数据，无法核对更正 / this hall stores no facts of vote ${original.voteId}, so a correction cannot be checked against them`,
    );
  }
  const v = original.voteId;
  if (input.members !== stored.members) {
    throw invalid(
      'CORRECTION_MEMBERS',
      `应到须为测评 ${v} 开始时名单上的全体组成人员 ${stored.members} 人，不能更正为 ${input.members} 人 / members must stay ${stored.members}, the members stored for vote ${v} when it opened (got ${input.members})`,
    );
  }
  const title = requireSafeText(
    input.title === undefined ? original.title : input.title.trim(),
    FIELD.voteTitle,
  );
  if (title.length === 0 || title.length > 200) {
    throw invalid('CORRECTION_TITLE', '标题须为 1 至 200 字 / the title needs 1-200 characters');
  }
  const organ =
    input.organ === undefined ? original.organ : input.organ === null ? null : input.organ.trim();
  if (organ !== null) requireSafeText(organ, FIELD.organ);
  if (organ !== null && (organ.length === 0 || organ.length > 100)) {
    throw invalid(
      'CORRECTION_ORGAN',
      '报告机关须为 1 至 100 字 / the reporting organ needs 1-100 characters',
    );
  }
  let profile = original.profile;
  if (input.profile !== undefined && input.profile !== original.profile.id) {
    const seed = seedProfile(input.profile);
    if (!seed) {
      const known = SEED_PROFILES.map((p) => p.id).join(', ');
      throw invalid(
        'UNKNOWN_PROFILE',
        `未知的测评办法“${input.profile}”（可用：${known}） / unknown profile "${input.profile}" (known: ${known})`,
      );
    }
    profile = validateProfile(seed);
  }
  let result: TallyResult;
  try {
    result = tally(
      profile,
      {
        members: input.members,
        present: input.present,
        counts: input.counts,
        invalid: input.invalid,
      },
      original.roster === 'invited' ? { baseWords: INVITED_BASE_WORDS } : {},
    );
  } catch (e) {
    if (isDomainError(e)) throw invalid(e.code, e.message);
    throw e;
  }
  if (result.present !== stored.presentAtClose) {
    throw invalid(
      'CORRECTION_PRESENT',
      `实到须为测评 ${v} 结束时记录的 ${stored.presentAtClose} 人，不能更正为 ${result.present} 人 / present must stay ${stored.presentAtClose}, the present stored when vote ${v} closed (got ${result.present})`,
    );
  }
  const ballots = result.valid + result.invalid;
  if (ballots > stored.pressed) {
    throw invalid(
      'CORRECTION_BALLOTS',
      `有效票 ${result.valid} 张与无效票 ${result.invalid} 张共 ${ballots} 张，多于测评 ${v} 中已按键的 ${stored.pressed} 个席位 / valid ${result.valid} + invalid ${result.invalid} = ${ballots} ballots is more than the ${stored.pressed} seats that pressed in vote ${v}`,
    );
  }
  if (
    title === original.title &&
    organ === original.organ &&
    profile.id === original.profile.id &&
    result.members === original.members &&
    result.present === original.present &&
    result.invalid === original.invalid &&
    isDeepStrictEqual(result.counts, original.counts)
  ) {
    throw invalid(
      'CORRECTION_UNCHANGED',
      `更正后的内容与第 ${original.seq} 号记录相同 / the correction changes nothing of record ${original.seq}`,
    );
  }
  return {
    hall: original.hall,
    sessionId: original.sessionId,
    voteId: original.voteId,
    title,
    organ,
    profile,
    ...decided(result),
    openedAt: original.openedAt,
    closedAt: original.closedAt,
    announcedAt: now().toISOString(),
    corrects: { seq: original.seq, hash: canonicalHash(original), reason },
    // A corrected re-evaluation still answers the record whose follow-up required it.
    reevaluates: original.reevaluates,
    ...carriedForm(original),
  };
}

/**
 * What a correction never changes (issue 14): how the ballots were taken, whose roster made up
 * the base, the series and the abandoned vote it retakes. A record sealed before issue 14 has
 * no `method` or `roster`: it was taken on the keypads, by the committee.
 */
export function carriedForm(
  original: SealedRecord,
): Pick<RecordBody, 'method' | 'roster' | 'series' | 'retakes'> {
  return {
    method: original.method ?? 'keypads',
    roster: original.roster ?? 'committee',
    ...(original.series ? { series: original.series } : {}),
    ...(original.retakes ? { retakes: original.retakes } : {}),
  };
}
