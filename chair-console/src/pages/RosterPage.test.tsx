// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RosterReply } from '@hall/shared';
import { renderIn } from '../test-utils';
import { XLSX_TYPE } from '../lib/roster-upload';
import { ConsoleApp } from './ConsoleApp';
import { RosterPage } from './RosterPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

type Entry = RosterReply['entries'][number];
const ROSTER: Entry[] = [
  { memberId: 'M001', name: '张三', role: 'member', seat: 'A-1' },
  { memberId: 'M002', name: '李四', role: 'member', seat: null },
  { memberId: 'O001', name: '王五', role: 'observer', seat: 'W-1' },
];
const REFUSAL =
  '名单第 3 行：席位 Z-99 不属于本会场 / roster line 3: seat Z-99 is not a seat of this hall';

/** GET /api/roster over `entries`; POST /api/roster records what was sent and answers. */
function fakeRosterApi(entries: Entry[]) {
  const posts: { type: string | undefined; body: unknown }[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url === '/api/roster' && method === 'GET') return json(200, { entries });
    if (url === '/api/roster' && method === 'POST') {
      const headers = init?.headers as Record<string, string>;
      posts.push({ type: headers['content-type'], body: init?.body });
      const file = init?.body as File;
      if (file.name.startsWith('bad')) {
        return json(422, { statusCode: 422, code: 'ROSTER_INVALID', message: REFUSAL });
      }
      entries.splice(0, entries.length, ...ROSTER.slice(0, 2));
      return json(200, { members: 2, observers: 0 });
    }
    return json(404, { statusCode: 404, code: 'NOT_FOUND', message: '未找到 / not found' });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, posts };
}

describe('名单 (the secretariat’s roster page)', () => {
  it('shows the roster with 组成人员/列席, the seats and the counts', async () => {
    fakeRosterApi([...ROSTER]);
    renderIn(<RosterPage token="t" />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '代表编号姓名身份座位',
      'M001张三组成人员A-1',
      'M002李四组成人员未分配',
      'O001王五列席W-1',
    ]);
    expect(screen.getByTestId('roster-counts').textContent).toBe(
      '组成人员 2 人，列席 1 人，未分配座位 1 人',
    );
  });

  it('sends the file’s bytes with its type, then shows the new counts and the new roster', async () => {
    const api = fakeRosterApi([...ROSTER]);
    const ui = userEvent.setup();
    renderIn(<RosterPage token="t" />);
    await screen.findByRole('table');
    const xlsx = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '名单.xlsx', { type: XLSX_TYPE });
    await ui.upload(screen.getByLabelText('选择名单文件'), xlsx);
    expect((await screen.findByRole('status')).textContent).toBe(
      '名单已导入：组成人员 2 人，列席 0 人',
    );
    expect(api.posts).toEqual([{ type: XLSX_TYPE, body: xlsx }]);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    const csv = new File(['member_id'], 'roster.CSV', { type: 'application/vnd.ms-excel' });
    await ui.upload(screen.getByLabelText('选择名单文件'), csv);
    await waitFor(() => expect(api.posts[1]).toEqual({ type: 'text/csv', body: csv }));
  });

  it('shows the server’s reason with the line number, and the roster unchanged', async () => {
    fakeRosterApi([...ROSTER]);
    const ui = userEvent.setup();
    renderIn(<RosterPage token="t" />);
    await screen.findByRole('table');
    await ui.upload(
      screen.getByLabelText('选择名单文件'),
      new File([new Uint8Array([0xd5, 0xc5])], 'bad-gbk.csv', { type: 'text/csv' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      `名单未导入，原名单不变：${REFUSAL}`,
    );
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('is one of the secretariat’s pages', async () => {
    fakeRosterApi([...ROSTER]);
    sessionStorage.setItem('hall.auth', JSON.stringify({ token: 't', role: 'secretariat' }));
    const ui = userEvent.setup();
    renderIn(<ConsoleApp />);
    const nav = screen.getByRole('navigation', { name: 'pages' });
    await ui.click(within(nav).getByRole('button', { name: '名单' }));
    expect(await screen.findByRole('table')).toBeTruthy();
  });
});
