import { randomUUID } from 'node:crypto';
import {
  ChairTerminalsReply,
  classifyKeys,
  ErrorBody,
  HallErrorCode,
  OkReply,
  PairingReply,
  parseSeatId,
  TerminalConfirmReply,
  TerminalPairReplySchema,
  TerminalPressReplySchema,
  TerminalsReply,
  type PressReason,
  type TerminalPressReply,
} from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typed, type RouteContext } from './types';

const Seat = Type.String({ minLength: 3, maxLength: 16, pattern: '^[A-Za-z0-9_]+-[0-9]+$' });
const TerminalIdParams = Type.Object({ terminalId: Type.Integer({ minimum: 1 }) });
function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/**
 * Seat terminals (issue 6, issue 10). The technician makes codes and revokes; a terminal pairs
 * with its code and gets a PENDING credential; the chair confirms (or rejects) it, only for a seat
 * whose member is present; only a confirmed terminal presses, and only for a member who is
 * present: a terminal press never makes anyone present (README "Seat terminals"). A terminal's
 * ballot is a key event of its seat, decided by the same press handler as a keypad's: one ballot
 * a seat, whichever device presses first.
 */
export async function terminalRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { hall, terminals, terminalLive } = ctx;
  const r = typed(app);
  r.post(
    '/api/terminals/pairings',
    {
      config: { roles: ['technician'] },
      schema: {
        tags: ['terminals'],
        summary:
          'A six-digit pairing code for a seat (valid 10 minutes, once); refused while a vote is open',
        body: Type.Object({ seat: Seat }, { additionalProperties: false }),
        response: { 200: PairingReply, 404: ErrorBody, 409: ErrorBody },
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
        summary: 'Paired terminals: pending, confirmed and ended',
        response: { 200: TerminalsReply },
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
        summary: 'The technician revokes a terminal: its credential ends and its socket is cut',
        params: TerminalIdParams,
        response: { 200: OkReply, 404: ErrorBody },
      },
    },
    async (req) => {
      terminals.revoke(req.params.terminalId);
      terminalLive.disconnectTerminal(req.params.terminalId);
      return { ok: true };
    },
  );
  r.get(
    '/api/terminals/confirmations',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['terminals'],
        summary:
          'Terminals waiting for the chair, and confirmed ones: seat, member, whether present',
        response: { 200: ChairTerminalsReply },
      },
    },
    async () => ({ terminals: terminals.forChair() }),
  );
  r.post(
    '/api/terminals/:terminalId/confirm',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['terminals'],
        summary:
          "The chair confirms a pending terminal (seat's member present, no vote open); any other live terminal of the seat ends",
        params: TerminalIdParams,
        response: { 200: TerminalConfirmReply, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const { seat, replaced } = terminals.confirm(req.params.terminalId);
      if (replaced.length > 0) terminalLive.disconnectTerminal(...replaced);
      terminalLive.push();
      return { ok: true, seat, replaced };
    },
  );
  r.post(
    '/api/terminals/:terminalId/reject',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['terminals'],
        summary: 'The chair rejects a pending terminal: its credential ends',
        params: TerminalIdParams,
        response: { 200: OkReply, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      terminals.reject(req.params.terminalId);
      terminalLive.disconnectTerminal(req.params.terminalId);
      return { ok: true };
    },
  );
  r.post(
    '/api/terminal/pair',
    {
      config: { roles: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['terminals'],
        summary:
          "A terminal exchanges its pairing code for a seat credential, pending the chair's confirmation",
        body: Type.Object(
          { code: Type.String({ pattern: '^[0-9]{6}$' }) },
          { additionalProperties: false },
        ),
        response: { 200: TerminalPairReplySchema, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => terminals.pair(req.body.code),
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
        response: { 200: TerminalPressReplySchema, 401: ErrorBody },
      },
    },
    async (req, reply): Promise<TerminalPressReply> => {
      const who = terminals.authenticate(bearer(req));
      if (!who) {
        return reply.code(401).send({
          statusCode: 401,
          error: 'Unauthorized',
          code: HallErrorCode.BAD_CREDENTIAL,
          message: '终端凭证无效或已撤销 / unknown or revoked terminal credential',
        }) as never;
      }
      const { seat } = who;
      // A paper or hands vote takes no terminal ballot (issue 14): only a keypad vote is open here.
      const open = hall.votes.keypadVote;
      const refused = (reason: PressReason): TerminalPressReply => ({
        lamp: 'not-accepted',
        reason,
      });
      // Issue 10: only a terminal the chair confirmed presses, and only for a member who is
      // present; a terminal press never makes anyone present (check-in is the keypad's or the
      // secretariat's), so it is decided here and never reaches the press handler's check-in.
      if (who.state !== 'confirmed') return refused('not-confirmed');
      if (req.body.voteId !== undefined && open?.voteId !== req.body.voteId)
        return refused(open ? 'stale-tag' : 'not-open');
      const mode = hall.votes.currentMode();
      if (mode.mode !== 'open' && mode.mode !== 'checkin') return refused('not-open');
      const occupant = hall.roster.bySeatId(seat);
      if (occupant?.role !== 'member' || occupant.memberId !== who.memberId)
        return refused('not-a-member');
      if (!hall.attendance.isPresent(occupant.memberId)) return refused('not-present');
      if (mode.mode === 'checkin') return { lamp: 'registered', reason: null }; // present already
      // A vote is open and the member is present; presence cannot drop while it is open
      // (marking absent, a new roster and a new sitting are refused), so the press handler's
      // "a press makes present" never applies to it.
      const already = open?.pressed.has(seat) ?? false;
      const deliveryId = `terminal:${who.terminalId}:${randomUUID()}`;
      const settled = hall.hardware.nextSettle(`id:${deliveryId}`);
      hall.inject({
        type: 'key',
        ...parseSeatId(seat),
        seat,
        tag: mode.tag,
        keys: [...new Set(req.body.keys)].sort((a, b) => a - b),
        deliveryId,
      });
      const { lamp } = await settled;
      terminalLive.push();
      if (lamp === 'registered')
        return already ? refused('already-registered') : { lamp, reason: null };
      if (open && classifyKeys(open.profile.optionSet, req.body.keys).kind === 'unmapped')
        return refused('no-such-option');
      return refused('stale-tag');
    },
  );
}
