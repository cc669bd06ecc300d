// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BusHealth as Line, HardwarePayload } from '@hall/shared';
import { renderIn } from '../test-utils';
import { BusHealth } from './BusHealth';

afterEach(cleanup);

const line = (over: Partial<Line>): Line => ({
  bus: 'A',
  kind: 'modbus-rtu',
  up: true,
  reason: null,
  seatsOnline: 39,
  seatsTotal: 40,
  stats: {},
  frames: 123_456,
  checksumErrors: 7,
  timeouts: 31,
  discardedBytes: 212,
  reconnects: 1,
  resets: 2,
  silentSeats: ['A-7'],
  resetSeats: ['A-2', 'A-12'],
  ...over,
});

const payload = (buses: Line[]): HardwarePayload => ({
  buses,
  seatsOnline: buses.reduce((n, b) => n + b.seatsOnline, 0),
  seatsTotal: buses.reduce((n, b) => n + b.seatsTotal, 0),
  offline: [],
  storage: null,
});

/** The cells of a line's row, by column head. */
function row(bus: string): Record<string, string> {
  const table = screen.getByTestId('bus-lines');
  const heads = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');
  const cells = [...screen.getByTestId(`bus-${bus}`).children].map((c) => c.textContent ?? '');
  return Object.fromEntries(heads.map((h, i) => [h, cells[i] ?? '']));
}

describe('BusHealth', () => {
  it('shows each line’s counters and its silent and reset seats, Chinese first', () => {
    renderIn(
      <BusHealth
        hardware={payload([
          line({}),
          line({
            bus: 'W',
            kind: 'wireless-base',
            up: false,
            reason: '未插入',
            seatsOnline: 0,
            seatsTotal: 30,
            frames: 0,
            checksumErrors: 0,
            timeouts: 4,
            discardedBytes: 0,
            reconnects: 3,
            resets: 1,
            silentSeats: [],
            resetSeats: [],
          }),
        ])}
      />,
    );
    expect(screen.getByRole('table', { name: /各线路通信计数/ })).toBeTruthy();
    expect(row('A')).toEqual({
      线路: 'A',
      类型: '有线（Modbus RTU）',
      状态: '正常',
      在线席位: '39/40',
      帧数: '123,456',
      校验错误: '7',
      超时: '31',
      丢弃字节: '212',
      重连: '1',
      复位: '2',
      无响应席位: 'A-7',
      复位过的席位: 'A-2、A-12',
    });
    expect(row('W')).toMatchObject({
      类型: '无线基站',
      状态: '故障：未插入',
      帧数: '0',
      重连: '3',
      无响应席位: '无',
      复位过的席位: '无',
    });
    expect(screen.getByTestId('bus-W').className).toBe('down');
  });

  it('updates when a new hardware push arrives', () => {
    const { rerender } = renderIn(<BusHealth hardware={payload([line({})])} />);
    expect(row('A')['校验错误']).toBe('7');
    rerender(<BusHealth hardware={payload([line({ checksumErrors: 8, silentSeats: [] })])} />);
    expect(row('A')['校验错误']).toBe('8');
    expect(row('A')['无响应席位']).toBe('无');
  });

  it('falls back to the raw counters of an older server, and says so in English too', () => {
    const old = line({ stats: { frames: 10, badChecksums: 2, timeouts: 1, discardedBytes: 0 } });
    for (const k of [
      'frames',
      'checksumErrors',
      'timeouts',
      'discardedBytes',
      'reconnects',
      'resets',
      'silentSeats',
      'resetSeats',
    ] as const)
      delete old[k];
    renderIn(<BusHealth hardware={payload([old])} />, 'en');
    expect(row('A')).toMatchObject({
      Frames: '10',
      'Checksum errors': '2',
      Reconnects: '—',
      'Silent seats': '—',
    });
  });

  it('shows nothing before the first push', () => {
    const { container } = renderIn(<BusHealth hardware={null} />);
    expect(container.textContent).toBe('');
  });
});
