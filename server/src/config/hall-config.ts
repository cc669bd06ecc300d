import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { FractionSchema, ComparisonSchema, seatId } from '@hall/shared';
import { oneLine } from '../errors';
import { AddressError, MAX_ADDRESS, parseAddresses, type BusConfig } from '@hall/drivers';

/**
 * The hall configuration (CONTRACT.md §3). Keys beyond `hall` and `buses` are ours:
 * - `quorum`: the quorum gate, default 全体组成人员过半数 (`2*present > members`, DOMAIN.md §3);
 * - `pressBatchMs`: how long presses are gathered into one commit (group commit);
 * - `voteTagHistory`: how many recent votes' tags are never reused.
 */
/** The shape of the drivers' BusConfig (validateHallConfig's result does not compile otherwise). */
export const BusConfigSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_]{1,8}$' }),
    driver: Type.Union([Type.Literal('modbus-rtu'), Type.Literal('wireless-base')]),
    /** Serve this bus from an in-process seat simulator (the demo hall; no `path` needed). */
    simulated: Type.Optional(Type.Boolean()),
    path: Type.Optional(Type.String({ minLength: 1 })),
    baudRate: Type.Optional(Type.Integer({ minimum: 1200 })),
    addresses: Type.String({ minLength: 1 }),
    keys: Type.Optional(Type.Union([Type.Literal(3), Type.Literal(5)])),
    /** Driver timing options, passed to the driver (drivers: MODBUS_OPTIONS, WIRELESS_OPTIONS). */
    options: Type.Optional(Type.Record(Type.String(), Type.Number())),
  },
  { additionalProperties: true },
);

export const QuorumSchema = Type.Object(
  {
    num: FractionSchema.properties.num,
    den: FractionSchema.properties.den,
    comparison: ComparisonSchema,
  },
  { additionalProperties: false },
);
export type Quorum = Static<typeof QuorumSchema>;

export const HallConfigSchema = Type.Object(
  {
    hall: Type.String({ minLength: 1, maxLength: 200 }),
    buses: Type.Array(BusConfigSchema, { minItems: 1 }),
    quorum: Type.Optional(QuorumSchema),
    pressBatchMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 200 })),
    voteTagHistory: Type.Optional(Type.Integer({ minimum: 1, maximum: 30_000 })),
  },
  { additionalProperties: false },
);
export type HallConfigFile = Static<typeof HallConfigSchema>;

export interface HallConfig extends Omit<HallConfigFile, 'buses'> {
  buses: BusConfig[];
  quorum: Quorum;
  pressBatchMs: number;
  voteTagHistory: number;
  /** Every seat of the hall, `<bus>-<address>`, in bus order then address order. */
  seats: string[];
}

/** 全体组成人员过半数: strictly more than half (DOMAIN.md "Counting words"). */
export const DEFAULT_QUORUM: Quorum = { num: 1, den: 2, comparison: 'more-than' };

/** A configuration the server cannot start with; the message is `中文 / English`, one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `会场配置 buses/0/path：… / hall config: buses/0/path: …` */
const configError = (key: string, zh: string, en: string) =>
  new ConfigError(oneLine(`会场配置 ${key}：${zh} / hall config: ${key}: ${en}`));

/** Check a parsed hall configuration; errors name the key (e.g. `buses/1/addresses`). */
export function validateHallConfig(data: unknown): HallConfig {
  if (!Value.Check(HallConfigSchema, data)) {
    const first = Value.Errors(HallConfigSchema, data).First();
    const key = first?.path ? first.path.replace(/^\//, '') : '(top level)';
    const zh = first?.path ? '不符合要求' : '整体格式不符合要求';
    throw configError(key, zh, first?.message ?? 'invalid');
  }
  const seats: string[] = [];
  const ids = new Set<string>();
  data.buses.forEach((bus, i) => {
    if (ids.has(bus.id)) {
      throw configError(`buses/${i}/id`, `总线“${bus.id}”重复`, `bus "${bus.id}" twice`);
    }
    ids.add(bus.id);
    if (!bus.simulated && !bus.path) {
      throw configError(
        `buses/${i}/path`,
        `驱动 ${bus.driver} 须填写此项`,
        `required for driver ${bus.driver}`,
      );
    }
    try {
      for (const a of parseAddresses(bus.addresses, MAX_ADDRESS[bus.driver])) {
        seats.push(seatId(bus.id, a));
      }
    } catch (e) {
      if (!(e instanceof AddressError)) throw e;
      throw configError(`buses/${i}/addresses`, e.zh, e.en);
    }
  });
  const quorum = data.quorum ?? DEFAULT_QUORUM;
  if (quorum.num > quorum.den) {
    throw configError('quorum', '比例大于 1', 'the fraction is above 1');
  }
  return {
    ...data,
    quorum,
    pressBatchMs: data.pressBatchMs ?? 4,
    voteTagHistory: data.voteTagHistory ?? 1000,
    seats,
  };
}

export function loadHallConfig(file: string): HallConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      oneLine(
        `无法读取会场配置文件 ${file}：${(e as Error).message} / hall config ${file}: cannot read: ${(e as Error).message}`,
      ),
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(
      oneLine(
        `会场配置文件 ${file} 不是有效的 JSON / hall config ${file}: not JSON: ${(e as Error).message}`,
      ),
    );
  }
  return validateHallConfig(data);
}
