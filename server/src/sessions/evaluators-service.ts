import type { Evaluator } from '@hall/shared';
import type { Db } from '../db/open-db';
import { refuse } from '../errors';
import { EvaluatorsStore } from './evaluators-store';
import type { SessionService } from './session-service';

/** How many evaluators of each group, in the order the groups first appear. */
export function groupCounts(entries: readonly Evaluator[]): { group: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.group, (counts.get(e.group) ?? 0) + 1);
  return [...counts].map(([group, count]) => ({ group, count }));
}

/**
 * The invited evaluators of an evaluation meeting (issue 14; seed 第二篇: 42 evaluators, 两代表
 * 一委员 and 服务对象代表, rate a party branch and its members). They are the meeting's own
 * roster, stored per sitting (`evaluators`), never in the committee's `roster`. They may be
 * replaced until the first vote of the meeting opens; from then on the base of every vote of
 * the meeting is fixed.
 */
export class EvaluatorsService {
  private readonly store: EvaluatorsStore;

  constructor(
    private readonly db: Db,
    private readonly sessions: SessionService,
  ) {
    this.store = new EvaluatorsStore(db);
  }

  /** The current sitting's evaluators ([] for a committee sitting or none). */
  current(): Evaluator[] {
    const id = this.sessions.currentId();
    if (id === null || this.sessions.currentKind() !== 'evaluation') return [];
    return this.store.all(id);
  }

  /** Refuse unless the current sitting is an evaluation meeting whose votes have not begun. */
  requireReplaceable(): number {
    const id = this.sessions.requireCurrent();
    if (this.sessions.currentKind() !== 'evaluation') {
      throw refuse(
        'NOT_AN_EVALUATION_MEETING',
        '当前会议不是评议会议，不能导入评议人员（开始评议会议：session start --kind evaluation） / the current sitting is not an evaluation meeting: evaluators cannot be imported (session start --kind evaluation)',
      );
    }
    if (this.sessions.anyVoteOpened()) {
      throw refuse(
        'EVALUATORS_LOCKED',
        '本次评议会议已开始测评，评议人员名单不能再更改 / a vote of this evaluation meeting has opened: its evaluators can no longer change',
      );
    }
    return id;
  }

  /** Replace the current meeting's evaluators (checked rows: a bad file never gets here). */
  replace(entries: readonly Evaluator[]): {
    evaluators: number;
    groups: ReturnType<typeof groupCounts>;
  } {
    const id = this.requireReplaceable();
    this.db.transaction(() => this.store.replace(id, entries))();
    return { evaluators: entries.length, groups: groupCounts(entries) };
  }
}
