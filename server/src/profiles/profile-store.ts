import type { Db } from '../db/open-db';

/** One saved version of one of the hall's own profiles (a row of `hall_profiles`). */
export interface StoredProfile {
  profileId: string;
  version: number;
  /** The document as saved (JSON text): what `profile: "<id>"` opens a vote under. */
  json: string;
  createdAt: string;
  createdBy: string;
}

interface Row {
  profile_id: string;
  version: number;
  json: string;
  created_at: string;
  created_by: string;
}

const stored = (r: Row): StoredProfile => ({
  profileId: r.profile_id,
  version: r.version,
  json: r.json,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/**
 * The SQL of the hall's own profiles (db/migrations/005-evaluation-forms.ts `hall_profiles`):
 * append-only, one row per (profile_id, version). There is no update and no delete here, and
 * the table's triggers refuse both (a vote decided under a version keeps pointing at what it
 * was, DOMAIN.md "a profile is data"; the vote records the whole document too).
 */
export class ProfileStore {
  constructor(private readonly db: Db) {}

  /** Every saved version, by id then version. */
  all(): StoredProfile[] {
    const rows = this.db
      .prepare('SELECT * FROM hall_profiles ORDER BY profile_id, version')
      .all() as Row[];
    return rows.map(stored);
  }

  /** The newest version of `profileId`, or undefined when the hall has none of that id. */
  latest(profileId: string): StoredProfile | undefined {
    const row = this.db
      .prepare('SELECT * FROM hall_profiles WHERE profile_id = ? ORDER BY version DESC LIMIT 1')
      .get(profileId) as Row | undefined;
    return row ? stored(row) : undefined;
  }

  /** Every version of `profileId`, oldest first. */
  versions(profileId: string): StoredProfile[] {
    const rows = this.db
      .prepare('SELECT * FROM hall_profiles WHERE profile_id = ? ORDER BY version')
      .all(profileId) as Row[];
    return rows.map(stored);
  }

  /**
   * Add the next version of `profileId` (1 for a new id, else the highest + 1), its document
   * made by `json(version)`. One transaction: two saves of one id never get the same version
   * (the primary key would refuse the second anyway).
   */
  append(
    profileId: string,
    json: (version: number) => string,
    createdAt: string,
    createdBy: string,
  ): number {
    return this.db
      .transaction(() => {
        const { top } = this.db
          .prepare('SELECT MAX(version) AS top FROM hall_profiles WHERE profile_id = ?')
          .get(profileId) as { top: number | null };
        const version = (top ?? 0) + 1;
        this.db
          .prepare(
            'INSERT INTO hall_profiles (profile_id, version, json, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
          )
          .run(profileId, version, json(version), createdAt, createdBy);
        return version;
      })
      .immediate();
  }

  /** The distinct profile documents votes were opened under (`votes.profile_json`). */
  voteProfileJsons(): string[] {
    return (
      this.db.prepare('SELECT DISTINCT profile_json AS j FROM votes').all() as { j: string }[]
    ).map((r) => r.j);
  }
}
