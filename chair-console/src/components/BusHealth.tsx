import type { BusHealth as Line, HardwarePayload } from '@hall/shared';
import { useI18n, type StringKey } from '../lib/i18n';
import './bus-health.css';

/** The typed counters of a line (issue 13), in the table's order, and their column heads. */
const COUNTERS = [
  ['frames', 'hwFrames', 'frames'],
  ['checksumErrors', 'hwChecksumErrors', 'badChecksums'],
  ['timeouts', 'hwTimeouts', 'timeouts'],
  ['discardedBytes', 'hwDiscardedBytes', 'discardedBytes'],
  ['reconnects', 'hwReconnects', 'reconnects'],
  ['resets', 'hwResets', 'resets'],
] as const satisfies readonly (readonly [keyof Line, StringKey, string])[];

/** A typed counter, else the driver's raw one (a server before issue 13), else nothing known. */
function counter(line: Line, key: (typeof COUNTERS)[number][0], raw: string): number | null {
  const typed = line[key];
  if (typeof typed === 'number') return typed;
  const old = line.stats[raw];
  return typeof old === 'number' ? old : null;
}

const KIND: Record<string, StringKey> = {
  'modbus-rtu': 'hwKindModbus',
  'wireless-base': 'hwKindWireless',
};

/**
 * Bus and seat health for the technician: one row per line with its state, the seats online,
 * the line's counters (帧数、校验错误、超时、丢弃字节、重连、复位) and the seats that are silent or
 * were reset. Refreshed by every `hardware` push (the server pushes the counters about once a
 * second while they change).
 */
export function BusHealth({ hardware }: { hardware: HardwarePayload | null }) {
  const { t, lang } = useI18n();
  if (!hardware) return null;
  const number = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en');
  const seats = (list: string[] | undefined) =>
    list === undefined
      ? '—'
      : list.length === 0
        ? t('hwNone')
        : list.join(lang === 'zh' ? '、' : ', ');
  return (
    <section className="panel buses" aria-labelledby="bus-health-title">
      <h2 id="bus-health-title">
        {t('buses')} · {t('seatsOnline')} {hardware.seatsOnline}/{hardware.seatsTotal}
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="bus-health-title">
        <table className="results bus-lines" data-testid="bus-lines">
          <caption>
            {t('hwTable')} <span className="bus-lines-note">（{t('hwTableNote')}）</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('hwLine')}</th>
              <th scope="col">{t('hwKind')}</th>
              <th scope="col">{t('hwState')}</th>
              <th scope="col">{t('hwOnline')}</th>
              {COUNTERS.map(([key, label]) => (
                <th scope="col" key={key} className="num">
                  {t(label)}
                </th>
              ))}
              <th scope="col">{t('hwSilentSeats')}</th>
              <th scope="col">{t('hwResetSeats')}</th>
            </tr>
          </thead>
          <tbody>
            {hardware.buses.map((b) => {
              const kind = KIND[b.kind];
              return (
                <tr key={b.bus} className={b.up ? 'up' : 'down'} data-testid={`bus-${b.bus}`}>
                  <th scope="row">{b.bus}</th>
                  <td>{kind ? t(kind) : b.kind}</td>
                  <td className="bus-state">
                    {b.up ? t('busUp') : `${t('busDown')}${b.reason ? `：${b.reason}` : ''}`}
                  </td>
                  <td className="num">
                    {b.seatsOnline}/{b.seatsTotal}
                  </td>
                  {COUNTERS.map(([key, , raw]) => {
                    const n = counter(b, key, raw);
                    return (
                      <td key={key} className="num" data-counter={key}>
                        {n === null ? '—' : number.format(n)}
                      </td>
                    );
                  })}
                  <td className="seat-list" data-testid={`silent-${b.bus}`}>
                    {seats(b.silentSeats)}
                  </td>
                  <td className="seat-list" data-testid={`reset-${b.bus}`}>
                    {seats(b.resetSeats)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
