import { useEffect, useState } from 'react';
import { NAMESPACES } from '@hall/shared';
import { BusHealth } from '../components/BusHealth';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { StorageAlert } from '../components/StorageAlert';
import { KeyFingerprint } from '../components/KeyFingerprint';
import { SeatMap, type SeatView } from '../components/SeatMap';
import { TerminalPairing } from '../components/TerminalPairing';
import { endpoints } from '../lib/endpoints';
import { useLive } from '../lib/live';

/** Buses and seats: what is online, what is down. */
export function TechnicianPage({ token }: { token: string }) {
  const live = useLive(NAMESPACES.technician, token);
  const [seats, setSeats] = useState<SeatView[]>([]);
  const [terminalSeats, setTerminalSeats] = useState<string[]>([]);
  // The seat map follows seats going online or offline, not the line counters that come with
  // every `hardware` push (about once a second while they change).
  const onlineKey = live.hardware
    ? `${live.hardware.seatsOnline}:${live.hardware.offline.join(',')}`
    : '';
  useEffect(() => {
    endpoints.seats(token).then(
      (r) => setSeats(r.seats),
      () => setSeats([]),
    );
  }, [token, onlineKey]);
  return (
    <div className="technician">
      <ConnectionBanner connected={live.connected} />
      <StorageAlert hardware={live.hardware} />
      <KeyFingerprint token={token} />
      <BusHealth hardware={live.hardware} />
      <TerminalPairing token={token} seats={seats.map((s) => s.seat)} onSeats={setTerminalSeats} />
      <SeatMap seats={seats} terminalSeats={terminalSeats} />
    </div>
  );
}
