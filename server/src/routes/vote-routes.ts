import {
  ErrorBody,
  ProfilesReply,
  ResultDocumentSchema,
  SEED_PROFILES,
  VoteIdParams,
  VoteOpenBody,
  VoteOpenReply,
  VoteResultReply,
  VoteStatusReply,
} from '@hall/shared';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { FIELD, requireSafeText } from '../text/safe-text';
import { typed, type RouteContext } from './types';

export async function voteRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  const votes = ctx.hall.votes;
  r.get(
    '/api/profiles',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['votes'],
        summary: 'The built-in rule profiles a vote may be opened under, whole',
        response: { 200: ProfilesReply },
      },
    },
    async () => [...SEED_PROFILES],
  );
  r.post(
    '/api/votes',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['votes'],
        summary: 'Open a vote (refused if one is open or the quorum is not met)',
        body: VoteOpenBody,
        response: { 200: VoteOpenReply, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      requireSafeText(req.body.title, FIELD.voteTitle);
      return { voteId: votes.open(req.body) };
    },
  );
  r.get(
    '/api/votes/latest',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['votes'],
        summary: 'The latest vote: state, present, pressed (no split while open)',
        response: { 200: VoteStatusReply, 404: ErrorBody },
      },
    },
    async () => votes.status(),
  );
  r.post(
    '/api/votes/latest/close',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['votes'],
        summary: 'Close the open vote and return its result',
        response: { 200: VoteResultReply, 409: ErrorBody },
      },
    },
    async () => votes.close(),
  );
  r.post(
    '/api/votes/latest/announce',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['votes'],
        summary: 'Announce the latest closed vote (the hall display shows it)',
        response: { 200: VoteResultReply, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async () => votes.announce(),
  );
  r.get(
    '/api/votes/:voteId/result',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['votes'],
        summary: "A closed vote's result (refused while it is open)",
        params: VoteIdParams,
        response: { 200: VoteResultReply, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => votes.result(req.params.voteId),
  );
  r.get(
    '/api/votes/:voteId/document',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['votes'],
        summary: 'The announced result document (the body of the future signed record)',
        params: VoteIdParams,
        response: { 200: ResultDocumentSchema, 404: ErrorBody },
      },
    },
    async (req) => votes.document(req.params.voteId) as Static<typeof ResultDocumentSchema>,
  );
}
