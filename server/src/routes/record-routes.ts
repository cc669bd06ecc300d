import { ErrorBody, type Role } from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordsCsv } from '../records/render/csv';
import { renderRecordPdf } from '../records/render/pdf';
import type { RecordService } from '../records/record-service';
import type { Hall } from '../hall';
import { refuse } from '../errors';
import { typed } from './types';

const Seq = Type.Object({ seq: Type.Integer({ minimum: 1 }) });
const VoteId = Type.Object({ voteId: Type.Integer({ minimum: 1 }) });
const Record = Type.Unknown({ description: 'a sealed record (CONTRACT.md §5)' });
const READERS: Role[] = ['chair', 'secretariat'];
const ProposalId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Proposal = Type.Object(
  {
    id: Type.Integer(),
    seq: Type.Integer(),
    hash: Type.String(),
    voteId: Type.Integer(),
    title: Type.String(),
    input: Type.Unknown(),
    previousOutcome: Type.String(),
    outcome: Type.String(),
    proposedBy: Type.String(),
    proposedAt: Type.String(),
    state: Type.Union([
      Type.Literal('pending'),
      Type.Literal('confirmed'),
      Type.Literal('rejected'),
    ]),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([Type.String(), Type.Null()]),
    sealedSeq: Type.Union([Type.Integer(), Type.Null()]),
    rejectReason: Type.Union([Type.String(), Type.Null()]),
  },
  { description: 'a correction proposal (pending until a chair confirms or rejects it)' },
);

/** Signed records, printouts, history and follow-up (issue 7). */
export async function recordRoutes(
  app: FastifyInstance,
  deps: { records: RecordService; hall: Hall },
) {
  const { records, hall } = deps;
  const r = typed(app);
  r.get(
    '/api/key',
    {
      config: { roles: ['chair', 'secretariat', 'technician'] },
      schema: {
        tags: ['records'],
        summary: "The hall's public signing key (raw 32-byte Ed25519, base64) and its fingerprint",
        response: { 200: Type.Object({ publicKey: Type.String(), fingerprint: Type.String() }) },
      },
    },
    async () => ({ publicKey: records.publicKey, fingerprint: records.fingerprint }),
  );
  r.get(
    '/api/records',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary: 'All sealed records in chain order',
        response: { 200: Type.Object({ records: Type.Array(Record) }) },
      },
    },
    async () => ({ records: records.all() }),
  );
  r.get(
    '/api/records/export.csv',
    {
      config: { roles: READERS },
      schema: { tags: ['records'], summary: 'All results as CSV (UTF-8)' },
    },
    async (_req, reply) => {
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="records.csv"');
      return recordsCsv(records.all());
    },
  );
  r.get(
    '/api/records/:seq',
    {
      config: { roles: READERS },
      schema: { tags: ['records'], params: Seq, response: { 200: Record, 404: ErrorBody } },
    },
    async (req) => records.get(req.params.seq),
  );
  r.get(
    '/api/records/:seq/pdf',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary: 'The printable report (PDF, Chinese)',
        produces: ['application/pdf'],
        params: Seq,
        response: { 200: Type.Unknown({ description: 'application/pdf' }), 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const pdf = await renderRecordPdf(records.get(req.params.seq), {
        records: records.all(),
        correctedBy: records.correctedBy(req.params.seq),
        chainHead: records.chainHead(),
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="record-${req.params.seq}.pdf"`);
      return pdf;
    },
  );
  r.get(
    '/api/votes/:voteId/record',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary: "A vote's sealed record",
        params: VoteId,
        response: { 200: Record, 404: ErrorBody },
      },
    },
    async (req) => records.forVote(req.params.voteId),
  );
  r.get(
    '/api/history',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary: 'Evaluations per reporting organ, by year and profile',
        querystring: Type.Object(
          {
            year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 9999 })),
            profile: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            organs: Type.Array(Type.Unknown()),
            years: Type.Array(Type.Integer()),
          }),
        },
      },
    },
    async (req) => records.history(req.query),
  );
  r.get(
    '/api/followups',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary: 'Follow-up each result requires, with due dates and escalation',
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }) },
      },
    },
    async () => ({ items: records.followUps() }),
  );
  r.post(
    '/api/followups/:id/done',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['records'],
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]+:[a-z0-9-]+$', maxLength: 80 }) }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      records.markDone(req.params.id);
      return { ok: true };
    },
  );
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
        response: { 200: Type.Object({ proposals: Type.Array(Proposal) }) },
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
        response: { 200: Record, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => records.confirm(req.params.id, req.principal!.username),
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
  r.get(
    '/api/records/head',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['records'],
        summary:
          "The latest sealed record of the hall's chain: its seq and the first 12 hex of its hash (shown in the hall, so a chain cut short can be noticed)",
        response: {
          200: Type.Object({
            head: Type.Union([
              Type.Object({ seq: Type.Integer(), hash: Type.String() }),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async () => ({ head: records.chainHead() }),
  );
  r.post(
    '/api/records/:seq/rereport',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['records'],
        summary:
          "Put the re-made report on the current sitting's agenda, linked to the record whose follow-up requires it",
        params: Seq,
        body: Type.Object(
          { title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ itemId: Type.Integer(), sessionId: Type.Integer() }),
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (req) => {
      const original = records.get(req.params.seq);
      const sessionId = hall.sessions.requireCurrent();
      if (sessionId === original.sessionId) {
        throw refuse(
          'SAME_SESSION',
          '重作报告应在以后的会议上进行 / the re-made report belongs to a later sitting',
        );
      }
      return hall.db.transaction(() => {
        const itemId = hall.sessions.addItem(
          req.body.title ?? `${original.title}（重作报告）`,
          original.organ ?? '—',
        );
        records.linkReevaluation(itemId, original.seq);
        return { itemId, sessionId };
      })();
    },
  );
}
