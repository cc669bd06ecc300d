/**
 * CRC-16/MODBUS (SEAT-PROTOCOLS.md §1 "Framing"): reflected polynomial 0xA001, initial value
 * 0xFFFF, sent low byte first.
 */
const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    table[n] = c;
  }
  return table;
}

/** CRC of `bytes[start, end)`. */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc = (crc >>> 8) ^ (TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  }
  return crc;
}

/** `body` with its CRC appended, low byte first. */
export function withCrc(body: readonly number[]): Uint8Array {
  const frame = new Uint8Array(body.length + 2);
  frame.set(body);
  const crc = crc16(frame, 0, body.length);
  frame[body.length] = crc & 0xff;
  frame[body.length + 1] = crc >>> 8;
  return frame;
}

/** True when the last two bytes of `bytes[start, end)` are the CRC of the bytes before them. */
export function crcMatches(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const crc = crc16(bytes, start, end - 2);
  return bytes[end - 2] === (crc & 0xff) && bytes[end - 1] === crc >>> 8;
}
