// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HardwarePayload } from '@hall/shared';
import { renderIn } from '../test-utils';
import { StorageAlert } from './StorageAlert';

afterEach(cleanup);

const hardware = (storage: HardwarePayload['storage']): HardwarePayload => ({
  buses: [],
  seatsOnline: 0,
  seatsTotal: 0,
  offline: [],
  storage,
});

describe('StorageAlert', () => {
  it('tells the chair that presses are not acknowledged, with the code and the count', () => {
    renderIn(
      <StorageAlert
        hardware={hardware({
          code: 'SQLITE_FULL',
          since: '2026-12-02T02:05:00.000Z',
          unsettled: 7,
        })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('数据存储写入失败');
    expect(alert.textContent).toContain('SQLITE_FULL');
    expect(alert.textContent).toContain('10:05:00');
    expect(alert.textContent).toMatch(/未确认按键\s*7/);
  });

  it('shows nothing while the store takes writes', () => {
    renderIn(<StorageAlert hardware={hardware(null)} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
