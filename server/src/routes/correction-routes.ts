import {
  CorrectionProposalSchema as Proposal,
  CorrectionsReply,
  ErrorBody,
  SealedRecordSchema,
  type Role,
} from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { typed, type RouteContext } from './types';

const Seq = Type.Object({ seq: Type.Integer({ minimum: 1 }) });
const READERS: Role[] = ['chair', 'secretariat'];
const ProposalId = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/**
 * Corrections of sealed records under the two-person rule (issue 10): the secretariat proposes,
 * a chair (another person) confirms, and only then is a new record sealed.
 */
export async function correctionRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { records } = ctx;
  const r = typed(app);
  r.post(
    '/api/records/:seq/corrections',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['records'],
        summary:
          'Propose a correction of a sealed record (the secretariat): checked against the facts the hall stored, kept pending until a chair confirms; nothing is sealed here',
        params: Seq,
        body: Type.Object(
          {
            // Numbers are checked by the tally itself, which names what is wrong (422), then
            // against the stored facts of the vote (members, present at close, seats pressed).
            members: Type.Integer(),
            present: Type.Integer(),
            counts: Type.Record(Type.String({ maxLength: 64 }), Type.Integer()),
            invalid: Type.Integer(),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            organ: Type.Optional(
              Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
            ),
            profile: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Proposal, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => records.propose(req.params.seq, req.body, req.principal!.username),
  );
  r.get(
    '/api/corrections',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary: 'Correction proposals: the pending ones, or all with ?all=true',
        querystring: Type.Object(
          { all: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: CorrectionsReply },
      },
    },
    async (req) => ({ proposals: records.proposals(req.query.all ?? false) }),
  );
  r.post(
    '/api/corrections/:id/confirm',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['records'],
        summary:
          'Confirm a correction proposal (a chair, not the proposer): sealed as a new record naming the record it corrects, the proposer and the confirmer',
        params: ProposalId,
        response: { 200: SealedRecordSchema, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const by = req.principal!.username;
      return records.confirm(req.params.id, by, ctx.accounts.issuedBy(by));
    },
  );
  r.post(
    '/api/corrections/:id/reject',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['records'],
        summary: 'Reject a correction proposal: nothing is sealed',
        params: ProposalId,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Proposal, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => records.reject(req.params.id, req.principal!.username, req.body.reason),
  );
}
