import { isDeepStrictEqual } from 'node:util';
import { tally, validateProfile, type TallyResult } from '@hall/shared';
import { canonicalBytes, canonicalHash } from './canonical';
import { importPublicKey, keyFingerprint, verifyBytes } from './keys';

/** What `record verify` found (CONTRACT.md §1: `{valid, records, ...}`). */
export interface VerifyReport {
  valid: boolean;
  /** How many records were checked. */
  records: number;
  /** Whether the input was a whole chain (an array) whose links were checked. */
  chain: boolean;
  /** The public keys that signed, in order of first use. */
  publicKeys: string[];
  /**
   * Whether the signer was pinned with `--public-key`. Without it every check still runs, but a
   * chain re-signed with any key verifies: the report says so in `warnings`.
   */
  signerPinned: boolean;
  /** Things a person must check that the records alone cannot: who signed, more than one key. */
  warnings: string[];
  /** One line per problem, naming the record (`seq` or position) and what is wrong. */
  problems: string[];
}

/** The warnings of a report: an unpinned signer, and a chain signed by more than one key. */
export function verifyWarnings(publicKeys: readonly string[], pinned: boolean): string[] {
  const w: string[] = [];
  const keys = publicKeys.map((k) => `${k}（指纹 ${keyFingerprint(k)}）`).join('、');
  if (!pinned) {
    w.push(
      `未指定 --public-key：未核对签名者，任何密钥重新签名的记录链同样“有效”；请与本会场公布的公钥（key show）核对：${keys || '（无）'} / signer not pinned: without --public-key a chain re-signed with any key verifies too; compare the key(s) that signed with the hall's published key (key show): ${publicKeys.join(', ') || '(none)'}`,
    );
  }
  if (publicKeys.length > 1) {
    w.push(
      `记录由 ${publicKeys.length} 个不同的密钥签名：${keys} / the records are signed by ${publicKeys.length} different keys: ${publicKeys.join(', ')}`,
    );
  }
  return w;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Fields every record has, and what they must look like (CONTRACT.md §5). */
function structureProblems(r: Record<string, unknown>): string[] {
  const p: string[] = [];
  for (const f of ['hall', 'title', 'outcome'] as const)
    if (typeof r[f] !== 'string') p.push(`${f} must be a string`);
  for (const f of ['sessionId', 'voteId', 'members', 'present', 'invalid', 'notVoted'] as const) {
    if (!isCount(r[f])) p.push(`${f} must be a whole number`);
  }
  if (!isCount(r.seq) || r.seq < 1) p.push('seq must be 1, 2, ...');
  if (!(r.prevHash === null || (typeof r.prevHash === 'string' && HEX64.test(r.prevHash)))) {
    p.push('prevHash must be null or lower-case hex SHA-256');
  }
  for (const f of ['openedAt', 'closedAt', 'announcedAt'] as const) {
    if (typeof r[f] !== 'string' || !ISO_MS.test(r[f]) || Number.isNaN(Date.parse(r[f]))) {
      p.push(`${f} must be ISO 8601 UTC with milliseconds`);
    }
  }
  if (
    p.length === 0 &&
    !(
      (r.openedAt as string) <= (r.closedAt as string) &&
      (r.closedAt as string) <= (r.announcedAt as string)
    )
  ) {
    p.push('times out of order: openedAt ≤ closedAt ≤ announcedAt');
  }
  if (!isObject(r.counts) || !Object.values(r.counts).every(isCount))
    p.push('counts must map options to whole numbers');
  if (!Array.isArray(r.followUp)) p.push('followUp must be an array');
  if (!isObject(r.profile)) p.push('profile must be an object');
  if (r.corrects !== undefined && r.corrects !== null) {
    const c = r.corrects;
    if (
      !isObject(c) ||
      !isCount(c.seq) ||
      typeof c.hash !== 'string' ||
      !HEX64.test(c.hash) ||
      typeof c.reason !== 'string' ||
      c.reason.trim() === ''
    ) {
      p.push('corrects must be null or {seq, hash, reason}');
    } else {
      // Named by records sealed under the two-person rule; absent in older records.
      for (const f of ['proposedBy', 'confirmedBy'] as const) {
        if (c[f] !== undefined && (typeof c[f] !== 'string' || c[f].trim() === ''))
          p.push(`corrects.${f} must be a user name`);
      }
      if ((c.proposedBy === undefined) !== (c.confirmedBy === undefined))
        p.push('corrects names both proposedBy and confirmedBy, or neither');
      if (c.proposedBy !== undefined && c.proposedBy === c.confirmedBy)
        p.push('corrects.confirmedBy must be another person than corrects.proposedBy');
      const was = c.previousOutcome;
      if (
        was !== undefined &&
        !(
          isObject(was) &&
          typeof was.id === 'string' &&
          isObject(was.label) &&
          typeof was.label.zh === 'string' &&
          typeof was.label.en === 'string'
        )
      )
        p.push('corrects.previousOutcome must be {id, label: {zh, en}}');
    }
  }
  return p;
}

/**
 * In a whole chain, a correction must name an earlier record of the same vote by its true hash,
 * and no record may be corrected twice (the latest is what gets corrected).
 */
function correctionProblems(
  r: Record<string, unknown>,
  earlier: readonly unknown[],
  correctedSeqs: Set<number>,
): string[] {
  const c = r.corrects;
  if (!isObject(c) || !isCount(c.seq)) return [];
  const target = earlier.find((x) => isObject(x) && x.seq === c.seq);
  if (!isObject(target)) return [`corrects seq ${c.seq}, which is not earlier in the chain`];
  const p: string[] = [];
  if (target.voteId !== r.voteId) p.push(`corrects seq ${c.seq}, a record of another vote`);
  if (c.hash !== canonicalHash(target)) p.push(`corrects.hash does not match record ${c.seq}`);
  if (correctedSeqs.has(c.seq)) p.push(`record ${c.seq} is corrected twice`);
  if (isObject(c.previousOutcome) && c.previousOutcome.id !== target.outcome)
    p.push(`corrects.previousOutcome is not the outcome of record ${c.seq}`);
  correctedSeqs.add(c.seq);
  return p;
}

function signatureProblems(
  r: Record<string, unknown>,
  expectedKey: string | undefined,
  keys: string[],
): string[] {
  const s = r.signature;
  if (!isObject(s)) return ['signature missing'];
  const names = Object.keys(s).sort().join(',');
  if (names !== 'alg,publicKey,value') return ['signature must be exactly {alg, publicKey, value}'];
  if (s.alg !== 'Ed25519') return [`signature alg must be Ed25519 (got ${String(s.alg)})`];
  const key = typeof s.publicKey === 'string' ? importPublicKey(s.publicKey) : undefined;
  if (!key) return ['signature publicKey is not a base64 raw 32-byte Ed25519 key'];
  const pub = s.publicKey as string;
  if (!keys.includes(pub)) keys.push(pub);
  const { signature: _s, ...unsigned } = r;
  const problems: string[] = [];
  if (typeof s.value !== 'string' || !verifyBytes(key, canonicalBytes(unsigned), s.value)) {
    problems.push('signature does not verify');
  }
  if (expectedKey !== undefined && pub !== expectedKey)
    problems.push('signed by another key than --public-key');
  return problems;
}

/** Decide the counts again under the recorded profile: the outcome must follow from them. */
function retallyProblems(r: Record<string, unknown>): string[] {
  let result: TallyResult;
  try {
    const profile = validateProfile(r.profile);
    result = tally(profile, {
      members: r.members as number,
      present: r.present as number,
      counts: r.counts as Record<string, number>,
      invalid: r.invalid as number,
    });
  } catch (e) {
    return [`re-tally refused: ${e instanceof Error ? e.message : String(e)}`];
  }
  const p: string[] = [];
  if (result.outcome !== r.outcome)
    p.push(
      `outcome ${String(r.outcome)} does not follow from the counts (re-tally: ${result.outcome})`,
    );
  if (result.notVoted !== r.notVoted)
    p.push(`notVoted ${String(r.notVoted)} does not follow (re-tally: ${result.notVoted})`);
  if (r.valid !== undefined && result.valid !== r.valid)
    p.push(`valid ${String(r.valid)} does not follow (re-tally: ${result.valid})`);
  if (!isDeepStrictEqual(result.counts, r.counts))
    p.push('counts do not name exactly the options of the profile');
  if (!isDeepStrictEqual(result.followUp, r.followUp))
    p.push('followUp is not what the profile requires for the outcome');
  return p;
}

/**
 * Verify one record (signature and re-tally) or an array of records in chain order (also the
 * chain: seq 1, 2, ... without gaps, prevHash linking each to the one before).
 */
export function verifyRecords(input: unknown, options: { publicKey?: string } = {}): VerifyReport {
  const chain = Array.isArray(input);
  const list: unknown[] = chain ? input : [input];
  const problems: string[] = [];
  const publicKeys: string[] = [];
  const correctedSeqs = new Set<number>();
  if (chain && list.length === 0) problems.push('the chain is empty');
  if (options.publicKey !== undefined && !importPublicKey(options.publicKey)) {
    problems.push('--public-key is not a base64 raw 32-byte Ed25519 key');
  }
  list.forEach((item, i) => {
    const name =
      isObject(item) && isCount(item.seq) ? `record seq ${item.seq}` : `record #${i + 1}`;
    if (!isObject(item)) {
      problems.push(`${name}: not a JSON object`);
      return;
    }
    const structure = structureProblems(item);
    const found = [...structure, ...signatureProblems(item, options.publicKey, publicKeys)];
    if (structure.length === 0) found.push(...retallyProblems(item));
    if (item.seq === 1 && item.prevHash !== null) found.push('seq 1 must have prevHash null');
    if (chain) {
      if (structure.length === 0)
        found.push(...correctionProblems(item, list.slice(0, i), correctedSeqs));
      const prev = list[i - 1];
      if (i === 0 && item.seq !== 1)
        found.push(`a chain starts at seq 1 (got ${String(item.seq)})`);
      if (i > 0 && isObject(prev)) {
        if (item.seq !== (prev.seq as number) + 1)
          found.push(`seq ${String(item.seq)} does not follow ${String(prev.seq)}`);
        if (item.prevHash !== canonicalHash(prev))
          found.push('prevHash does not match the previous record');
      }
    }
    problems.push(...found.map((f) => `${name}: ${f}`));
  });
  const signerPinned = options.publicKey !== undefined;
  return {
    valid: problems.length === 0,
    records: list.length,
    chain,
    publicKeys,
    signerPinned,
    warnings: verifyWarnings(publicKeys, signerPinned),
    problems,
  };
}
