import {
  AttendanceReply,
  CheckinReply,
  ErrorBody,
  ManualMarksReply,
  MarkAttendanceBody,
} from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { typed, type RouteContext } from './types';

export async function attendanceRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  const brief = () => {
    const a = ctx.hall.attendance.summary();
    return { members: a.members, present: a.present, quorumMet: a.quorumMet };
  };
  r.post(
    '/api/checkin/open',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['attendance'],
        summary: 'Open check-in: the seats show the check-in lamp',
        response: { 200: CheckinReply, 409: ErrorBody },
      },
    },
    async () => {
      ctx.hall.openCheckin();
      return brief();
    },
  );
  r.post(
    '/api/checkin/close',
    {
      config: { roles: ['chair'] },
      schema: {
        tags: ['attendance'],
        summary: 'Close check-in',
        response: { 200: CheckinReply, 409: ErrorBody },
      },
    },
    async () => {
      ctx.hall.closeCheckin();
      return brief();
    },
  );
  r.get(
    '/api/attendance',
    {
      config: { roles: ['chair', 'secretariat', 'technician'] },
      schema: {
        tags: ['attendance'],
        summary: '应到 / 实到, observers, seats online and the quorum',
        response: { 200: AttendanceReply },
      },
    },
    async () => ({
      ...ctx.hall.attendanceSummary(),
      quorumRule: ctx.hall.attendance.quorumRule(),
    }),
  );
  r.post(
    '/api/attendance/mark',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['attendance'],
        summary:
          'Mark a member present or absent by hand (card forgotten, keypad broken), with the reason; kept with who marked and when',
        body: MarkAttendanceBody,
        response: { 200: CheckinReply, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const { memberId, present, reason } = req.body;
      const by = req.principal!.username;
      ctx.hall.markAttendance(memberId, present, {
        reason: reason ?? '',
        by,
        at: new Date().toISOString(),
      });
      // Presence is public (the roll call); a manual mark says nothing about any vote.
      req.log.info({ memberId, present, by, reason: reason ?? null }, 'manual attendance mark');
      return brief();
    },
  );
  r.get(
    '/api/attendance/manual',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['attendance'],
        summary:
          "The roster with each entry's presence, and the current sitting's manual attendance marks, each with its reason, who and when",
        response: { 200: ManualMarksReply },
      },
    },
    async () => ({
      attendees: ctx.hall.roster.all().map((e) => ({
        memberId: e.memberId,
        name: e.name,
        role: e.role,
        seat: e.seat,
        present: ctx.hall.attendance.isPresent(e.memberId),
      })),
      marks: ctx.hall.attendance.manualNotes().map((n) => ({
        ...n,
        name: ctx.hall.roster.byId(n.memberId)?.name ?? n.memberId,
      })),
    }),
  );
}
