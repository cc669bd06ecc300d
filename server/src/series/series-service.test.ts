import { anhui2013, type Profile } from '@hall/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { checkIn, hallFixture, silentLog, type HallFixture } from '../../test-support/hall-fixture';
import type { ProfileResolver } from '../votes/vote-ports';
import { nextSubject, SeriesService } from './series-service';
import {
  seriesOfVote,
  subjectsOf,
  subjectVotes,
  type SubjectRow,
  type SubjectVote,
} from './series-store';

/** The series store and service on a hall without HTTP (series-routes.test.ts has the routes). */
let f: HallFixture;
afterEach(async () => {
  await f?.close();
});

/** A library whose `lib-x` is at version `v`: what `next` opens must not follow it. */
function library(v: { version: number }): ProfileResolver {
  return {
    resolve: (ref) => {
      if (ref !== 'lib-x') throw new Error(`unknown ${String(ref)}`);
      const p: Profile = { ...anhui2013, id: 'lib-x', version: v.version };
      return p;
    },
  };
}

function service(profiles: ProfileResolver): SeriesService {
  const hall = f.hall;
  return new SeriesService({
    db: hall.db,
    sessions: hall.sessions,
    votes: hall.votes,
    recordOf: (voteId) => hall.records.forVote(voteId),
    profiles: () => profiles,
    now: () => new Date(),
    log: silentLog,
    changed: () => {},
  });
}

const body = {
  title: '评议',
  kind: 'subjects' as const,
  subjects: [
    { title: '甲', profile: 'lib-x' },
    { title: '乙', profile: 'lib-x' },
  ],
};

describe('SeriesService', () => {
  it('fixes each profile at creation: a later version in the library changes no subject', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const lib = { version: 1 };
    const s = service(library(lib)).create(body, 'secretariat');
    expect(s.subjects.map((x) => x.profileId)).toEqual(['lib-x', 'lib-x']);
    lib.version = 2;
    const opened = service(library(lib)).next(s.seriesId);
    expect(opened).toMatchObject({ index: 1 });
    const row = f.hall.votes.latestRow()!;
    expect((JSON.parse(row.profile_json) as Profile).version).toBe(1);
    expect(row).toMatchObject({ series_id: s.seriesId, series_index: 1, title: '评议：甲' });
    expect(seriesOfVote(f.hall.db, row.vote_id)).toEqual({ seriesId: s.seriesId, index: 1 });
    expect(subjectsOf(f.hall.db, s.seriesId).map((x) => x.profile.version)).toEqual([1, 1]);
    expect([...subjectVotes(f.hall.db, s.seriesId)]).toEqual([
      [1, { voteId: row.vote_id, state: 'open' }],
    ]);
  });

  it('refuses without a sitting, and names the subject whose profile cannot be run', async () => {
    f = await hallFixture();
    const lib = library({ version: 1 });
    expect(() => service(lib).create(body, 's')).toThrow(
      expect.objectContaining({ code: 'NO_SESSION' }),
    );
    f.hall.startSession('会议');
    const changing = { ...anhui2013, id: 'x', allowChangeBeforeClose: true };
    const series = f.hall.series; // the hall's resolver: built-in ids and documents
    const bad = {
      ...body,
      subjects: [
        { title: '甲', profile: 'anhui-2013' },
        { title: '乙', profile: changing },
      ],
    };
    expect(() => series.create(bad, 's')).toThrow(
      expect.objectContaining({ statusCode: 422 }), // INVALID_PROFILE or CHANGE_NOT_SUPPORTED
    );
    expect(() => series.create(bad, 's')).toThrow(/^第 2 个测评对象 \/ subject 2: /);
    const unknown = { ...body, subjects: [{ title: '甲', profile: 'nope' }] };
    expect(() => series.create(unknown, 's')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PROFILE' }),
    );
    expect(f.hall.series.list()).toEqual([]);
  });

  it('ignores a closed vote that is no subject, and a series that does not auto-advance', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const events: unknown[] = [];
    f.hall.series.onAutoAdvance((a) => events.push(a));
    f.hall.votes.open({ title: '单独测评', profile: 'anhui-2013' });
    f.hall.votes.close();
    const s = f.hall.series.create(
      { ...body, subjects: [{ title: '甲', profile: 'anhui-2013' }] },
      's',
    );
    f.hall.series.next(s.seriesId);
    f.hall.votes.close();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]);
    expect(f.hall.series.get(s.seriesId).subjects[0]!.state).toBe('closed');
  });
});

describe('nextSubject', () => {
  const subjects: SubjectRow[] = [1, 2, 3].map((idx) => ({
    idx,
    title: `s${idx}`,
    profile: anhui2013,
  }));
  it('is the first subject never opened, or whose latest vote was abandoned', () => {
    expect(nextSubject(subjects, new Map())?.idx).toBe(1);
    const votes = new Map<number, SubjectVote>([
      [1, { voteId: 1, state: 'announced' as const }],
      [2, { voteId: 2, state: 'closed' as const }],
    ]);
    expect(nextSubject(subjects, votes)?.idx).toBe(3);
    votes.set(2, { voteId: 2, state: 'abandoned' as const });
    expect(nextSubject(subjects, votes)?.idx).toBe(2);
    votes.set(2, { voteId: 4, state: 'announced' as const });
    votes.set(3, { voteId: 5, state: 'open' as const });
    expect(nextSubject(subjects, votes)).toBeNull();
  });
});
