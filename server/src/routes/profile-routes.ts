import {
  describeProfile,
  ErrorBody,
  parseProfileDocument,
  ProfileCheckBody,
  ProfileCheckReply,
  ProfileLibraryReply,
  ProfileProblemSchema,
  ProfileSaveBody,
  ProfileSaveReply,
  ProfilesReply,
  resultFields,
  tally,
  type Profile,
} from '@hall/shared';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ProfileDocumentRefusal } from '../profiles/profile-problems';
import { typed, type RouteContext } from './types';

/** A refused document: the usual error fields, and every problem by its JSON path. */
const ProfileRefusalBody = Type.Object({
  ...ErrorBody.properties,
  problems: Type.Optional(Type.Array(ProfileProblemSchema)),
});

type CheckReply = Static<typeof ProfileCheckReply>;

/**
 * The hall's profiles (issue 14, profiles/profile-library.ts): the list a vote is opened from,
 * the library with its versions, saving a document (a new version, never a change), and trying
 * a document on sample counts before saving (changes nothing).
 */
export async function profileRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  const profiles = ctx.hall.profiles;
  r.get(
    '/api/profiles',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['profiles'],
        summary:
          'The profiles a vote may be opened under by id, whole: the built-in ones, then the latest version of each of the hall’s own',
        response: { 200: ProfilesReply },
      },
    },
    async () => profiles.latestProfiles(),
  );
  r.get(
    '/api/profiles/library',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['profiles'],
        summary:
          'Every profile and every saved version: built-in or not, latest, in use, who saved it, its rule in words',
        response: { 200: ProfileLibraryReply },
      },
    },
    async () => profiles.list(),
  );
  r.post(
    '/api/profiles',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['profiles'],
        summary:
          'Save a profile document: version 1 of a new id, or the next version of an existing one (a saved version never changes)',
        body: ProfileSaveBody,
        response: { 200: ProfileSaveReply, 409: ErrorBody, 422: ProfileRefusalBody },
      },
    },
    async (req, reply) => {
      try {
        return profiles.save(req.body.profile, req.principal!.username);
      } catch (e) {
        if (e instanceof ProfileDocumentRefusal) return reply.status(422).send(e.body);
        throw e;
      }
    },
  );
  r.post(
    '/api/profiles/check',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['profiles'],
        summary:
          'Check a profile document: its problems by JSON path, its rule in words, and a sample decided under it (nothing is saved)',
        body: ProfileCheckBody,
        response: { 200: ProfileCheckReply },
      },
    },
    async (req) => {
      const problems = profiles.problems(req.body.profile);
      if (problems.length > 0) return { valid: false, problems, rules: [] };
      const profile = parseProfileDocument(req.body.profile);
      const out: CheckReply = { valid: true, problems: [], rules: describeProfile(profile) };
      if (req.body.sample) Object.assign(out, trySample(profile, req.body.sample));
      return out;
    },
  );
}

/** The sample decided under `profile`, or why its numbers cannot be decided (never a 5xx). */
function trySample(
  profile: Profile,
  sample: NonNullable<Static<typeof ProfileCheckBody>['sample']>,
): Pick<CheckReply, 'result' | 'sampleError'> {
  try {
    const r = tally(profile, {
      members: sample.members,
      present: sample.present,
      counts: sample.counts,
      invalid: sample.invalid ?? 0,
    });
    return { result: { ...resultFields(r), passed: r.passed } };
  } catch (e) {
    return { sampleError: e instanceof Error ? e.message : String(e) };
  }
}
