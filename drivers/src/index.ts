/** The seat hardware drivers and their transports (SEAT-PROTOCOLS.md). The seat simulator is
 * its own entry, `@hall/drivers/sim`. */
export * from './types';
export { createDriver, parseAddresses, AddressError, BAUD_RATES } from './config';
export type { BusConfig } from './config';
export { resolveOptions, LINE_OPTIONS } from './options';
export type { Bound } from './options';
export { ModbusRtuDriver, MODBUS_OPTIONS } from './modbus/driver';
export type { ModbusOptions } from './modbus/driver';
export { WirelessBaseDriver, WIRELESS_OPTIONS } from './wireless/driver';
export type { WirelessOptions } from './wireless/driver';
export { crc16, withCrc, crcMatches } from './modbus/crc16';
export * from './modbus/frames';
export { ReplyReader } from './modbus/reply-reader';
export { RequestReader } from './modbus/request-reader';
export { encodeLine, checkLine, xorChecksum, LineReader, MAX_LINE } from './wireless/line-codec';
export * from './wireless/messages';
export type { Transport, TransportFactory } from './transport/transport';
export { SerialTransport, serialFactory } from './transport/serial-transport';
export { MemoryLine } from './transport/memory-pair';
export { LineSupervisor } from './transport/line-supervisor';
