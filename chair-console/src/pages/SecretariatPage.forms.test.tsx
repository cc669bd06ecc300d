// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedProfile, type VotePayload } from '@hall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_LIVE, type LiveState } from '../lib/live';
import { renderIn } from '../test-utils';
import { SecretariatPage } from './SecretariatPage';

let live: LiveState = { ...EMPTY_LIVE, connected: true };
vi.mock('../lib/live', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useLive: () => live,
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  live = { ...EMPTY_LIVE, connected: true };
});

const session = (kind: 'committee' | 'evaluation') => ({
  sessionId: 3,
  title: '群众评议会议',
  startedAt: '2026-12-02T01:00:00.000Z',
  items: [],
  kind,
});
const record = (seq: number, over: object) => ({
  seq,
  title: `测评 ${seq}`,
  profile: seedProfile('anhui-2013'),
  members: 42,
  present: 42,
  counts: { satisfied: 42, 'basically-satisfied': 0, unsatisfied: 0 },
  invalid: 0,
  notVoted: 0,
  outcome: 'satisfied',
  corrects: null,
  ...over,
});
const evaluators = [
  { evaluatorId: 'E01', name: '王一', group: '两代表一委员', seat: 'A-1' },
  { evaluatorId: 'E02', name: '王二', group: '服务对象代表', seat: null },
  { evaluatorId: 'E03', name: '王三', group: '两代表一委员', seat: 'A-3' },
];

/** A fake hall server: GETs by path; POSTs and PUTs recorded and answered by `writes`. */
function serve(gets: Record<string, unknown>, writes: Record<string, unknown> = {}) {
  const sent: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const json = (b: unknown, status = 200) => new Response(JSON.stringify(b), { status });
      if (method !== 'GET') {
        const body = init?.body;
        // A file is sent as it is (its bytes); a JSON body as JSON.
        sent.push({ url, method, body: typeof body === 'string' ? JSON.parse(body) : body });
        return writes[url] ? json(writes[url]) : json({ message: 'not found' }, 404);
      }
      return gets[url] ? json(gets[url]) : json({ code: 'NO_SESSION', message: 'none' }, 404);
    }),
  );
  return sent;
}

describe('SecretariatPage, issue 14', () => {
  it('starts an evaluation meeting (评议会议) with kind evaluation', async () => {
    const sent = serve(
      { '/api/records': { records: [] }, '/api/corrections': { proposals: [] } },
      { '/api/sessions': { sessionId: 3 } },
    );
    renderIn(<SecretariatPage token="s" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('标题'), '群众评议会议');
    await user.selectOptions(screen.getByLabelText('会议类型'), 'evaluation');
    await user.click(screen.getByRole('button', { name: '开始会议' }));
    expect(sent).toEqual([
      {
        url: '/api/sessions',
        method: 'POST',
        body: { title: '群众评议会议', kind: 'evaluation' },
      },
    ]);
  });

  it('in an evaluation meeting: uploads the evaluators’ file and lists them by group', async () => {
    const gets: Record<string, unknown> = {
      '/api/sessions/current': session('evaluation'),
      '/api/records': { records: [] },
      '/api/corrections': { proposals: [] },
      '/api/sessions/current/evaluators': { entries: [] },
    };
    const sent = serve(gets, {
      '/api/sessions/current/evaluators': {
        evaluators: 3,
        groups: [
          { group: '两代表一委员', count: 2 },
          { group: '服务对象代表', count: 1 },
        ],
      },
    });
    renderIn(<SecretariatPage token="s" />);
    const panel = within(await screen.findByRole('region', { name: '评议人员' }));
    expect(await panel.findByText('尚未导入评议人员')).toBeTruthy();
    gets['/api/sessions/current/evaluators'] = { entries: evaluators };
    const csv = new File(['evaluator_id,name,group,seat\nE01,王一,两代表一委员,A-1\n'], 'e.csv', {
      type: 'text/csv',
    });
    await userEvent
      .setup()
      .upload(panel.getByLabelText('导入评议人员名单（evaluator_id,name,group,seat）'), csv);
    expect((await panel.findByTestId('evaluators-message')).textContent).toBe(
      '评议人员已导入：共 3 人（两代表一委员：2 人，服务对象代表：1 人）',
    );
    expect(sent).toEqual([{ url: '/api/sessions/current/evaluators', method: 'PUT', body: csv }]);
    const group = within(await panel.findByTestId('evaluator-group-两代表一委员'));
    expect(group.getByText('两代表一委员：2 人')).toBeTruthy();
    expect(group.getAllByRole('row').map((r) => r.textContent)).toEqual([
      '编号姓名席位',
      'E01王一A-1',
      'E03王三A-3',
    ]);
    expect(panel.getByTestId('evaluator-group-服务对象代表').textContent).toContain('E02王二—');
  });

  it('shows how each record’s ballots were taken, and the retake note', async () => {
    serve({
      '/api/records': {
        records: [
          record(1, {}),
          record(2, { method: 'keypads' }),
          record(3, {
            method: 'paper',
            retakes: {
              voteId: 2,
              title: '测评 2',
              method: 'keypads',
              reason: '表决器故障',
              abandonedAt: '2026-12-02T01:30:00.000Z',
            },
          }),
        ],
      },
      '/api/corrections': { proposals: [] },
    });
    renderIn(<SecretariatPage token="s" />);
    expect((await screen.findByTestId('record-method-1')).textContent).toBe('方式：表决器');
    expect(screen.getByTestId('record-method-3').textContent).toBe('方式：纸质票');
    expect(within(screen.getByTestId('record-row-3')).getByTestId('retake-note').textContent).toBe(
      '重新测评：第 2 项因“表决器故障”放弃',
    );
  });

  it('offers the hand-count entry while a paper vote is open', async () => {
    const vote: VotePayload = {
      voteId: 9,
      title: '群众评议：张三',
      state: 'open',
      present: 42,
      pressed: 0,
      method: 'hands',
      openedAt: '2026-12-02T01:10:00.000Z',
      closesAt: null,
    };
    live = { ...EMPTY_LIVE, connected: true, vote };
    serve({
      '/api/records': { records: [] },
      '/api/corrections': { proposals: [] },
      '/api/profiles': [seedProfile('anhui-2013')],
      '/api/votes/latest': {
        voteId: 9,
        state: 'open',
        present: 42,
        pressed: 0,
        method: 'hands',
        profileName: seedProfile('anhui-2013')!.name,
        options: seedProfile('anhui-2013')!.optionSet.options,
      },
    });
    renderIn(<SecretariatPage token="s" />);
    const panel = within(screen.getByTestId('hand-counts'));
    expect(panel.getByTestId('hand-counts-method').textContent).toBe('方式：举手');
    expect(await panel.findByLabelText('基本满意')).toBeTruthy();
    expect(panel.getByRole('button', { name: '录入票数' })).toBeTruthy();
  });
});
