import { Type, type Static } from '@sinclair/typebox';

/**
 * A rule profile is data, not code (DOMAIN.md "a profile is **data**"): the base, each threshold
 * as a fraction with an inclusive or strict comparison, the option set, an ordered outcome ladder
 * and the follow-up. A secretariat can write a new one; a sealed record carries the whole
 * definition it was decided under.
 */

export const TextSchema = Type.Object(
  { zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });

export const OptionSchema = Type.Object(
  { key: Id, label: TextSchema, seatKey: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);

export const OptionSetSchema = Type.Object(
  { id: Id, name: TextSchema, options: Type.Array(OptionSchema, { minItems: 2, maxItems: 5 }) },
  { additionalProperties: false },
);

/**
 * What a threshold is measured against:
 * - `members`: 全体组成人员 (the roster's members, vacancies excluded);
 * - `present`: members present (实到);
 * - `valid`: valid ballots (有效票);
 * - `returned`: ballots returned, valid and invalid (收回票数).
 */
export const BaseSchema = Type.Union([
  Type.Literal('members'),
  Type.Literal('present'),
  Type.Literal('valid'),
  Type.Literal('returned'),
]);
export type Base = Static<typeof BaseSchema>;

/**
 * `at-least` is 以上/达到 (includes the number itself, 民法典 第1259条); `more-than` is 超过/过半数/
 * "不含" (excludes it). Decided as `den * count >= num * base` or `den * count > num * base`.
 */
export const ComparisonSchema = Type.Union([Type.Literal('at-least'), Type.Literal('more-than')]);
export type Comparison = Static<typeof ComparisonSchema>;

export const FractionSchema = Type.Object(
  {
    num: Type.Integer({ minimum: 0, maximum: 1000 }),
    den: Type.Integer({ minimum: 1, maximum: 1000 }),
  },
  { additionalProperties: false },
);
export type Fraction = Static<typeof FractionSchema>;

/** The sum of the ballots for `options`, compared with `fraction` of the base. */
export const ConditionSchema = Type.Object(
  {
    options: Type.Array(Id, { minItems: 1 }),
    comparison: ComparisonSchema,
    fraction: FractionSchema,
    base: Type.Optional(BaseSchema),
  },
  { additionalProperties: false },
);
export type Condition = Static<typeof ConditionSchema>;

export const DueSchema = Type.Union([
  Type.Object({ kind: Type.Literal('next-session') }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('months'), months: Type.Integer({ minimum: 1, maximum: 60 }) },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('set-by-council') }, { additionalProperties: false }),
]);
export type Due = Static<typeof DueSchema>;

export const FollowUpSchema = Type.Object(
  {
    action: Id,
    label: TextSchema,
    cite: Type.String(),
    due: Type.Optional(DueSchema),
    /** The re-made report is evaluated again, and linked to this evaluation. */
    reevaluate: Type.Boolean(),
    /** What follows when that new evaluation fails again (escalation). */
    onRepeatedFailure: Type.Optional(
      Type.Object(
        { action: Id, label: TextSchema, cite: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type FollowUp = Static<typeof FollowUpSchema>;

export const OutcomeSchema = Type.Object(
  {
    id: Id,
    label: TextSchema,
    /** Whether the report counts as passed (通过) under this outcome. */
    passed: Type.Boolean(),
    followUp: Type.Array(FollowUpSchema),
  },
  { additionalProperties: false },
);
export type Outcome = Static<typeof OutcomeSchema>;

/**
 * One rung of the ladder. Rungs are tried in order; the first whose `when` conditions all hold
 * decides. The last rung has no `when`: it is what remains. `confirms` are conditions the source
 * text states for a rung that the ladder already implies (子洲 "不满意票占50%以上(含50%)"); they
 * are evaluated and shown in the explanation, never used to decide.
 */
export const RungSchema = Type.Object(
  {
    outcome: Id,
    when: Type.Optional(Type.Array(ConditionSchema, { minItems: 1 })),
    confirms: Type.Optional(Type.Array(ConditionSchema, { minItems: 1 })),
    rule: TextSchema,
    cite: Type.String(),
  },
  { additionalProperties: false },
);
export type Rung = Static<typeof RungSchema>;

/**
 * The format of a profile document (README "Profile documents"): `profile show` prints it, and
 * `profile validate`, `tally --profile-file` and `vote open --profile-file` of the same format
 * accept it. A profile without `format` (one sealed in a record before formats were named) is
 * read as this format; a document naming another format is refused with the format named.
 */
export const PROFILE_FORMAT = 'hall-profile/1';

export const ProfileSchema = Type.Object(
  {
    format: Type.Optional(Type.Literal(PROFILE_FORMAT)),
    id: Id,
    version: Type.Integer({ minimum: 1 }),
    name: TextSchema,
    source: Type.Object(
      {
        title: Type.String({ minLength: 1 }),
        articles: Type.Array(Type.String()),
        adopted: Type.String(),
      },
      { additionalProperties: false },
    ),
    optionSet: OptionSetSchema,
    base: BaseSchema,
    /**
     * Options whose ballots are left out of every base (弃权 not counted in the base): the base
     * of a condition is its value (members, present, valid or returned) minus the ballots of
     * these options. Absent or empty: every ballot counts in the base.
     */
    excludeFromBase: Type.Optional(Type.Array(Id)),
    /** Whether a seat may change its ballot before the vote closes. */
    allowChangeBeforeClose: Type.Boolean(),
    /** Listed best first: an outcome later in the list is worse than one before it. */
    outcomes: Type.Array(OutcomeSchema, { minItems: 1 }),
    ladder: Type.Array(RungSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type Profile = Static<typeof ProfileSchema>;
