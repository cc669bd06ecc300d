import { Type, type Static } from '@sinclair/typebox';

/**
 * Issue 13: a manual attendance mark of the current sitting as the secretariat and the chair see
 * it: who was marked by hand, present or absent, why, by whom and when. Presence is not secret
 * (the roll call is public); nothing here is about a vote.
 */
export const ManualMarkSchema = Type.Object({
  memberId: Type.String(),
  name: Type.String(),
  present: Type.Boolean(),
  reason: Type.String(),
  markedBy: Type.String(),
  markedAt: Type.String(),
});
export type ManualMark = Static<typeof ManualMarkSchema>;

/** A roster entry with its presence in the current sitting (whom the secretariat may mark). */
export const AttendeeSchema = Type.Object({
  memberId: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('member'), Type.Literal('observer')]),
  seat: Type.Union([Type.String(), Type.Null()]),
  present: Type.Boolean(),
});
export type Attendee = Static<typeof AttendeeSchema>;

export const ManualMarksReply = Type.Object({
  attendees: Type.Array(AttendeeSchema),
  marks: Type.Array(ManualMarkSchema),
});
export type ManualMarksReply = Static<typeof ManualMarksReply>;
