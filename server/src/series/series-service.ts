import {
  DomainError,
  isDomainError,
  type Profile,
  type SealedRecord,
  type SeriesCreateBody,
  type SeriesReply,
  type SeriesSummaryReply,
} from '@hall/shared';
import type { Logger } from 'pino';
import type { Db } from '../db/open-db';
import { notFound, refuse, ServiceError } from '../errors';
import type { SessionService } from '../sessions/session-service';
import { requireSafeText, type FieldName } from '../text/safe-text';
import type { ProfileResolver } from '../votes/vote-ports';
import { supportedProfile } from '../votes/vote-profiles';
import type { VoteService } from '../votes/vote-service';
import { itemOrgan } from '../votes/vote-store';
import {
  insertSeries,
  seriesOfSession,
  seriesOfVote,
  seriesRow,
  subjectsOf,
  subjectVotes,
  type SeriesRow,
  type SubjectRow,
  type SubjectVote,
} from './series-store';
import { seriesSummary } from './series-summary';

const SERIES_TITLE: FieldName = { zh: '系列名称', en: 'series title' };
const subjectField = (i: number): FieldName => ({
  zh: `第 ${i} 个测评对象的名称`,
  en: `title of subject ${i}`,
});

/** What an auto-advance did after a subject closed (tests and the log wait on it). */
export type AutoAdvance =
  | { seriesId: number; opened: { index: number; voteId: number } }
  | { seriesId: number; done: true }
  | { seriesId: number; refused: { code: string; message: string } };

export interface SeriesServiceDeps {
  db: Db;
  sessions: SessionService;
  votes: VoteService;
  /** The latest sealed record of a vote, corrections included (RecordService.forVote). */
  recordOf: (voteId: number) => SealedRecord;
  /** The hall's profiles (the library when there is one); asked at each creation. */
  profiles: () => ProfileResolver;
  now: () => Date;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Something visible changed: the consoles' state push. */
  changed: () => void;
}

/**
 * Many subjects in a row (issue 14; 第二篇 群众评议: a branch, then each of its 33 members) and the
 * departments of one report (安徽 第十四条: "专项工作涉及两个以上政府部门职责的…可以对相关部门履行职责
 * 情况进行满意度测评"). Each subject is an ordinary vote with its own result and sealed record;
 * the profile of each is FIXED when the series is created (a later edit of a library profile
 * changes no subject). The chair advances with one action (`next`: announce the closed subject,
 * open the next), or, when the series auto-advances, the next opens when the previous closes.
 */
export class SeriesService {
  private readonly listeners = new Set<(a: AutoAdvance) => void>();

  constructor(private readonly deps: SeriesServiceDeps) {}

  /** Create a series in the current sitting; every subject's profile resolved and fixed now. */
  create(body: SeriesCreateBody, by: string): SeriesReply {
    const { db, sessions } = this.deps;
    const sessionId = sessions.requireCurrent();
    requireSafeText(body.title, SERIES_TITLE);
    if (body.kind === 'departments' && body.itemId === undefined) {
      throw refuse(
        'SERIES_ITEM_REQUIRED',
        '各部门测评须指明所属议程（同一专项工作报告） / a departments series needs the agenda item (the one report) its departments belong to',
      );
    }
    const itemId = body.itemId === undefined ? null : sessions.item(body.itemId).itemId;
    const resolver = this.deps.profiles();
    const subjects = body.subjects.map((x, i) => {
      requireSafeText(x.title, subjectField(i + 1));
      return { title: x.title, profile: this.fixProfile(resolver, x.profile, i + 1) };
    });
    const seriesId = insertSeries(db, {
      sessionId,
      itemId,
      kind: body.kind,
      title: body.title,
      autoAdvance: body.autoAdvance ?? false,
      method: body.method ?? 'keypads',
      durationSeconds: body.durationSeconds ?? null,
      createdAt: this.deps.now().toISOString(),
      createdBy: by,
      subjects,
    });
    this.deps.changed();
    return this.get(seriesId);
  }

  /** The profile a subject is evaluated under, resolved once; a refusal names the subject. */
  private fixProfile(
    resolver: ProfileResolver,
    ref: string | Record<string, unknown>,
    index: number,
  ): Profile {
    try {
      return supportedProfile(resolver.resolve(ref));
    } catch (e) {
      const where = `第 ${index} 个测评对象 / subject ${index}: `;
      if (e instanceof ServiceError)
        throw new ServiceError(e.statusCode, e.code, where + e.message);
      if (isDomainError(e)) throw new DomainError(e.code, where + e.message);
      throw e;
    }
  }

  /** The current sitting's series, in creation order (none without a sitting). */
  list(): SeriesReply[] {
    const sessionId = this.deps.sessions.currentId();
    if (sessionId === null) return [];
    return seriesOfSession(this.deps.db, sessionId).map((s) => this.reply(s));
  }

  get(seriesId: number): SeriesReply {
    return this.reply(this.requireSeries(seriesId));
  }

  /** The series summary, from the announced subjects' latest sealed records only. */
  summary(seriesId: number, decimals = 0): SeriesSummaryReply {
    const s = this.requireSeries(seriesId);
    const { db } = this.deps;
    return seriesSummary(
      s,
      itemOrgan(db, s.item_id),
      subjectsOf(db, seriesId),
      subjectVotes(db, seriesId),
      this.deps.recordOf,
      decimals,
    );
  }

  /**
   * The chair's one action: with no vote open, announce the series' closed subject (if it is
   * the hall's latest vote and not yet announced), then open the next subject. Refused while a
   * vote is open, when every subject has been opened (SERIES_DONE), for another sitting's series.
   */
  next(seriesId: number): { seriesId: number; index: number; voteId: number } {
    const s = this.requireSeries(seriesId);
    const { db, votes } = this.deps;
    if (s.session_id !== this.deps.sessions.currentId()) {
      throw refuse(
        'SERIES_OTHER_SESSION',
        `系列 ${seriesId} 属于另一次会议，不能继续 / series ${seriesId} belongs to another sitting`,
      );
    }
    const open = votes.current;
    if (open) {
      throw refuse(
        'VOTE_OPEN',
        `测评 ${open.voteId} 正在进行，请先结束 / vote ${open.voteId} is open; close it first`,
      );
    }
    const subjects = subjectsOf(db, seriesId);
    const byIndex = subjectVotes(db, seriesId);
    const subject = nextSubject(subjects, byIndex);
    if (!subject) {
      throw refuse(
        'SERIES_DONE',
        `系列 ${seriesId} 的测评对象均已测评（最后一项请直接公布） / every subject of series ${seriesId} has been opened (announce the last one as usual)`,
      );
    }
    this.announceClosedSubject(byIndex);
    const voteId = votes.open({
      title: `${s.title}：${subject.title}`,
      profile: subject.profile as unknown as Record<string, unknown>,
      method: s.method,
      ...(s.duration_seconds !== null ? { durationSeconds: s.duration_seconds } : {}),
      ...(s.item_id !== null ? { itemId: s.item_id } : {}),
      series: { seriesId, index: subject.idx },
    });
    return { seriesId, index: subject.idx, voteId };
  }

  /** Announce this series' closed subject when it is the hall's latest vote (announce's rule). */
  private announceClosedSubject(byIndex: Map<number, SubjectVote>): void {
    const latest = this.deps.votes.latestRow();
    for (const v of byIndex.values()) {
      if (v.state === 'closed' && latest?.vote_id === v.voteId) this.deps.votes.announce();
    }
  }

  /**
   * VoteEvents.settled (hall.ts): a subject of an auto-advancing series closed. Deferred, so it
   * runs after the close returned and never inside another call; a refusal (quorum lost, a vote
   * opened meanwhile) is logged and pushed, never thrown into the close path.
   */
  settled(voteId: number, state: 'closed' | 'announced' | 'abandoned'): void {
    if (state !== 'closed') return;
    const link = seriesOfVote(this.deps.db, voteId);
    if (!link) return;
    const s = seriesRow(this.deps.db, link.seriesId);
    if (!s || s.auto_advance !== 1) return;
    setImmediate(() => this.autoAdvance(s, voteId));
  }

  /** Listen to what auto-advances do (tests wait on it); returns the unsubscribe. */
  onAutoAdvance(l: (a: AutoAdvance) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private autoAdvance(s: SeriesRow, voteId: number): void {
    const seriesId = s.series_id;
    let outcome: AutoAdvance;
    try {
      const latest = this.deps.votes.latestRow();
      // Someone already acted (the chair's `next`, another vote): nothing to do. A subject the
      // chair announced meanwhile is still followed by the next one.
      const settledHere = latest?.state === 'closed' || latest?.state === 'announced';
      if (this.deps.votes.current || latest?.vote_id !== voteId || !settledHere) return;
      const pending = nextSubject(
        subjectsOf(this.deps.db, seriesId),
        subjectVotes(this.deps.db, seriesId),
      );
      if (!pending) {
        if (latest.state === 'closed') this.deps.votes.announce();
        outcome = { seriesId, done: true };
      } else {
        const opened = this.next(seriesId);
        outcome = { seriesId, opened: { index: opened.index, voteId: opened.voteId } };
      }
      this.deps.log.info({ seriesId, voteId }, 'series advanced');
    } catch (e) {
      const code = e instanceof ServiceError || isDomainError(e) ? e.code : 'INTERNAL';
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.warn({ seriesId, voteId, code }, `series could not advance: ${message}`);
      outcome = { seriesId, refused: { code, message } };
      this.deps.changed();
    }
    for (const l of this.listeners) l(outcome);
  }

  private requireSeries(seriesId: number): SeriesRow {
    const s = seriesRow(this.deps.db, seriesId);
    if (!s) throw notFound('SERIES_NOT_FOUND', `没有系列 ${seriesId} / no series ${seriesId}`);
    return s;
  }

  private reply(s: SeriesRow): SeriesReply {
    const { db } = this.deps;
    const subjects = subjectsOf(db, s.series_id);
    const byIndex = subjectVotes(db, s.series_id);
    return {
      seriesId: s.series_id,
      sessionId: s.session_id,
      title: s.title,
      kind: s.kind,
      itemId: s.item_id,
      organ: itemOrgan(db, s.item_id),
      autoAdvance: s.auto_advance === 1,
      method: s.method,
      subjects: subjects.map((x) => {
        const v = byIndex.get(x.idx);
        return {
          index: x.idx,
          title: x.title,
          profileId: x.profile.id,
          profileName: x.profile.name,
          voteId: v?.voteId ?? null,
          state: v?.state ?? 'pending',
          outcome: v?.state === 'announced' ? this.outcomeOf(v.voteId) : null,
        };
      }),
      next: nextSubject(subjects, byIndex)?.idx ?? null,
    };
  }

  /** The announced outcome, from the vote's latest sealed record (a correction included). */
  private outcomeOf(voteId: number): { id: string; label: { zh: string; en: string } } {
    const r = this.deps.recordOf(voteId);
    const o = r.profile.outcomes.find((x) => x.id === r.outcome);
    return { id: r.outcome, label: o?.label ?? { zh: r.outcome, en: r.outcome } };
  }
}

/**
 * The next subject to open: the first never opened, or whose latest vote was abandoned (the
 * equipment failed: it is evaluated again). Null when every subject has been opened.
 */
export function nextSubject(
  subjects: readonly SubjectRow[],
  byIndex: Map<number, SubjectVote>,
): SubjectRow | null {
  return (
    subjects.find((x) => {
      const v = byIndex.get(x.idx);
      return !v || v.state === 'abandoned';
    }) ?? null
  );
}
