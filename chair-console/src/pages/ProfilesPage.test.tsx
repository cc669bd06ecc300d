// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  anhui2013,
  fractionWords,
  tally,
  zizhou,
  type Profile,
  type ProfileLibraryEntry,
  type Text,
} from '@hall/shared';
import { renderIn } from '../test-utils';
import { ConsoleApp } from './ConsoleApp';
import { ProfilesPage } from './ProfilesPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

/** The fake server's read-back: what each rung's conditions say (never the rung's own words). */
function rulesOf(p: Profile): Text[] {
  return p.ladder.map((r) => {
    const label = p.outcomes.find((o) => o.id === r.outcome)?.label ?? { zh: '?', en: '?' };
    if (!r.when) return { zh: `其余情形为${label.zh}`, en: `otherwise ${label.en}` };
    const zh = r.when
      .map((c) => `${c.options.join('加')}票达到${fractionWords(c.fraction).zh}`)
      .join('且');
    return { zh: `${zh}为${label.zh}`, en: label.en };
  });
}

/** The server's problems, by JSON path (a stand-in for its checkProfileDocument). */
function problemsOf(p: Profile) {
  const problems: { path: string; message: string }[] = [];
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(String(p.id))) {
    problems.push({ path: '/id', message: '办法编号格式不对 / bad profile id' });
  }
  p.ladder.forEach((r, i) =>
    (r.when ?? []).forEach((c, j) => {
      if (c.fraction.num > c.fraction.den) {
        problems.push({
          path: `/ladder/${i}/when/${j}/fraction`,
          message: `分数 ${c.fraction.num}/${c.fraction.den} 大于 1 / fraction above 1`,
        });
      }
    }),
  );
  return problems;
}

const entry = (profile: Profile, over: Partial<ProfileLibraryEntry>): ProfileLibraryEntry => ({
  id: profile.id,
  version: profile.version,
  builtIn: false,
  latest: true,
  inUse: false,
  createdAt: null,
  createdBy: null,
  rules: rulesOf(profile),
  profile,
  ...over,
});

const twoThirds = (version: number): Profile => ({
  ...anhui2013,
  id: 'two-thirds',
  version,
  name: { zh: '三分之二办法', en: 'Two thirds' },
  ladder: anhui2013.ladder.map((r) =>
    r.when ? { ...r, when: r.when.map((c) => ({ ...c, fraction: { num: 2, den: 3 } })) } : r,
  ),
});

/** The profile routes of shared/src/api/forms-schemas.ts over an in-memory library. */
function fakeProfilesApi() {
  const library: ProfileLibraryEntry[] = [
    entry(anhui2013, { builtIn: true, inUse: true }),
    entry(twoThirds(1), { latest: false, inUse: true }),
    entry(twoThirds(2), {}),
  ];
  const calls: { method: string; url: string; body: unknown }[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : {};
    calls.push({ method, url, body });
    if (url === '/api/profiles/library') return json(200, library);
    if (url === '/api/profiles/check') {
      const p = body.profile as Profile;
      const problems = problemsOf(p);
      const reply: Record<string, unknown> = {
        valid: problems.length === 0,
        problems,
        rules: problems.length ? [] : rulesOf(p),
      };
      const sample = body.sample as
        | { members: number; present: number; counts: Record<string, number>; invalid: number }
        | undefined;
      if (sample && problems.length === 0) {
        if (sample.present > sample.members) {
          reply.sampleError = `实到 ${sample.present} 人多于全体组成人员 ${sample.members} 人 / present exceeds members`;
        } else {
          const r = tally(p, sample);
          reply.result = { ...r, explanation: r.explanation, passed: r.passed };
        }
      }
      return json(200, reply);
    }
    if (url === '/api/profiles' && method === 'POST') {
      const p = body.profile as Profile;
      if (library.some((e) => e.builtIn && e.id === p.id)) {
        return json(409, { statusCode: 409, code: 'X', message: '内置办法不能修改 / built-in' });
      }
      const version = Math.max(0, ...library.filter((e) => e.id === p.id).map((e) => e.version));
      for (const e of library) if (e.id === p.id) e.latest = false;
      library.push(entry({ ...p, version: version + 1 }, {}));
      return json(200, { id: p.id, version: version + 1 });
    }
    return json(404, { statusCode: 404, code: 'NOT_FOUND', message: '未找到 / not found' });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, library };
}

const posts = (calls: { method: string; url: string; body: unknown }[], url: string) =>
  calls.filter((c) => c.method === 'POST' && c.url === url);

async function setNumber(ui: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await ui.clear(input);
  await ui.type(input, value);
}

describe('测评办法 (the secretariat’s profile library and editor)', () => {
  it('lists built-in and hall profiles with 内置, versions, 使用中 and the rules; no 编辑 on a built-in', async () => {
    fakeProfilesApi();
    renderIn(<ProfilesPage token="t" />);
    const anhui = within(await screen.findByTestId('profile-anhui-2013-v1'));
    expect(anhui.getByText('内置')).toBeTruthy();
    expect(anhui.getByText('使用中')).toBeTruthy();
    expect(anhui.getByText('satisfied票达到半数为满意')).toBeTruthy();
    expect(anhui.getByRole('button', { name: /^复制/ })).toBeTruthy();
    expect(anhui.queryByRole('button', { name: /^编辑/ })).toBeNull();

    const v2 = within(screen.getByTestId('profile-two-thirds-v2'));
    expect(v2.getByText('第 2 版')).toBeTruthy();
    expect(v2.getByText('最新')).toBeTruthy();
    expect(v2.queryByText('内置')).toBeNull();
    expect(v2.getByRole('button', { name: /^编辑/ })).toBeTruthy();
    const v1 = within(screen.getByTestId('profile-two-thirds-v1'));
    expect(v1.getByText('使用中')).toBeTruthy();
    expect(v1.queryByRole('button', { name: /^编辑/ })).toBeNull();
    // Built-in first, then each id's newest version first.
    expect(screen.getAllByRole('row').map((r) => r.dataset.testid)).toEqual([
      undefined,
      'profile-anhui-2013-v1',
      'profile-two-thirds-v2',
      'profile-two-thirds-v1',
    ]);
  });

  it('copies a built-in, edits a threshold, reads the rule back, tries counts and saves the document', async () => {
    const { calls } = fakeProfilesApi();
    const ui = userEvent.setup();
    renderIn(<ProfilesPage token="t" />);
    const anhui = within(await screen.findByTestId('profile-anhui-2013-v1'));
    await ui.click(anhui.getByRole('button', { name: /^复制/ }));
    const editor = await screen.findByRole('region', { name: '复制为新办法 anhui-2013-copy' });
    expect((within(editor).getByLabelText(/^办法编号/) as HTMLInputElement).value).toBe(
      'anhui-2013-copy',
    );
    const readBack = () => screen.getByTestId('profile-readback').textContent;
    await waitFor(() =>
      expect(screen.getByTestId('readback-source').textContent).toBe('会场服务器核对'),
    );
    expect(readBack()).toContain('satisfied票达到半数为满意');

    await setNumber(ui, '第 1 级 条件 1 分子', '2');
    await setNumber(ui, '第 1 级 条件 1 分母', '3');
    await waitFor(() => expect(readBack()).toContain('satisfied票达到三分之二为满意'));
    expect(screen.getByTestId('readback-source').textContent).toBe('会场服务器核对');
    expect(readBack()).toContain('satisfied加basically-satisfied票达到半数为基本满意');

    // 试算: 39 of 60 is below two thirds, 40 reaches it (inclusive).
    const tryPanel = within(screen.getByRole('region', { name: '试算' }));
    await setNumber(ui, '全体组成人员', '60');
    await setNumber(ui, '实到', '58');
    await setNumber(ui, '满意票', '39');
    await setNumber(ui, '基本满意票', '10');
    await ui.click(tryPanel.getByRole('button', { name: '试算' }));
    expect((await tryPanel.findByTestId('try-outcome')).textContent).toBe('基本满意');
    await setNumber(ui, '满意票', '40');
    await ui.click(tryPanel.getByRole('button', { name: '试算' }));
    await waitFor(() => expect(tryPanel.getByTestId('try-outcome').textContent).toBe('满意'));
    expect(tryPanel.getByTestId('try-explanation').textContent).toMatch(/40/);
    const sent = posts(calls, '/api/profiles/check').at(-1)!.body as { sample: unknown };
    expect(sent.sample).toEqual({
      members: 60,
      present: 58,
      counts: { satisfied: 40, 'basically-satisfied': 10, unsatisfied: 0 },
      invalid: 0,
    });

    // Numbers that do not fit together: the server's reason.
    await setNumber(ui, '实到', '61');
    await ui.click(tryPanel.getByRole('button', { name: '试算' }));
    expect((await tryPanel.findByTestId('try-sample-error')).textContent).toMatch(/^实到 61 人/);

    await ui.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByTestId('profiles-message')).textContent).toBe(
      '已保存 anhui-2013-copy 第 1 版',
    );
    const saved = posts(calls, '/api/profiles')[0]!.body as { profile: Profile };
    expect(saved).toEqual({
      profile: {
        ...anhui2013,
        format: 'hall-profile/1',
        id: 'anhui-2013-copy',
        version: 1,
        name: { zh: `${anhui2013.name.zh}（副本）`, en: `${anhui2013.name.en} (copy)` },
        ladder: [
          {
            ...anhui2013.ladder[0]!,
            when: [{ ...anhui2013.ladder[0]!.when![0]!, fraction: { num: 2, den: 3 } }],
          },
          anhui2013.ladder[1],
          anhui2013.ladder[2],
        ],
      },
    });
    expect(Object.keys(saved.profile)[0]).toBe('format');
    // The editor is closed and the new profile is on the list, as version 1.
    expect(screen.queryByRole('region', { name: /复制为新办法/ })).toBeNull();
    const row = within(await screen.findByTestId('profile-anhui-2013-copy-v1'));
    expect(row.getByText('satisfied票达到三分之二为满意')).toBeTruthy();
  });

  it('shows each problem at the field its path names and in the list, and keeps 保存 disabled', async () => {
    fakeProfilesApi();
    const ui = userEvent.setup();
    renderIn(<ProfilesPage token="t" />);
    await ui.click(
      within(await screen.findByTestId('profile-anhui-2013-v1')).getByRole('button', {
        name: /^复制/,
      }),
    );
    await screen.findByRole('region', { name: /复制为新办法/ });
    await setNumber(ui, '第 2 级 条件 1 分子', '3');
    // The browser's check answers at once; the server's, the authority, replaces it.
    await waitFor(() =>
      expect(screen.getByTestId('problem-at-/ladder/1/when/0/fraction').textContent).toBe(
        '分数 3/2 大于 1 / fraction above 1',
      ),
    );
    const at = screen.getByTestId('problem-at-/ladder/1/when/0/fraction');
    // Beside rung 2's fraction, not rung 1's.
    expect(at.closest('[data-path="/ladder/1/when/0/fraction"]')).toBeTruthy();
    expect(
      within(screen.getByTestId('profile-problems')).getByText('/ladder/1/when/0/fraction'),
    ).toBeTruthy();
    expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('办法有误，改正后显示读回')).toBeTruthy();

    // An input's own problem: marked invalid and described by the message.
    const id = screen.getByLabelText(/^办法编号/);
    await ui.clear(id);
    await ui.type(id, 'Bad Id');
    await waitFor(() => {
      expect(id.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(id.getAttribute('aria-describedby')!)?.textContent).toBe(
        '办法编号格式不对 / bad profile id',
      );
    });
    // Choosing a problem in the list moves the focus to its field.
    await ui.click(
      within(screen.getByTestId('profile-problems')).getByText('/ladder/1/when/0/fraction'),
    );
    expect(document.activeElement).toBe(screen.getByLabelText('第 2 级 条件 1 分子'));

    await setNumber(ui, '第 2 级 条件 1 分子', '1');
    await ui.clear(id);
    await ui.type(id, 'good-id');
    await waitFor(() =>
      expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    expect(screen.queryByTestId('problem-at-/ladder/1/when/0/fraction')).toBeNull();
  });

  it('edits a hall profile into its next version: the same id is posted, the id cannot change', async () => {
    const { calls } = fakeProfilesApi();
    const ui = userEvent.setup();
    renderIn(<ProfilesPage token="t" />);
    const v2 = within(await screen.findByTestId('profile-two-thirds-v2'));
    await ui.click(v2.getByRole('button', { name: /^编辑/ }));
    await screen.findByRole('region', { name: /^编辑 two-thirds：保存为第 3 版/ });
    expect((screen.getByLabelText(/^办法编号/) as HTMLInputElement).readOnly).toBe(true);
    await ui.selectOptions(screen.getByLabelText('第 1 级 条件 1 比较'), 'more-than');
    await ui.click(screen.getByRole('checkbox', { name: '不满意不计入基数' }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    await ui.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByTestId('profiles-message')).textContent).toBe(
      '已保存 two-thirds 第 3 版',
    );
    const saved = (posts(calls, '/api/profiles')[0]!.body as { profile: Profile }).profile;
    expect(saved.id).toBe('two-thirds');
    expect(saved.version).toBe(3);
    expect(saved.ladder[0]!.when![0]!.comparison).toBe('more-than');
    expect(saved.excludeFromBase).toEqual(['unsatisfied']);
    // Every earlier version is still listed.
    await screen.findByTestId('profile-two-thirds-v3');
    expect(screen.getByTestId('profile-two-thirds-v2')).toBeTruthy();
    expect(screen.getByTestId('profile-two-thirds-v1')).toBeTruthy();
  });

  it('imports a pasted document into the editor, and refuses what is not one', async () => {
    fakeProfilesApi();
    const ui = userEvent.setup();
    renderIn(<ProfilesPage token="t" />);
    await ui.click(await screen.findByRole('button', { name: '新建' }));
    await screen.findByRole('region', { name: '新建测评办法' });
    const paste = screen.getByLabelText('粘贴办法文档（JSON）');
    await ui.click(paste);
    await ui.paste('[1, 2]');
    await ui.click(screen.getByRole('button', { name: '导入' }));
    expect(screen.getByTestId('import-error').textContent).toBe('不是 JSON 对象');
    await ui.clear(paste);
    await ui.click(paste);
    await ui.paste(JSON.stringify({ ...zizhou, id: 'zizhou-mine' }));
    await ui.click(screen.getByRole('button', { name: '导入' }));
    expect((screen.getByLabelText(/^办法编号/) as HTMLInputElement).value).toBe('zizhou-mine');
    expect((screen.getByLabelText('名称（中文）') as HTMLInputElement).value).toBe(zizhou.name.zh);
    expect(screen.getAllByTestId(/^rung-\d+-otherwise$/)).toHaveLength(1);
  });

  it('is one of the secretariat’s pages', async () => {
    fakeProfilesApi();
    sessionStorage.setItem('hall.auth', JSON.stringify({ token: 't', role: 'secretariat' }));
    const ui = userEvent.setup();
    renderIn(<ConsoleApp />);
    const nav = screen.getByRole('navigation', { name: 'pages' });
    await ui.click(within(nav).getByRole('button', { name: '测评办法' }));
    expect(await screen.findByTestId('profile-anhui-2013-v1')).toBeTruthy();
  });
});
