/**
 * The BODY of each line of the wireless base (SEAT-PROTOCOLS.md §2 "Base to host", "Host to
 * base"), parsed into typed messages. Parsing never throws: a body with wrong fields gives
 * undefined (the line is discarded, §2 "Each side discards a bad line").
 */
import type { HallMode } from '../types';

export type BaseMessage =
  | { t: 'HELLO'; model: string; firmware: string; keys: number; capacity: number; boot: string }
  | { t: 'KEY'; boot: string; seq: number; keypad: number; tag: number; keys: number[] }
  | { t: 'STAT'; keypad: number; battery: number; rssi: number }
  | { t: 'MODEOK'; tag: number; mode: HallMode }
  | { t: 'LEDOK'; keypad: number }
  | { t: 'OVF'; count: number }
  | { t: 'NAK'; code: string };

export type HostMessage =
  | { t: 'ACK'; boot: string; seq: number }
  | { t: 'MODE'; tag: number; mode: HallMode }
  | { t: 'LED'; keypad: number; keys: number[]; lamp: WireLamp }
  | { t: 'INFO' };

export type WireLamp = 'G' | 'R' | '-';

const WIRE_MODES: Record<HallMode, string> = {
  idle: 'IDLE',
  checkin: 'CHECKIN',
  open: 'OPEN',
  closed: 'CLOSED',
};

export function wireMode(mode: HallMode): string {
  return WIRE_MODES[mode];
}

function parseMode(s: string | undefined): HallMode | undefined {
  return (Object.keys(WIRE_MODES) as HallMode[]).find((m) => WIRE_MODES[m] === s);
}

/** A decimal without sign or leading zeros, within [min, max]. */
function dec(s: string | undefined, min: number, max: number): number | undefined {
  if (s === undefined || !/^(0|[1-9][0-9]{0,5})$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

function signed(s: string | undefined): number | undefined {
  if (s === undefined || !/^-?(0|[1-9][0-9]{0,3})$/.test(s)) return undefined;
  return Number(s);
}

/** Four upper-case hex digits (boot, tag). */
export function hex4(s: string | undefined): number | undefined {
  return s !== undefined && /^[0-9A-F]{4}$/.test(s) ? parseInt(s, 16) : undefined;
}

export function toHex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** Key digits, ascending and distinct, 1-5 (§2 `keys`). `empty` allows none (`$LED`). */
export function parseKeys(s: string | undefined, empty: boolean): number[] | undefined {
  if (s === undefined || !/^[1-5]{0,5}$/.test(s) || (!empty && s === '')) return undefined;
  const keys = [...s].map(Number);
  return keys.every((k, i) => i === 0 || k > (keys[i - 1] ?? 9)) ? keys : undefined;
}

export function parseBaseMessage(body: string): BaseMessage | undefined {
  const [cmd, ...f] = body.split(',');
  switch (cmd) {
    case 'HELLO': {
      const keys = dec(f[2], 1, 5);
      const capacity = dec(f[3], 0, 999999);
      const boot = f[4];
      if (f.length !== 5 || !f[0] || !f[1] || keys === undefined || capacity === undefined) return;
      if (!hex4(boot) || boot === undefined) return;
      return { t: 'HELLO', model: f[0], firmware: f[1], keys, capacity, boot };
    }
    case 'KEY': {
      const boot = f[0];
      const seq = dec(f[1], 1, 65535);
      const keypad = dec(f[2], 1, 4095);
      const tag = hex4(f[3]);
      const keys = parseKeys(f[4], false);
      if (f.length !== 5 || !hex4(boot) || boot === undefined) return;
      if (seq === undefined || keypad === undefined || tag === undefined || !keys) return;
      return { t: 'KEY', boot, seq, keypad, tag, keys };
    }
    case 'STAT': {
      const keypad = dec(f[0], 1, 4095);
      const battery = dec(f[1], 0, 100);
      const rssi = signed(f[2]);
      if (f.length !== 3 || keypad === undefined || battery === undefined || rssi === undefined)
        return;
      return { t: 'STAT', keypad, battery, rssi };
    }
    case 'MODEOK': {
      const tag = hex4(f[0]);
      const mode = parseMode(f[1]);
      if (f.length !== 2 || tag === undefined || !mode) return;
      return { t: 'MODEOK', tag, mode };
    }
    case 'LEDOK': {
      const keypad = dec(f[0], 1, 4095);
      return f.length === 1 && keypad !== undefined ? { t: 'LEDOK', keypad } : undefined;
    }
    case 'OVF': {
      const count = dec(f[0], 1, 999999);
      return f.length === 1 && count !== undefined ? { t: 'OVF', count } : undefined;
    }
    case 'NAK':
      return f.length === 1 && f[0] ? { t: 'NAK', code: f[0] } : undefined;
    default:
      return undefined;
  }
}

export function encodeHostBody(m: HostMessage): string {
  switch (m.t) {
    case 'ACK':
      return `ACK,${m.boot},${m.seq}`;
    case 'MODE':
      return `MODE,${toHex4(m.tag)},${wireMode(m.mode)}`;
    case 'LED':
      return `LED,${m.keypad},${m.keys.join('')},${m.lamp}`;
    case 'INFO':
      return 'INFO';
  }
}

/** The base's reading of a host body (the simulator's side); `NAK` codes per §2. */
export function parseHostMessage(body: string): HostMessage | 'SYN' | 'UNK' {
  const [cmd, ...f] = body.split(',');
  switch (cmd) {
    case 'ACK': {
      const seq = dec(f[1], 1, 65535);
      if (f.length !== 2 || !hex4(f[0]) || f[0] === undefined || seq === undefined) return 'SYN';
      return { t: 'ACK', boot: f[0], seq };
    }
    case 'MODE': {
      const tag = hex4(f[0]);
      const mode = parseMode(f[1]);
      return f.length === 2 && tag !== undefined && mode ? { t: 'MODE', tag, mode } : 'SYN';
    }
    case 'LED': {
      const keypad = dec(f[0], 1, 4095);
      const keys = parseKeys(f[1], true);
      const lamp = f[2];
      if (f.length !== 3 || keypad === undefined || !keys) return 'SYN';
      return lamp === 'G' || lamp === 'R' || lamp === '-'
        ? { t: 'LED', keypad, keys, lamp }
        : 'SYN';
    }
    case 'INFO':
      return f.length === 0 ? { t: 'INFO' } : 'SYN';
    default:
      return 'UNK';
  }
}

/** The base's lines to the host, encoded (the simulator's side). */
export function encodeBaseBody(m: BaseMessage): string {
  switch (m.t) {
    case 'HELLO':
      return `HELLO,${m.model},${m.firmware},${m.keys},${m.capacity},${m.boot}`;
    case 'KEY':
      return `KEY,${m.boot},${m.seq},${m.keypad},${toHex4(m.tag)},${m.keys.join('')}`;
    case 'STAT':
      return `STAT,${m.keypad},${m.battery},${m.rssi}`;
    case 'MODEOK':
      return `MODEOK,${toHex4(m.tag)},${wireMode(m.mode)}`;
    case 'LEDOK':
      return `LEDOK,${m.keypad}`;
    case 'OVF':
      return `OVF,${m.count}`;
    case 'NAK':
      return `NAK,${m.code}`;
  }
}
