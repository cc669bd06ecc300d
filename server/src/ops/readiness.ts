import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadyReply } from '@hall/shared';
import { probeDatabase } from '../db/snapshot';
import type { Hall } from '../hall';
import { KEY_FILE, publicKeyBase64, signBytes, verifyBytes, type HallKey } from '../records/keys';

const PROBE = Buffer.from('hall readiness probe');

/**
 * Whether the signing key can sign now, and is the one in the key directory: a key directory
 * gone (unmounted, removed) would make the next start sign with a new key, so it is not ready.
 */
export function signingKeyState(key: HallKey, keyDir: string): ReadyReply['signingKey'] {
  try {
    const pub = createPublicKey(key.privateKey);
    if (!verifyBytes(pub, PROBE, signBytes(key.privateKey, PROBE))) {
      return { ok: false, error: 'unusable' };
    }
  } catch {
    return { ok: false, error: 'unusable' };
  }
  const file = path.join(keyDir, KEY_FILE);
  if (!existsSync(file)) return { ok: false, error: 'missing' };
  try {
    const onDisk = publicKeyBase64(createPublicKey(createPrivateKey(readFileSync(file))));
    return onDisk === key.publicKey ? { ok: true } : { ok: false, error: 'different' };
  } catch {
    return { ok: false, error: 'unusable' };
  }
}

/**
 * Readiness (`GET /api/ready`, issue 12): the database answers a read and takes a write lock
 * (and the last press commit succeeded),
 * every bus's line is open, the signing key signs and is in HALL_KEY_DIR. Public like
 * `/api/health`, so it says nothing but bus ids, drivers and fixed codes.
 */
export function readiness(hall: Hall): ReadyReply {
  // A press commit failing now (disk full, read-only directory: issue 15) is not ready, even
  // where the probe's empty transaction still succeeds (it writes no journal).
  const database = hall.presses.storageFault
    ? { ok: false, error: 'failed' as const }
    : probeDatabase(hall.db);
  const buses = hall.hardware.health(false).buses.map((b) => ({
    id: b.bus,
    driver: b.kind,
    ok: b.up,
    ...(b.up ? {} : { error: 'down' as const }),
  }));
  const signingKey = signingKeyState(hall.records.key, hall.options.keyDir);
  return {
    ready: database.ok && buses.every((b) => b.ok) && signingKey.ok,
    database,
    buses,
    signingKey,
  };
}
