// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedProfile, type SeriesReply, type SeriesSummaryReply } from '@hall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_LIVE } from '../lib/live';
import { renderIn } from '../test-utils';
import { SeriesPage } from './SeriesPage';

vi.mock('../lib/live', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useLive: () => ({ ...EMPTY_LIVE, connected: true }),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const anhui = seedProfile('anhui-2013')!;
const members = {
  ...anhui,
  id: 'dangyuan-pingyi',
  name: { zh: '党员评议办法', en: 'Members' },
};
const entry = (profile: typeof anhui, builtIn: boolean) => ({
  id: profile.id,
  version: 1,
  builtIn,
  latest: true,
  inUse: false,
  createdAt: null,
  createdBy: null,
  rules: [],
  profile,
});
const session = {
  sessionId: 3,
  title: '群众评议会议',
  startedAt: '2026-12-02T01:00:00.000Z',
  items: [
    { itemId: 7, title: '关于优化营商环境工作情况的报告', organ: '省人民政府' },
    { itemId: 8, title: '关于法院执行工作的报告', organ: '省高级人民法院' },
  ],
};
const series: SeriesReply = {
  seriesId: 12,
  sessionId: 3,
  title: '第一党支部群众评议',
  kind: 'subjects',
  itemId: null,
  organ: null,
  autoAdvance: false,
  method: 'paper',
  subjects: [
    {
      index: 1,
      title: '第一党支部',
      profileId: 'anhui-2013',
      profileName: anhui.name,
      voteId: 4,
      state: 'announced',
      outcome: { id: 'satisfied', label: { zh: '满意', en: 'Satisfied' } },
    },
    {
      index: 2,
      title: '张三',
      profileId: 'dangyuan-pingyi',
      profileName: members.name,
      voteId: null,
      state: 'pending',
      outcome: null,
    },
  ],
  next: 2,
};
const share = (count: number, of: number, text: string) => ({ count, of, text });
const summary: SeriesSummaryReply = {
  seriesId: 12,
  title: '第一党支部群众评议',
  kind: 'subjects',
  organ: '机关党委',
  method: 'paper',
  subjects: [
    {
      index: 1,
      title: '第一党支部',
      voteId: 4,
      recordSeq: 1,
      profileId: 'anhui-2013',
      members: 42,
      present: 42,
      returned: 42,
      counts: { satisfied: 42 },
      outcome: { id: 'satisfied', label: { zh: '满意', en: 'Satisfied' } },
      optionShares: [
        {
          option: 'satisfied',
          label: { zh: '满意', en: 'Satisfied' },
          share: share(42, 42, '100%'),
        },
      ],
    },
  ],
  groups: [
    {
      profileId: 'anhui-2013',
      profileVersion: 1,
      profileName: anhui.name,
      decided: 1,
      outcomes: [
        { id: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, share: share(1, 1, '100%') },
      ],
    },
    {
      profileId: 'dangyuan-pingyi',
      profileVersion: 2,
      profileName: members.name,
      decided: 33,
      outcomes: [
        { id: 'excellent', label: { zh: '优秀', en: 'Excellent' }, share: share(30, 33, '91%') },
        { id: 'qualified', label: { zh: '合格', en: 'Qualified' }, share: share(3, 33, '9%') },
      ],
    },
  ],
};

/** A fake hall server: GETs by path, POSTs recorded and answered by `posts`. */
function serve(list: SeriesReply[], posts: Record<string, unknown> = {}) {
  const sent: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        sent.push({ url, body: JSON.parse(String(init.body)) });
        return new Response(JSON.stringify(posts[url] ?? {}), { status: posts[url] ? 200 : 404 });
      }
      const gets: Record<string, unknown> = {
        '/api/series': list,
        '/api/sessions/current': session,
        '/api/profiles': [entry(anhui, true), entry(members, false)],
        '/api/series/12/summary': summary,
      };
      const body = gets[url];
      return new Response(JSON.stringify(body ?? { message: 'not found' }), {
        status: body ? 200 : 404,
      });
    }),
  );
  return sent;
}

describe('SeriesPage (issue 14)', () => {
  it('creates a series of departments: the body as the server takes it', async () => {
    const sent = serve([], { '/api/series': { seriesId: 13 } });
    renderIn(<SeriesPage token="s" role="secretariat" />);
    expect(await screen.findByText('尚无连续测评')).toBeTruthy();
    const form = within(screen.getByRole('form', { name: '新建连续测评' }));
    const user = userEvent.setup();
    await user.type(form.getByLabelText('名称'), '营商环境报告分部门测评');
    await user.click(form.getByLabelText('分部门测评'));
    await user.selectOptions(form.getByLabelText('议程事项（报告）'), '8');
    await user.click(form.getByLabelText('举手'));
    await user.click(form.getByLabelText('结束后自动公布并开始下一项'));
    await user.type(form.getByLabelText('每项自动结束（秒，可不填）'), '120');
    await user.type(
      form.getByLabelText('测评对象（每行一个）'),
      '省发展改革委{Enter}{Enter} 省市场监管局 {Enter}',
    );
    expect(form.getByTestId('series-subject-count').textContent).toBe('共 2 项');
    await screen.findAllByRole('option', { name: '党员评议办法（本会场） v1' });
    await user.click(form.getByLabelText('逐项选择测评办法'));
    await user.selectOptions(form.getByLabelText('省市场监管局 测评办法'), 'dangyuan-pingyi');
    await user.click(form.getByRole('button', { name: '新建连续测评' }));
    expect(sent).toEqual([
      {
        url: '/api/series',
        body: {
          title: '营商环境报告分部门测评',
          kind: 'departments',
          itemId: 8,
          subjects: [
            { title: '省发展改革委', profile: 'anhui-2013' },
            { title: '省市场监管局', profile: 'dangyuan-pingyi' },
          ],
          autoAdvance: true,
          method: 'hands',
          durationSeconds: 120,
        },
      },
    ]);
    expect((await screen.findByTestId('series-message')).textContent).toBe(
      '已创建连续测评：营商环境报告分部门测评',
    );
  });

  it('lists the subjects with state and outcome; the chair’s 下一项 posts next', async () => {
    const sent = serve([series], { '/api/series/12/next': { seriesId: 12, index: 2, voteId: 5 } });
    renderIn(<SeriesPage token="c" role="chair" />);
    const list = within(await screen.findByTestId('series-12'));
    expect(list.getByTestId('subject-1').textContent).toBe(`1第一党支部${anhui.name.zh}已公布满意`);
    expect(list.getByTestId('subject-2').textContent).toContain('待测评');
    expect(list.getByTestId('series-method').textContent).toBe('方式：纸质票');
    await userEvent.setup().click(list.getByRole('button', { name: '下一项' }));
    expect(sent).toEqual([{ url: '/api/series/12/next', body: {} }]);
  });

  it('offers no 下一项 to the secretariat (the chair advances)', async () => {
    serve([series]);
    renderIn(<SeriesPage token="s" role="secretariat" />);
    const list = within(await screen.findByTestId('series-12'));
    expect(list.queryByRole('button', { name: '下一项' })).toBeNull();
  });

  it('prints the summary: exact counts beside each rate, title, organ and method', async () => {
    serve([series]);
    const print = vi.fn();
    window.print = print;
    renderIn(<SeriesPage token="c" role="chair" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '汇总' }));
    const page = within(await screen.findByTestId('series-summary'));
    expect(page.getByRole('heading', { level: 2 }).textContent).toBe(
      '第一党支部群众评议 测评结果汇总',
    );
    expect(page.getByText(/机关党委/)).toBeTruthy();
    expect(page.getByTestId('summary-method').textContent).toBe('方式：纸质票');
    expect(page.getByTestId('rate-dangyuan-pingyi-excellent').textContent).toBe(
      '优秀 30 / 33 = 91%',
    );
    expect(page.getByTestId('rate-dangyuan-pingyi-qualified').textContent).toBe('合格 3 / 33 = 9%');
    expect(page.getByTestId('summary-subject-1').textContent).toContain('满意 42 / 42 = 100%');
    await user.click(page.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(page.getByRole('button', { name: '返回' }));
    expect(await screen.findByTestId('series-12')).toBeTruthy();
  });
});
