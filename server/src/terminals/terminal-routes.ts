import { randomUUID } from 'node:crypto';
import { classifyKeys, ErrorBody, type PressReason, type TerminalPressReply } from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Hall } from '../hall';
import { typed } from '../routes/types';
import type { TerminalLive } from './terminal-live';
import type { TerminalService } from './terminal-service';

const Seat = Type.String({ minLength: 3, maxLength: 16, pattern: '^[A-Za-z0-9_]+-[0-9]+$' });

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/**
 * Seat terminals (issue 6). The technician pairs and revokes; a terminal pairs with its code and
 * presses with its seat credential. A terminal press is a key event of its seat, decided by the
 * same press handler as a keypad's: one ballot a seat, whichever device presses first.
 */
export async function terminalRoutes(
  app: FastifyInstance,
  deps: { hall: Hall; terminals: TerminalService; live: () => TerminalLive | undefined },
) {
  const { hall, terminals } = deps;
  const r = typed(app);
  r.post(
    '/api/terminals/pairings',
    {
      config: { roles: ['technician'] },
      schema: {
        tags: ['terminals'],
        summary: 'A six-digit pairing code for a seat (valid 10 minutes, once)',
        body: Type.Object({ seat: Seat }, { additionalProperties: false }),
        response: {
          200: Type.Object({ code: Type.String(), seat: Type.String(), expiresAt: Type.String() }),
          404: ErrorBody,
        },
      },
    },
    async (req) => terminals.createPairing(req.body.seat),
  );
  r.get(
    '/api/terminals',
    {
      config: { roles: ['technician'] },
      schema: {
        tags: ['terminals'],
        summary: 'Paired terminals',
        response: { 200: Type.Object({ terminals: Type.Array(Type.Unknown()) }) },
      },
    },
    async () => ({ terminals: terminals.list() }),
  );
  r.post(
    '/api/terminals/:terminalId/revoke',
    {
      config: { roles: ['technician'] },
      schema: {
        tags: ['terminals'],
        params: Type.Object({ terminalId: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), 404: ErrorBody },
      },
    },
    async (req) => {
      terminals.revoke(req.params.terminalId);
      deps.live()?.disconnectTerminal(req.params.terminalId);
      return { ok: true };
    },
  );
  r.post(
    '/api/terminal/pair',
    {
      config: { roles: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['terminals'],
        summary: 'A terminal exchanges its pairing code for a seat credential',
        body: Type.Object(
          { code: Type.String({ pattern: '^[0-9]{6}$' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ seat: Type.String(), credential: Type.String() }),
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const { seat, credential } = terminals.pair(req.body.code);
      return { seat, credential };
    },
  );
  r.post(
    '/api/terminal/press',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['terminals'],
        summary: 'A paired terminal presses for its own seat (Bearer: the seat credential)',
        body: Type.Object(
          {
            keys: Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), {
              minItems: 1,
              maxItems: 5,
            }),
            /** The vote the terminal showed; a press for another vote is refused. */
            voteId: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            lamp: Type.String(),
            reason: Type.Union([Type.String(), Type.Null()]),
          }),
          401: ErrorBody,
        },
      },
    },
    async (req, reply): Promise<TerminalPressReply> => {
      const who = terminals.authenticate(bearer(req));
      if (!who) {
        return reply.code(401).send({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'BAD_CREDENTIAL',
          message: '终端凭证无效或已撤销 / unknown or revoked terminal credential',
        }) as never;
      }
      const { seat } = who;
      const open = hall.votes.current;
      const refused = (reason: PressReason): TerminalPressReply => ({
        lamp: 'not-accepted',
        reason,
      });
      if (req.body.voteId !== undefined && open?.voteId !== req.body.voteId)
        return refused(open ? 'stale-tag' : 'not-open');
      const already = open?.pressed.has(seat) ?? false;
      const mode = hall.votes.currentMode();
      const deliveryId = `terminal:${who.terminalId}:${randomUUID()}`;
      const dash = seat.lastIndexOf('-');
      const settled = hall.hardware.nextSettle(`id:${deliveryId}`);
      hall.inject({
        type: 'key',
        bus: seat.slice(0, dash),
        address: Number(seat.slice(dash + 1)),
        seat,
        tag: mode.tag,
        keys: [...new Set(req.body.keys)].sort((a, b) => a - b),
        deliveryId,
      });
      const { lamp } = await settled;
      deps.live()?.push();
      if (lamp === 'registered')
        return already ? refused('already-registered') : { lamp, reason: null };
      const occupant = hall.roster.bySeatId(seat);
      if (mode.mode !== 'open' && mode.mode !== 'checkin') return refused('not-open');
      if (mode.mode === 'open' && occupant?.role !== 'member') return refused('not-a-member');
      if (open && classifyKeys(open.profile.optionSet, req.body.keys).kind === 'unmapped')
        return refused('no-such-option');
      return refused(occupant ? 'stale-tag' : 'not-a-member');
    },
  );
}
