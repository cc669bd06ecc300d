import { Type, type Static } from '@sinclair/typebox';
import { ProfileSchema } from '../profile/schema';
import {
  AttendancePayloadSchema,
  HardwarePayloadSchema,
  ResultPayloadSchema,
  VotePayloadSchema,
} from './live-events';
import { ChainHeadSchema, Nullable } from './reply-schemas';

/** GET /api/hardware: seat and bus health, the press path's counters and the seats' mode. */
export const HardwareReply = Type.Object({
  ...HardwarePayloadSchema.properties,
  presses: Type.Object({ batches: Type.Integer(), events: Type.Integer() }),
  mode: Type.Union([
    Type.Literal('idle'),
    Type.Literal('checkin'),
    Type.Literal('open'),
    Type.Literal('closed'),
  ]),
});
export type HardwareReply = Static<typeof HardwareReply>;

/** GET /api/display: what the public hall display shows (a result only once announced). */
export const DisplayReply = Type.Object({
  hall: Type.String(),
  attendance: AttendancePayloadSchema,
  vote: VotePayloadSchema,
  result: Nullable(ResultPayloadSchema),
  chainHead: Nullable(ChainHeadSchema),
});
export type DisplayReply = Static<typeof DisplayReply>;

/** GET /api/profiles: the built-in rule profiles, whole. */
export const ProfilesReply = Type.Array(ProfileSchema);
