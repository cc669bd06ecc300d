import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SeriesReply, SeriesSummaryReply } from '@hall/shared';
import type { Command } from '../command';
import { callServer, noPositionals } from '../client';
import { RefusedError, UsageError } from '../errors';
import { printResult } from '../io';
import { parseCount } from './tally';

/**
 * Issue 14: series of subjects evaluated one after another, and the departments of one report
 * (server/src/series/). `series create --file` sends a SeriesCreateBody document as it is.
 */

const STATE_ZH = {
  pending: '未开始',
  open: '进行中',
  closed: '已结束',
  announced: '已公布',
  abandoned: '已放弃',
} as const;

function seriesText(s: SeriesReply): string {
  const lines = s.subjects.map(
    (x) =>
      `${x.index}. ${x.title}（${x.profileName.zh}）：${STATE_ZH[x.state]}${x.outcome ? `，${x.outcome.label.zh}` : ''}`,
  );
  const next = s.next === null ? '均已开始' : `下一项 ${s.next}`;
  return [`系列 ${s.seriesId}「${s.title}」：共 ${s.subjects.length} 项，${next}`, ...lines].join(
    '\n',
  );
}

function readJsonFile(cwd: string, name: string): unknown {
  const file = path.resolve(cwd, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RefusedError(
      `无法读取 ${file} / cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RefusedError(
      `${file} 不是有效的 JSON / ${file} is not valid JSON: ${(e as Error).message}`,
    );
  }
}

/** The 1-based id given as the only positional word. */
function seriesIdOf(args: { positionals: string[] }): number {
  if (args.positionals.length !== 1) {
    throw new UsageError('须给出且只给出一个系列编号 / give exactly one series id');
  }
  const id = parseCount('series', args.positionals[0]!);
  if (id < 1) throw new RefusedError('系列编号从 1 开始 / a series id is 1 or more');
  return id;
}

/** `series create --file <json>`: a list of subjects (or departments) in the current sitting. */
export const seriesCreateCommand: Command = {
  words: ['series', 'create'],
  summary:
    '按 JSON 文件创建一组依次测评的对象（或同一报告的各部门），各项测评办法此时确定 / Create a series of subjects (or the departments of one report) from a JSON file; each profile is fixed now.',
  usage: 'series create --file <json> [--server <url>] [--json]',
  options: { flags: ['json'], values: ['server', 'file'], required: ['file'] },
  async run(args, io) {
    noPositionals(args);
    const body = readJsonFile(io.cwd, args.values.get('file')!);
    const r = await callServer<SeriesReply>(args, io, 'POST', '/api/series', body);
    printResult(io, args.flags.has('json'), r, () => seriesText(r));
  },
};

/** `series next [--series <id>]`: announce the closed subject if need be, open the next. */
export const seriesNextCommand: Command = {
  words: ['series', 'next'],
  summary:
    '公布刚结束的一项（如尚未公布）并开始下一项；不指定系列时为本次会议最近一个未完成的系列 / Announce the closed subject if need be and open the next (default: the latest unfinished series of the sitting).',
  usage: 'series next [--series <id>] [--server <url>] [--json]',
  options: { flags: ['json'], values: ['server', 'series'] },
  async run(args, io) {
    noPositionals(args);
    const given = args.values.get('series');
    let seriesId = given === undefined ? undefined : parseCount('series', given);
    if (seriesId === undefined) {
      const all = await callServer<SeriesReply[]>(args, io, 'GET', '/api/series');
      seriesId = all.filter((s) => s.next !== null).at(-1)?.seriesId;
      if (seriesId === undefined) {
        throw new RefusedError(
          '本次会议没有尚未完成的系列 / the sitting has no series with a subject left to open',
        );
      }
    }
    const r = await callServer<{ seriesId: number; index: number; voteId: number }>(
      args,
      io,
      'POST',
      `/api/series/${seriesId}/next`,
    );
    const out = { seriesId: r.seriesId, index: r.index, voteId: r.voteId };
    printResult(
      io,
      args.flags.has('json'),
      out,
      () => `系列 ${out.seriesId} 第 ${out.index} 项已开始：测评编号 ${out.voteId}`,
    );
  },
};

/** `series show <id>`: the subjects in order, each with its state and announced outcome. */
export const seriesShowCommand: Command = {
  words: ['series', 'show'],
  summary:
    '显示一个系列：各测评对象的状态及已公布的结果 / Show a series: each subject, its state and announced outcome.',
  usage: 'series show <id> [--server <url>] [--json]',
  options: { flags: ['json'], values: ['server'] },
  async run(args, io) {
    const id = seriesIdOf(args);
    const r = await callServer<SeriesReply>(args, io, 'GET', `/api/series/${id}`);
    printResult(io, args.flags.has('json'), r, () => seriesText(r));
  },
};

function summaryText(s: SeriesSummaryReply): string {
  const subjects = s.subjects.map((x) =>
    x.outcome
      ? `${x.index}. ${x.title}：${x.outcome.label.zh}；收回 ${x.returned}，${x.optionShares.map((o) => `${o.label.zh} ${o.share.count}（${o.share.text}）`).join('，')}`
      : `${x.index}. ${x.title}：尚未公布`,
  );
  const groups = s.groups.map(
    (g) =>
      `${g.profileName.zh}：已公布 ${g.decided} 项；${g.outcomes.map((o) => `${o.label.zh}率 ${o.share.text}（${o.share.count}/${o.share.of}）`).join('，')}`,
  );
  return [`系列 ${s.seriesId}「${s.title}」汇总（仅含已公布的结果）`, ...subjects, ...groups].join(
    '\n',
  );
}

/** `series summary <id>`: outcomes and rates from the announced subjects' sealed records. */
export const seriesSummaryCommand: Command = {
  words: ['series', 'summary'],
  summary:
    '系列汇总：各项结果、各选项占收回票比例、各结果占比（仅含已公布的结果，百分比仅供显示） / Series summary from the announced records: outcomes, option shares, outcome rates (percentages for display only).',
  usage: 'series summary <id> [--decimals <0-4>] [--server <url>] [--json]',
  options: { flags: ['json'], values: ['server', 'decimals'] },
  async run(args, io) {
    const id = seriesIdOf(args);
    const d = args.values.get('decimals');
    const query = d === undefined ? '' : `?decimals=${parseCount('decimals', d)}`;
    const r = await callServer<SeriesSummaryReply>(
      args,
      io,
      'GET',
      `/api/series/${id}/summary${query}`,
    );
    printResult(io, args.flags.has('json'), r, () => summaryText(r));
  },
};

export const SERIES_COMMANDS: readonly Command[] = [
  seriesCreateCommand,
  seriesNextCommand,
  seriesShowCommand,
  seriesSummaryCommand,
];
