import { checkInput, isDomainError, type HandCountsReply } from '@hall/shared';
import type { Db } from '../db/open-db';
import { invalid, notFound, refuse } from '../errors';
import { secondPersonProblem } from '../records/corrections';
import {
  confirmHandCounts,
  handCountsOf,
  storeHandCounts,
  type HandCountsRow,
} from './hand-counts-store';
import type { OpenVote } from './open-vote';
import { INVALID, type VoteRow } from './vote-store';

/** Who enters or confirms hand counts: a login, or the operator token (plugins/access.ts). */
export interface CountsBy {
  username: string;
  /** HALL_OPERATOR_TOKEN (auth/users.ts `principal`: `operator`, no login session). */
  operator: boolean;
  /** Who last issued this user's account, role or password (`users.issued_by`), or null. */
  issuedBy: string | null;
}

/** The operator token's principal: the reserved name `operator` and no login session. */
export function isOperatorToken(p: { username: string; loginSession?: string }): boolean {
  return p.username === 'operator' && p.loginSession === undefined;
}

const notHandCounted = (voteId: number) =>
  refuse(
    'NOT_HAND_COUNTED',
    `测评 ${voteId} 以表决器按键表决，票数由系统计算，不能手工录入 / vote ${voteId} is taken on the keypads: its counts are the seats', not entered by hand`,
  );
const noCounts = (voteId: number) =>
  refuse(
    'NO_HAND_COUNTS',
    `测评 ${voteId} 尚未录入人工计票结果 / no hand counts have been entered for vote ${voteId}`,
  );

/**
 * The counts of a paper or hands vote (issue 14; 议事规则: the fallback when the equipment
 * fails), taken by people and entered by the secretariat (`vote counts`), then confirmed by a
 * second, independent login before the vote may close: the two-person rule of corrections
 * (records/corrections.ts `secondPersonProblem`): the confirmer is neither the one who entered them nor
 * someone whose account, role or password that person issued (`users.issued_by`). The counts
 * can never exceed the members present (shared `checkInput`).
 *
 * Known single-operator path: HALL_OPERATOR_TOKEN (scripts; chair and secretariat rights
 * together) enters AND confirms in one step, so that CONTRACT.md §1's `vote counts` then
 * `vote close` work with the token alone. Whoever holds that token is trusted as both people;
 * the stored row says `operator` for both.
 */
export class HandCounts {
  constructor(
    private readonly db: Db,
    private readonly open: () => OpenVote | null,
    private readonly latest: () => VoteRow | null,
    private readonly present: () => number,
    private readonly now: () => Date,
    private readonly changed: () => void,
  ) {}

  /** The open vote, if it is counted by hand; refused otherwise. */
  private openHandVote(): OpenVote {
    const v = this.open();
    if (!v) {
      throw refuse(
        'NO_OPEN_VOTE',
        '当前没有正在进行的测评，不能录入计票结果 / no vote is open: there is nothing to count',
      );
    }
    if (v.method === 'keypads') throw notHandCounted(v.voteId);
    return v;
  }

  /**
   * Check counts against the open vote's profile and the members present: every option of the
   * profile (a key left out is 0), unknown options and valid + invalid > present refused.
   */
  private checked(
    v: OpenVote,
    members: number,
    counts: Record<string, number>,
    invalidBallots: number,
  ): { counts: Record<string, number>; invalid: number } {
    try {
      const c = checkInput(v.profile, {
        members,
        present: this.present(),
        counts,
        invalid: invalidBallots,
      });
      return { counts: c.counts, invalid: c.invalid };
    } catch (e) {
      if (isDomainError(e)) throw invalid(e.code, e.message);
      throw e;
    }
  }

  private membersOf(v: OpenVote): number {
    const row = this.latest();
    if (!row || row.vote_id !== v.voteId) throw new Error(`vote ${v.voteId} is not the latest`);
    return row.members;
  }

  /** `vote counts` (secretariat): enter the counts, replacing earlier ones and their confirmation. */
  enter(
    input: { counts: Record<string, number>; invalid?: number },
    by: CountsBy,
  ): HandCountsReply {
    const v = this.openHandVote();
    const c = this.checked(v, this.membersOf(v), input.counts, input.invalid ?? 0);
    const at = this.now().toISOString();
    storeHandCounts(this.db, {
      voteId: v.voteId,
      counts: c.counts,
      invalid: c.invalid,
      enteredBy: by.username,
      enteredAt: at,
      confirmedBy: by.operator ? by.username : null,
      confirmedAt: by.operator ? at : null,
    });
    this.changed();
    return this.reply(v.voteId);
  }

  /** The chair confirms the open vote's counts as entered: a second, independent login. */
  confirm(by: CountsBy): HandCountsReply {
    const v = this.openHandVote();
    const c = handCountsOf(this.db, v.voteId);
    if (!c) throw noCounts(v.voteId);
    if (c.confirmedBy !== null) return this.reply(v.voteId);
    const problem = secondPersonProblem(c.enteredBy, by.username, by.issuedBy);
    if (problem === 'same-person') {
      throw refuse(
        'COUNTS_NOT_INDEPENDENT',
        `计票结果须由另一人确认：${by.username} 录入了测评 ${v.voteId} 的计票结果，不能自行确认 / the counts need a second person: ${by.username} entered the counts of vote ${v.voteId} and cannot confirm them`,
      );
    }
    if (problem === 'issued-by-first') {
      throw refuse(
        'COUNTS_NOT_INDEPENDENT',
        `计票结果须由独立的第二人确认：${by.username} 的账户（或角色、密码）由录入人 ${c.enteredBy} 设立 / the counts need an independent second person: ${by.username}'s account, role or password was issued by ${c.enteredBy}, who entered them`,
      );
    }
    // Still within present (nobody can be marked absent while a vote is open, hall.ts).
    this.checked(v, this.membersOf(v), c.counts, c.invalid);
    if (!confirmHandCounts(this.db, v.voteId, c.enteredAt, by.username, this.now().toISOString()))
      throw new Error(`vote ${v.voteId}: the counts changed while being confirmed`);
    this.changed();
    return this.reply(v.voteId);
  }

  /** GET: the latest vote's hand counts (chair, secretariat). */
  latestCounts(): HandCountsReply {
    const row = this.latest();
    if (!row) throw notFound('NO_VOTE', '尚未开始任何测评 / no vote has been opened');
    if (row.method === 'keypads') throw notHandCounted(row.vote_id);
    if (!handCountsOf(this.db, row.vote_id)) throw noCounts(row.vote_id);
    return this.reply(row.vote_id);
  }

  /**
   * What closing the open hand vote writes to `vote_counts` (option → n and `invalid`, as a
   * keypad close): refused without counts or without their confirmation, or when they exceed
   * those present now.
   */
  countsToClose(v: OpenVote, members: number): Map<string, number> {
    const c = handCountsOf(this.db, v.voteId);
    if (!c) throw noCounts(v.voteId);
    if (c.confirmedBy === null) {
      throw refuse(
        'COUNTS_NOT_CONFIRMED',
        `测评 ${v.voteId} 的计票结果（${c.enteredBy} 录入）尚未经第二人确认，不能结束 / the counts of vote ${v.voteId} (entered by ${c.enteredBy}) are not confirmed by a second person yet`,
      );
    }
    const checked = this.checked(v, members, c.counts, c.invalid);
    const out = new Map<string, number>();
    for (const o of v.profile.optionSet.options) out.set(o.key, checked.counts[o.key] ?? 0);
    out.set(INVALID, checked.invalid);
    return out;
  }

  private reply(voteId: number): HandCountsReply {
    const row = this.latest()!;
    const c = handCountsOf(this.db, voteId) as HandCountsRow;
    return {
      voteId,
      method: row.method,
      pressed: Object.values(c.counts).reduce((a, n) => a + n, c.invalid),
      counts: c.counts,
      invalid: c.invalid,
      enteredBy: c.enteredBy,
      enteredAt: c.enteredAt,
      confirmedBy: c.confirmedBy,
      confirmedAt: c.confirmedAt,
    };
  }
}
