import {
  ChainHeadReply,
  ErrorBody,
  FollowUpsReply,
  HistoryReply,
  KeyReply,
  OkReply,
  RecordsReply,
  RereportReply,
  SealedRecordSchema,
  type Role,
} from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordsCsv } from '../records/render/csv';
import { renderRecordPdf } from '../records/render/pdf';
import { recordsXlsx, XLSX_TYPE } from '../records/render/xlsx';
import { refuse } from '../errors';
import { typed, type RouteContext } from './types';

const Seq = Type.Object({ seq: Type.Integer({ minimum: 1 }) });
const VoteId = Type.Object({ voteId: Type.Integer({ minimum: 1 }) });
const READERS: Role[] = ['chair', 'secretariat'];
/** A file reply (not JSON): documented by its media type; fastify does not serialize it. */
const fileReply = (type: string, name: string) => ({
  description: `${type} (${name})`,
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});

/** Signed records, printouts, history and follow-up (issue 7). */
export async function recordRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { records, hall } = ctx;
  const r = typed(app);
  /** The sitting's name for exports and printouts (the signed record has only its id). */
  const sittingTitle = (sessionId: number) => hall.sessions.titleOf(sessionId);
  r.get(
    '/api/key',
    {
      config: { roles: ['chair', 'secretariat', 'technician'] },
      schema: {
        tags: ['records'],
        summary: "The hall's public signing key (raw 32-byte Ed25519, base64) and its fingerprint",
        response: { 200: KeyReply },
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
        response: { 200: RecordsReply },
      },
    },
    async () => ({ records: records.all() }),
  );
  r.get(
    '/api/records/export.csv',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary:
          'All results as CSV: UTF-8 with BOM, Chinese headers, Beijing time (UTC columns at the end), formula-safe',
        response: { 200: fileReply('text/csv', 'records.csv') },
      },
    },
    async (_req, reply) => {
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="records.csv"');
      return recordsCsv(records.all(), sittingTitle);
    },
  );
  r.get(
    '/api/records/export.xlsx',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary:
          'All results as an Excel workbook (XLSX): the CSV columns, counts as numbers, Beijing time',
        response: { 200: fileReply(XLSX_TYPE, 'records.xlsx') },
      },
    },
    async (_req, reply) => {
      const xlsx = await recordsXlsx(records.all(), sittingTitle);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="records.xlsx"')
        .send(xlsx);
    },
  );
  r.get(
    '/api/records/:seq',
    {
      config: { roles: READERS },
      schema: {
        tags: ['records'],
        summary: 'One sealed record, by its place in the chain',
        params: Seq,
        response: { 200: SealedRecordSchema, 404: ErrorBody },
      },
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
        params: Seq,
        response: { 200: fileReply('application/pdf', 'record-<seq>.pdf'), 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const record = records.get(req.params.seq);
      const pdf = await renderRecordPdf(record, {
        records: records.all(),
        correctedBy: records.correctedBy(req.params.seq),
        chainHead: records.chainHead(),
        sittingTitle: sittingTitle(record.sessionId),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="record-${req.params.seq}.pdf"`)
        .send(pdf);
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
        response: { 200: SealedRecordSchema, 404: ErrorBody },
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
        response: { 200: HistoryReply },
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
        response: { 200: FollowUpsReply },
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
        summary: 'The secretariat marks a follow-up done',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]+:[a-z0-9-]+$', maxLength: 80 }) }),
        response: { 200: OkReply, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      records.markDone(req.params.id);
      return { ok: true };
    },
  );
  r.get(
    '/api/records/head',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['records'],
        summary:
          "The latest sealed record of the hall's chain: its seq and the first 12 hex of its hash (shown in the hall, so a chain cut short can be noticed)",
        response: { 200: ChainHeadReply },
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
        response: { 200: RereportReply, 404: ErrorBody, 409: ErrorBody },
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
        const itemId = hall.addItem(
          req.body.title ?? `${original.title}（重作报告）`,
          original.organ ?? '—',
        );
        records.linkReevaluation(itemId, original.seq);
        return { itemId, sessionId };
      })();
    },
  );
}
