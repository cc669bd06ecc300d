import type { VoteResultReply } from '@hall/shared';
import { seedProfile } from '@hall/shared';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { RefusedError, UsageError } from '../errors';
import { callServer, noPositionals, SERVER_OPTIONS } from '../client';
import { parseCount } from './tally';
import { printResult, type CliIo } from '../io';

const METHODS = ['keypads', 'paper', 'hands'] as const;
type Method = (typeof METHODS)[number];
const METHOD_ZH: Record<Method, string> = { keypads: '表决器', paper: '纸质票', hands: '举手' };

/** `--profile-file <file>`: the file's JSON object, sent whole as the vote's `profile`. */
export function readProfileFile(io: CliIo, name: string): Record<string, unknown> {
  const file = path.resolve(io.cwd, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RefusedError(
      `无法读取 ${file} / cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new RefusedError(`${file} 不是 JSON 文件 / ${file} is not JSON`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new RefusedError(
      `${file} 不是测评办法文件（JSON 对象） / ${file} is not a profile document (a JSON object)`,
    );
  }
  return doc as Record<string, unknown>;
}

/**
 * `vote open --title <t> (--profile <id> | --profile-file <file>) [--method keypads|paper|hands]
 * [--retake <voteId>]`: exit 1 if a vote is open or the quorum is not met (CONTRACT.md §1).
 */
export const voteOpenCommand: Command = {
  words: ['vote', 'open'],
  summary:
    '按测评办法开始一项测评（未达法定人数或已有测评进行中时拒绝；--method paper|hands 为人工计票，--retake 重新测评已放弃的测评） / Open an evaluation under a profile (refused without quorum or with a vote open; --method paper|hands: counted by hand; --retake: retake an abandoned vote).',
  usage:
    'vote open --title <t> (--profile <id> | --profile-file <file>) [--method keypads|paper|hands] [--retake <voteId>] [--duration <seconds>] [--item <id>] [--server <url>] [--json]',
  options: {
    flags: ['json'],
    values: ['server', 'title', 'profile', 'profile-file', 'method', 'retake', 'duration', 'item'],
    required: ['title'],
  },
  async run(args, io) {
    noPositionals(args);
    const id = args.values.get('profile');
    const file = args.values.get('profile-file');
    if ((id === undefined) === (file === undefined)) {
      throw new UsageError(
        '须给出 --profile 或 --profile-file 之一 / give one of --profile <id> or --profile-file <file>',
      );
    }
    const method = args.values.get('method');
    if (method !== undefined && !(METHODS as readonly string[]).includes(method)) {
      throw new UsageError(
        `--method 须为 keypads、paper 或 hands（现为“${method}”） / --method must be keypads, paper or hands (got "${method}")`,
      );
    }
    const duration = args.values.get('duration');
    const item = args.values.get('item');
    const retake = args.values.get('retake');
    const r = await callServer<{ voteId: number }>(args, io, 'POST', '/api/votes', {
      title: args.values.get('title')!,
      profile: file !== undefined ? readProfileFile(io, file) : id!,
      ...(method !== undefined ? { method } : {}),
      ...(retake !== undefined ? { retakeOf: parseCount('retake', retake) } : {}),
      ...(duration !== undefined ? { durationSeconds: parseCount('duration', duration) } : {}),
      ...(item !== undefined ? { itemId: parseCount('item', item) } : {}),
    });
    const out = { voteId: r.voteId };
    printResult(io, args.flags.has('json'), out, () => `测评已开始：编号 ${out.voteId}`);
  },
};

const STATE_ZH = {
  open: '进行中',
  closed: '已结束',
  announced: '已公布',
  abandoned: '已放弃',
} as const;

/** `vote status`: the latest vote; no split while open. */
export const voteStatusCommand: Command = {
  words: ['vote', 'status'],
  summary:
    '最近一项测评：状态、实到人数、已按键座位数（人工计票时为已计票数；进行中不显示票数分布） / The latest vote: state, members present, seats pressed (ballots counted by hand for paper or hands; no split while open).',
  usage: 'vote status [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    noPositionals(args);
    const r = await callServer<{
      voteId: number;
      state: keyof typeof STATE_ZH;
      present: number;
      pressed: number;
      method?: Method;
    }>(args, io, 'GET', '/api/votes/latest');
    // CONTRACT.md §1: exactly these four fields; the method only in the text.
    const out = { voteId: r.voteId, state: r.state, present: r.present, pressed: r.pressed };
    const method = r.method ?? 'keypads';
    printResult(
      io,
      args.flags.has('json'),
      out,
      () =>
        `测评 ${out.voteId}：${STATE_ZH[out.state]}（${METHOD_ZH[method]}）；实到 ${out.present}，` +
        (method === 'keypads' ? `已按 ${out.pressed}` : `已计票 ${out.pressed}`),
    );
  },
};

function resultText(r: VoteResultReply): string {
  const profile = seedProfile(r.profile);
  const label = (key: string) =>
    profile?.optionSet.options.find((o) => o.key === key)?.label.zh ?? key;
  const outcome = profile?.outcomes.find((o) => o.id === r.outcome)?.label.zh ?? r.outcome;
  const counts = Object.entries(r.counts)
    .map(([k, n]) => `${label(k)} ${n}`)
    .join('，');
  return (
    `测评 ${r.voteId}「${r.title}」\n应到 ${r.members}，实到 ${r.present}；${counts}；` +
    `无效 ${r.invalid}，未按 ${r.notVoted}\n${r.explanation.zh}\n结果：${outcome}`
  );
}

function resultCommand(word: 'close' | 'announce'): Command {
  return {
    words: ['vote', word],
    summary:
      word === 'close'
        ? '结束进行中的测评并显示结果 / Close the open vote and show its result.'
        : '当场公布已结束的测评，会场大屏显示结果 / Announce the closed vote: the hall display shows it.',
    usage: `vote ${word} [--server <url>] [--json]`,
    options: SERVER_OPTIONS,
    async run(args, io) {
      noPositionals(args);
      const r = await callServer<VoteResultReply>(args, io, 'POST', `/api/votes/latest/${word}`);
      printResult(io, args.flags.has('json'), r, () => resultText(r));
    },
  };
}

export const voteCloseCommand = resultCommand('close');
export const voteAnnounceCommand = resultCommand('announce');
