import { Type, type Static } from '@sinclair/typebox';

/**
 * Console user management (issue 12 "Accounts"): the secretariat adds, disables and resets
 * console users and sets their roles; every user changes their own password
 * (`POST /api/auth/password`). A change of role, a disable or a reset ends that user's login
 * sessions at once (their REST calls and their open sockets).
 *
 * Routes (all secretariat-only):
 * - `GET    /api/users`                          → UserListReply
 * - `POST   /api/users`           CreateUserBody → UserPasswordReply (201; the initial password,
 *   shown once; the user must change it at first login)
 * - `PATCH  /api/users/:username` UpdateUserBody → UserReply
 * - `POST   /api/users/:username/reset-password` → UserPasswordReply (a new initial password)
 */

/** A console user name: lower-case letters, digits, `.`, `_`, `-`; 2–32 characters. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,31}$';

/** The roles a console user may hold (`display` is the public screen, not a login). */
export const ConsoleRoleSchema = Type.Union([
  Type.Literal('chair'),
  Type.Literal('secretariat'),
  Type.Literal('technician'),
]);
export type ConsoleRole = Static<typeof ConsoleRoleSchema>;

export const UsernameParams = Type.Object(
  { username: Type.String({ pattern: USERNAME_PATTERN }) },
  { additionalProperties: false },
);
export type UsernameParams = Static<typeof UsernameParams>;

export const UserSchema = Type.Object({
  username: Type.String(),
  role: ConsoleRoleSchema,
  disabled: Type.Boolean(),
  /** Still on an initial password (made by the hall, a create or a reset). */
  mustChangePassword: Type.Boolean(),
  /** How many login sessions the user has now (never their tokens). */
  sessions: Type.Integer({ minimum: 0 }),
});
export type User = Static<typeof UserSchema>;

export const UserReply = UserSchema;
export type UserReply = Static<typeof UserReply>;

export const UserListReply = Type.Object({ users: Type.Array(UserSchema) });
export type UserListReply = Static<typeof UserListReply>;

export const CreateUserBody = Type.Object(
  { username: Type.String({ pattern: USERNAME_PATTERN }), role: ConsoleRoleSchema },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

/** Either or both; `{}` is refused (minProperties). */
export const UpdateUserBody = Type.Object(
  { role: Type.Optional(ConsoleRoleSchema), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserPasswordReply = Type.Object({
  username: Type.String(),
  role: ConsoleRoleSchema,
  /** Shown once; the hall keeps only its hash. */
  initialPassword: Type.String(),
});
export type UserPasswordReply = Static<typeof UserPasswordReply>;
