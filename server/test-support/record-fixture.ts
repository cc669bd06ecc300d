import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedProfile, tally } from '@hall/shared';
import { openDb } from '../src/db/open-db';
import { RecordService, type AnnouncedVote } from '../src/records/record-service';

// Shared by the RecordService tests (server/src/records/record-*.test.ts): a service over a fresh
// data directory, the two-person correction, and an announced vote to seal.

/** What the hall stored about every vote of these tests: 60 members, 50 present, 50 pressed. */
export const FACTS = { members: 60, presentAtClose: 50, pressed: 50 };

export function service(now = new Date('2026-11-26T10:00:00Z'), facts = FACTS) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-records-'));
  const db = openDb(dir);
  const records = new RecordService(
    db,
    dir,
    () => now,
    undefined,
    (voteId) => ({
      voteId,
      ...facts,
    }),
  );
  return { dir, db, records };
}

/** The two-person correction: the secretariat proposes, the chair (another login) confirms. */
export const correctIn =
  (records: RecordService) => (seq: number, input: Parameters<RecordService['propose']>[1]) =>
    records.confirm(records.propose(seq, input, 'secretariat').id, 'chair');

export function announced(
  voteId: number,
  counts: Record<string, number>,
  over: Partial<AnnouncedVote> = {},
): AnnouncedVote {
  const profile = seedProfile('anhui-2013')!;
  return {
    hall: '常委会会议厅',
    sessionId: 1,
    voteId,
    itemId: null,
    title: `第${voteId}项`,
    organ: '省人民政府',
    profile,
    result: tally(profile, { members: 60, present: 50, counts, invalid: 0 }),
    openedAt: '2026-11-26T09:00:00.000Z',
    closedAt: '2026-11-26T09:01:00.000Z',
    announcedAt: '2026-11-26T09:02:00.000Z',
    method: 'keypads',
    roster: 'committee',
    ...over,
  };
}
