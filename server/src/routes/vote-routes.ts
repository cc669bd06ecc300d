import {
  AbandonBody,
  AbandonReply,
  ErrorBody,
  HandCountsBody,
  HandCountsReply,
  ResultDocumentSchema,
  VoteIdParams,
  VoteOpenBody,
  VoteOpenReply,
  VoteResultReply,
  VoteStatusReply,
} from '@hall/shared';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/users';
import { FIELD, requireSafeText } from '../text/safe-text';
import { isOperatorToken } from '../votes/hand-counts';
import { typed, type RouteContext } from './types';

export async function voteRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  const votes = ctx.hall.votes;
  // GET /api/profiles: routes/profile-routes.ts (issue 14: the hall's own profiles too).
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
  // Issue 14: the hand-counted fallback (votes/hand-counts.ts) and abandoning (votes/abandon.ts).
  const countsBy = (p: Principal) => ({
    username: p.username,
    operator: isOperatorToken(p),
    issuedBy: isOperatorToken(p) ? null : ctx.accounts.issuedBy(p.username),
  });
  r.post(
    '/api/votes/latest/counts',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['votes'],
        summary:
          'Enter the counts taken by hand for the open paper or hands vote (replaces earlier counts and their confirmation; never more than the members present)',
        body: HandCountsBody,
        response: { 200: HandCountsReply, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => votes.hand.enter(req.body, countsBy(req.principal!)),
  );
  r.post(
    '/api/votes/latest/counts/confirm',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['votes'],
        summary:
          'Confirm the hand counts of the open vote: a second login, independent of the one who entered them',
        response: { 200: HandCountsReply, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => votes.hand.confirm(countsBy(req.principal!)),
  );
  r.get(
    '/api/votes/latest/counts',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['votes'],
        summary: "The latest paper or hands vote's hand counts, who entered and who confirmed them",
        response: { 200: HandCountsReply, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async () => votes.hand.latestCounts(),
  );
  r.post(
    '/api/votes/latest/abandon',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['votes'],
        summary:
          'Abandon the open vote with the reason (the equipment failed): its ballots are destroyed unread, nothing is counted',
        body: AbandonBody,
        response: { 200: AbandonReply, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => votes.abandon(req.body.reason),
  );
}
