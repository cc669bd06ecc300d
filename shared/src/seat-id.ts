/**
 * A seat is `<bus id>-<address>` (CONTRACT.md §3), e.g. `A-12`, `W-301`. Bus ids are letters,
 * digits or `_`, so the last `-` parts the two. Seat ids are built and read only here.
 */
export type SeatId = string;

/** The seat at `address` on bus `bus`. */
export function seatId(bus: string, address: number): SeatId {
  return `${bus}-${address}`;
}

/** The bus and address of a seat of the hall (check it is one first: no validation here). */
export function parseSeatId(seat: SeatId): { bus: string; address: number } {
  const dash = seat.lastIndexOf('-');
  return { bus: seat.slice(0, dash), address: Number(seat.slice(dash + 1)) };
}
