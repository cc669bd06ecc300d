import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedProfile, tally } from '@hall/shared';
import { loadOrCreateKey, type HallKey } from '../src/records/keys';
import type { RecordBody, SealedRecord } from '@hall/shared';
import { decided } from '../src/records/decided';
import { sealRecord } from '../src/records/seal';

/** A fresh hall key in a temporary data directory (tests only). */
export function tempKey(): HallKey {
  return loadOrCreateKey(mkdtempSync(path.join(tmpdir(), 'hall-key-')));
}

/** A record body decided by the real tally, as the server would build it at announcement. */
export function bodyFor(
  voteId: number,
  profileId: string,
  counts: Record<string, number>,
  numbers = { members: 62, present: 55, invalid: 1 },
): RecordBody {
  const profile = seedProfile(profileId)!;
  const r = tally(profile, { ...numbers, counts });
  const minute = String(voteId).padStart(2, '0');
  return {
    hall: '常委会会议厅',
    sessionId: 1,
    voteId,
    title: `省人民政府关于第${voteId}项工作情况的报告`,
    organ: '省人民政府',
    profile,
    ...decided(r),
    openedAt: `2026-11-26T09:${minute}:00.000Z`,
    closedAt: `2026-11-26T09:${minute}:30.000Z`,
    announcedAt: `2026-11-26T09:${minute}:45.500Z`,
    corrects: null,
    reevaluates: null,
  };
}

/** Three sealed records in a chain, one per seed profile. */
export function sampleChain(key: HallKey): SealedRecord[] {
  const bodies = [
    bodyFor(1, 'anhui-2013', { satisfied: 31, 'basically-satisfied': 10, unsatisfied: 13 }),
    bodyFor(2, 'zizhou', { satisfied: 12, 'basically-satisfied': 2, unsatisfied: 40 }),
    bodyFor(3, 'shenzhen-2011', { satisfied: 20, 'basically-satisfied': 13, unsatisfied: 21 }),
  ];
  const chain: SealedRecord[] = [];
  for (const b of bodies) chain.push(sealRecord(b, chain.at(-1) ?? null, key));
  return chain;
}
