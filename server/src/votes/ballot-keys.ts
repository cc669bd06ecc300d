import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { destroyFile, ensurePrivateDir, writeFileDurably } from '../db/durable-file';
import { BALLOT_KEY_BYTES } from './ballot-box';

export interface BallotKeyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const FILE = /^ballot-([0-9a-f]{16,64})\.key(\.tmp)?$/;
const KEY_ID = /^[0-9a-f]{16,64}$/;

/**
 * The per-vote ballot keys in HALL_KEY_DIR (server/SECRECY.md): one file `ballot-<key id>.key`
 * (32 random bytes, 0600) per open vote, written durably before the vote's opening commits,
 * destroyed (zeros, fsync, unlink, fsync) once its close has committed. The key id is random and
 * stored in the vote's row; it names the file and says nothing about the key.
 */
export class BallotKeys {
  constructor(
    readonly dir: string,
    private readonly log: BallotKeyLog,
    /** Tests only: deterministic key ids (file names). The keys themselves are always random. */
    private readonly newKeyId: () => string = () => randomBytes(16).toString('hex'),
  ) {}

  private file(keyId: string): string {
    if (!KEY_ID.test(keyId)) throw new Error(`not a ballot key id: ${keyId}`);
    return path.join(this.dir, `ballot-${keyId}.key`);
  }

  /** Make a new key and put it on disk durably; only then may the vote's opening commit. */
  create(): { keyId: string; key: Buffer } {
    ensurePrivateDir(this.dir);
    const keyId = this.newKeyId();
    const file = this.file(keyId);
    if (existsSync(file)) throw new Error(`ballot key ${keyId} exists already`);
    const key = randomBytes(BALLOT_KEY_BYTES);
    writeFileDurably(file, key, 0o600);
    return { keyId, key };
  }

  /** The key of an open vote (at a restart: no person needed). */
  read(keyId: string): Buffer {
    const file = this.file(keyId);
    if (!existsSync(file)) {
      throw new Error(
        `测评的选票密钥 ${file} 不存在，无法继续或结束正在进行的测评 / the ballot key ${file} of the open vote is missing (HALL_KEY_DIR): the vote can neither continue nor be counted`,
      );
    }
    const key = readFileSync(file);
    if (key.length !== BALLOT_KEY_BYTES) throw new Error(`ballot key ${file} is damaged`);
    return key;
  }

  /** Destroy a vote's key after its close committed. Failure is logged; `sweep` retries at start. */
  destroy(keyId: string): void {
    try {
      destroyFile(this.file(keyId));
    } catch (err) {
      this.log.error(
        { err, keyId },
        'could not destroy a closed vote’s ballot key; removed at next start',
      );
    }
  }

  /**
   * At start: destroy every ballot key file that is not the open vote's (a crash between a
   * close's commit and the key's removal, or between writing a key and the opening's commit),
   * and any half-written one.
   */
  sweep(openKeyId: string | null): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const m = FILE.exec(name);
      if (!m) continue;
      if (m[1] === openKeyId && !m[2]) continue;
      destroyFile(path.join(this.dir, name));
      this.log.warn(
        { file: path.join(this.dir, name) },
        'destroyed a ballot key that belongs to no open vote (left by a crash)',
      );
    }
  }
}
