import { useEffect, useState } from 'react';
import { NAMESPACES } from '@hall/shared';
import { BusHealth } from '../components/BusHealth';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { SeatMap, type SeatView } from '../components/SeatMap';
import { TerminalPairing } from '../components/TerminalPairing';
import { endpoints } from '../lib/endpoints';
import { useLive } from '../lib/live';

/** Buses and seats: what is online, what is down. */
export function TechnicianPage({ token }: { token: string }) {
  const live = useLive(NAMESPACES.technician, token);
  const [seats, setSeats] = useState<SeatView[]>([]);
  const [terminalSeats, setTerminalSeats] = useState<string[]>([]);
  useEffect(() => {
    endpoints.seats(token).then(
      (r) => setSeats(r.seats),
      () => setSeats([]),
    );
  }, [token, live.hardware]);
  return (
    <div className="technician">
      <ConnectionBanner connected={live.connected} />
      <BusHealth hardware={live.hardware} />
      <TerminalPairing token={token} seats={seats.map((s) => s.seat)} onSeats={setTerminalSeats} />
      <SeatMap seats={seats} terminalSeats={terminalSeats} />
    </div>
  );
}
