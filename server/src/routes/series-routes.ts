import {
  ErrorBody,
  SeriesCreateBody,
  SeriesIdParams,
  SeriesListReply,
  SeriesNextReply,
  SeriesReply,
  SeriesSummaryReply,
} from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { renderSeriesPdf } from '../series/series-report-pdf';
import { typed, type RouteContext } from './types';

/** `?decimals=`: how the shares' texts are rounded (display only); 第二篇 reports whole percents. */
const SummaryQuery = Type.Object(
  { decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 4 })) },
  { additionalProperties: false },
);

/** A file reply (not JSON): documented by its media type; fastify does not serialize it. */
const PDF_TYPE: string = 'application/pdf';
const PDF_REPLY = {
  description: 'application/pdf (series-<id>.pdf)',
  content: { [PDF_TYPE]: { schema: { type: 'string', format: 'binary' } } },
};

/**
 * Issue 14: many subjects in a row and the departments of one report (series/series-service.ts).
 * The summary is made of announced results only, which are public once announced (当场公布): the
 * hall display may show it too.
 */
export async function seriesRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  const series = ctx.hall.series;
  r.post(
    '/api/series',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['series'],
        summary:
          'Create a series of subjects (or the departments of one agenda item) in the current sitting; each profile is fixed now',
        body: SeriesCreateBody,
        response: { 200: SeriesReply, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => series.create(req.body, req.principal!.username),
  );
  r.get(
    '/api/series',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['series'],
        summary: "The current sitting's series, each with its subjects' states and outcomes",
        response: { 200: SeriesListReply },
      },
    },
    async () => series.list(),
  );
  r.get(
    '/api/series/:seriesId',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['series'],
        summary: 'One series: its subjects in order, each with its vote, state and outcome',
        params: SeriesIdParams,
        response: { 200: SeriesReply, 404: ErrorBody },
      },
    },
    async (req) => series.get(req.params.seriesId),
  );
  r.post(
    '/api/series/:seriesId/next',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['series'],
        summary:
          "The chair's one action: announce the closed subject if need be, then open the next subject",
        params: SeriesIdParams,
        response: { 200: SeriesNextReply, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => series.next(req.params.seriesId),
  );
  r.get(
    '/api/series/:seriesId/summary',
    {
      config: { roles: ['chair', 'secretariat', 'display'] },
      schema: {
        tags: ['series'],
        summary:
          "The series summary from the announced subjects' latest sealed records: outcomes, option shares, each outcome's rate",
        params: SeriesIdParams,
        querystring: SummaryQuery,
        response: { 200: SeriesSummaryReply, 404: ErrorBody },
      },
    },
    async (req) => series.summary(req.params.seriesId, req.query.decimals ?? 0),
  );
  r.get(
    '/api/series/:seriesId/report.pdf',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['series'],
        summary: 'The printable page of the series summary (PDF, Chinese)',
        params: SeriesIdParams,
        querystring: SummaryQuery,
        response: {
          200: PDF_REPLY,
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const id = req.params.seriesId;
      const summary = series.summary(id, req.query.decimals ?? 0);
      const pdf = await renderSeriesPdf(summary, {
        hall: ctx.hall.config.hall,
        sitting: ctx.hall.sessions.titleOf(series.get(id).sessionId),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="series-${id}.pdf"`)
        .send(pdf);
    },
  );
}
