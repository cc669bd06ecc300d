/**
 * From the hall configuration's bus object (CONTRACT.md §3) to a running driver:
 * `{ id, driver: 'modbus-rtu' | 'wireless-base', path, baudRate?, addresses: '1-60,62' }`.
 */
import { ModbusRtuDriver } from './modbus/driver';
import type { ModbusOptions } from './modbus/driver';
import { serialFactory } from './transport/serial-transport';
import type { TransportFactory } from './transport/transport';
import { MAX_ADDRESS } from './types';
import type { BusDriver } from './types';
import { WirelessBaseDriver } from './wireless/driver';
import type { WirelessOptions } from './wireless/driver';

/** The hall configuration's bus object (CONTRACT.md §3); the server checks the file's shape. */
export interface BusConfig {
  id: string;
  driver: 'modbus-rtu' | 'wireless-base';
  /** The serial line; not needed for a simulated bus or with a transport given. */
  path?: string;
  baudRate?: number;
  addresses: string;
  /** Serve this bus from an in-process seat simulator (the demo hall; no `path` needed). */
  simulated?: boolean;
  /** Keys on each seat's keypad. */
  keys?: 3 | 5;
  /** Driver timing options (named, bounded: see MODBUS_OPTIONS / WIRELESS_OPTIONS). */
  options?: ModbusOptions & WirelessOptions;
}

/** §1 line speeds; the wireless base ignores the setting and is opened at 115200 (§2). */
export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

/**
 * A bad address list. `message` quotes the whole list; `zh` and `en` name only the bad part,
 * for a caller that names the key it came from (the server's hall config errors).
 */
export class AddressError extends RangeError {
  override name = 'AddressError';
  constructor(
    readonly zh: string,
    readonly en: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parse an address list like `1-60,62` into sorted distinct numbers within 1..max. Throws an
 * AddressError naming the bad part; an address listed twice is an error.
 */
export function parseAddresses(text: string, max = 4095): number[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new AddressError('地址列表为空', 'the address list is empty', 'address list is empty');
  }
  const out = new Set<number>();
  const refuse = (zh: string, en: string, detail: string) =>
    new AddressError(zh, en, `address list "${text}": ${detail}`);
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) {
      throw refuse(
        `“${part}”不是地址，也不是 1-60 这样的范围`,
        `"${part}" is not an address or a range like 1-60`,
        `"${part}" is not a number or a range a-b`,
      );
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    const outside = from < 1 || to > max;
    if (outside || to < from) {
      throw refuse(
        `“${part}”超出 1-${max} 或起止颠倒`,
        `"${part}" is outside 1-${max} or runs backwards`,
        outside ? `"${part}" is outside 1..${max}` : `range "${part}" runs backwards`,
      );
    }
    for (let a = from; a <= to; a++) {
      if (out.has(a)) {
        throw refuse(
          `地址 ${a} 重复`,
          `address ${a} is listed twice`,
          `address ${a} is listed twice`,
        );
      }
      out.add(a);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Build the driver of one bus. `transport` replaces the serial port (tests, in-process sim). */
export function createDriver(bus: BusConfig, transport?: TransportFactory): BusDriver {
  if (!bus || typeof bus.id !== 'string' || !/^[A-Za-z0-9_]+$/.test(bus.id)) {
    throw new RangeError(`bus id "${String(bus?.id)}" must be letters, digits or _`);
  }
  if (bus.driver !== 'modbus-rtu' && bus.driver !== 'wireless-base') {
    throw new RangeError(`bus ${bus.id}: unknown driver "${String(bus.driver)}"`);
  }
  if (!transport && (typeof bus.path !== 'string' || bus.path === '')) {
    throw new RangeError(`bus ${bus.id}: path is missing`);
  }
  const baudRate = bus.driver === 'wireless-base' ? 115200 : (bus.baudRate ?? 115200);
  if (!(BAUD_RATES as readonly number[]).includes(baudRate)) {
    throw new RangeError(
      `bus ${bus.id}: baud rate ${baudRate} is not one of ${BAUD_RATES.join(', ')}`,
    );
  }
  let addresses: number[];
  try {
    addresses = parseAddresses(bus.addresses, MAX_ADDRESS[bus.driver]);
  } catch (err) {
    throw new RangeError(`bus ${bus.id}: ${(err as Error).message}`);
  }
  const factory = transport ?? serialFactory({ path: bus.path ?? '', baudRate });
  if (bus.driver === 'modbus-rtu')
    return new ModbusRtuDriver(bus.id, addresses, factory, bus.options);
  return new WirelessBaseDriver(bus.id, factory, bus.options, addresses);
}
