import {
  describeProfile,
  parseProfileDocument,
  profileDocument,
  seedProfile,
  SEED_PROFILES,
  type Profile,
  type ProfileLibraryEntry,
} from '@hall/shared';
import type { Db } from '../db/open-db';
import { invalid, refuse } from '../errors';
import { canonicalHash } from '../records/canonical';
import type { ProfileResolver } from '../votes/vote-ports';
import { ProfileDocumentRefusal, profileProblems } from './profile-problems';
import { ProfileStore, type StoredProfile } from './profile-store';

/** A profile compared by content, whether or not it names its format (read as hall-profile/1). */
const sameContent = (a: Profile, b: Profile) => {
  const { format: _a, ...restA } = a;
  const { format: _b, ...restB } = b;
  return canonicalHash(restA) === canonicalHash(restB);
};

const key = (id: string, version: number) => `${id}\u0000${version}`;

/**
 * The hall's profiles (issue 14, CONTRACT.md §1 "profile document"): the three built-in seed
 * profiles (never edited: a secretariat copies one under a new id) and the hall's own, every
 * save a new version (profiles/profile-store.ts is append-only). A vote opens under
 * - an id: the built-in profile, or the hall's own at its LATEST version;
 * - a whole document: checked (every problem named by its JSON path). A document that carries a
 *   library id without matching any of its versions (an edited `profile show` output) is
 *   accepted as the document it is, and logged; it is never taken for that library entry.
 * Either way the vote records the whole document it was decided under (`votes.profile_json`).
 */
export class ProfileLibrary implements ProfileResolver {
  private readonly store: ProfileStore;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
    /** Told when a vote's document borrows a library id (hall.ts logs it). */
    private readonly onBorrowed: (p: Profile) => void = () => {},
  ) {
    this.store = new ProfileStore(db);
  }

  resolve(ref: string | Record<string, unknown>): Profile {
    if (typeof ref === 'string') return this.byId(ref);
    const p = this.document(ref);
    if (this.borrows(p)) this.onBorrowed(p);
    return p;
  }

  /**
   * Whether a document carries the id of a built-in profile or of a saved one while matching
   * none of its versions (an edited `profile show` output, CONTRACT.md §1). It is accepted: the
   * vote and its sealed record carry the whole document, and `inUse` is decided by content, so
   * no library entry is taken for it.
   */
  borrows(p: Profile): boolean {
    const seed = seedProfile(p.id);
    if (seed) return !sameContent(seed, p);
    const saved = this.store.versions(p.id).map(parsed);
    return saved.length > 0 && !saved.some((s) => sameContent(s, p));
  }

  /** The built-in profile of this id, or the hall's own at its latest version. */
  private byId(id: string): Profile {
    const seed = seedProfile(id);
    if (seed) return seed;
    const row = this.store.latest(id);
    if (row) return parsed(row);
    const known = [...SEED_PROFILES.map((p) => p.id), ...this.hallIds()].join(', ');
    throw invalid(
      'UNKNOWN_PROFILE',
      `未知的测评办法“${id}”（可用：${known}） / unknown profile "${id}" (known: ${known})`,
    );
  }

  /** `data` as a profile the hall can run, or refused with every problem by its JSON path. */
  private document(data: unknown): Profile {
    const problems = profileProblems(data);
    if (problems.length > 0) throw new ProfileDocumentRefusal(problems);
    return parseProfileDocument(data);
  }

  /**
   * Save `data` as the hall's own profile: version 1 of a new id, or the next version of an
   * existing one (a saved version is never changed: editing makes a new version). The stored
   * document names its format and carries the version it was given. A built-in id is refused:
   * copy the profile under a new id.
   */
  save(data: unknown, by: string): { id: string; version: number } {
    const p = this.document(data);
    if (seedProfile(p.id)) {
      throw refuse(
        'PROFILE_BUILT_IN',
        `测评办法 ${p.id} 是内置的，不能修改：请复制后另取 id 保存 / ${p.id} is a built-in profile and cannot be changed: copy it under a new id`,
      );
    }
    const version = this.store.append(
      p.id,
      (v) => JSON.stringify(profileDocument({ ...p, version: v })),
      this.now().toISOString(),
      by,
    );
    return { id: p.id, version };
  }

  /** Every problem of `data` as a document the hall can save and open a vote under. */
  problems(data: unknown) {
    return profileProblems(data);
  }

  /** The profiles a vote may be opened under by id: the built-ins, then each own id's latest. */
  latestProfiles(): Profile[] {
    const latest = new Map<string, StoredProfile>();
    for (const row of this.store.all()) latest.set(row.profileId, row); // by version, ascending
    return [...SEED_PROFILES, ...[...latest.values()].map(parsed)];
  }

  /**
   * The library as the secretariat sees it: the built-ins, then every saved version, each with
   * whether it is its id's latest, whether some vote was opened under exactly it (decided from
   * the parsed id and version of every `votes.profile_json`), who saved it, and its rule in words.
   */
  list(): ProfileLibraryEntry[] {
    const used = this.inUse();
    const rows = this.store.all();
    const top = new Map<string, number>();
    for (const r of rows) top.set(r.profileId, Math.max(top.get(r.profileId) ?? 0, r.version));
    const entry = (
      p: Profile,
      builtIn: boolean,
      latest: boolean,
      createdAt: string | null,
      createdBy: string | null,
    ): ProfileLibraryEntry => ({
      id: p.id,
      version: p.version,
      builtIn,
      latest,
      inUse: used.has(key(p.id, p.version)),
      createdAt,
      createdBy,
      rules: describeProfile(p),
      profile: p,
    });
    return [
      ...SEED_PROFILES.map((p) => entry(p, true, true, null, null)),
      ...rows.map((r) =>
        entry(parsed(r), false, top.get(r.profileId) === r.version, r.createdAt, r.createdBy),
      ),
    ];
  }

  /**
   * id + version of every library profile some vote was opened under: the vote's document must
   * BE that version (a document that only borrows its id and version is not it).
   */
  private inUse(): Set<string> {
    const byKey = new Map<string, Profile>();
    for (const p of SEED_PROFILES) byKey.set(key(p.id, p.version), p);
    for (const r of this.store.all()) byKey.set(key(r.profileId, r.version), parsed(r));
    const used = new Set<string>();
    for (const json of this.store.voteProfileJsons()) {
      try {
        const p = JSON.parse(json) as Profile;
        if (typeof p.id !== 'string' || typeof p.version !== 'number') continue;
        const k = key(p.id, p.version);
        const entry = byKey.get(k);
        if (entry && sameContent(entry, p)) used.add(k);
      } catch {
        // Not JSON: no vote is opened with such a profile; nothing is in use by it.
      }
    }
    return used;
  }

  private hallIds(): string[] {
    return [...new Set(this.store.all().map((r) => r.profileId))];
  }
}

/** A stored version as a profile (the hall wrote it after checking it). */
function parsed(row: StoredProfile): Profile {
  return JSON.parse(row.json) as Profile;
}
