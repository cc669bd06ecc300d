import type { VoteResultReply } from '@hall/shared';
import { seedProfile } from '@hall/shared';
import type { Command } from '../command';
import { callServer, noPositionals, SERVER_OPTIONS } from '../client';
import { parseCount } from './tally';
import { printResult } from '../io';

/** `vote open --title <t> --profile <id>`: exit 1 if a vote is open or the quorum is not met. */
export const voteOpenCommand: Command = {
  words: ['vote', 'open'],
  summary:
    '按测评办法开始一项测评（未达法定人数或已有测评进行中时拒绝） / Open an evaluation under a profile (refused without quorum or with a vote open).',
  usage:
    'vote open --title <t> --profile <id> [--duration <seconds>] [--item <id>] [--server <url>] [--json]',
  options: {
    flags: ['json'],
    values: ['server', 'title', 'profile', 'duration', 'item'],
    required: ['title', 'profile'],
  },
  async run(args, io) {
    noPositionals(args);
    const duration = args.values.get('duration');
    const item = args.values.get('item');
    const r = await callServer<{ voteId: number }>(args, io, 'POST', '/api/votes', {
      title: args.values.get('title')!,
      profile: args.values.get('profile')!,
      ...(duration !== undefined ? { durationSeconds: parseCount('duration', duration) } : {}),
      ...(item !== undefined ? { itemId: parseCount('item', item) } : {}),
    });
    const out = { voteId: r.voteId };
    printResult(io, args.flags.has('json'), out, () => `测评已开始：编号 ${out.voteId}`);
  },
};

const STATE_ZH = { open: '进行中', closed: '已结束', announced: '已公布' } as const;

/** `vote status`: the latest vote; no split while open. */
export const voteStatusCommand: Command = {
  words: ['vote', 'status'],
  summary:
    '最近一项测评：状态、实到人数、已按键座位数（进行中不显示票数分布） / The latest vote: state, members present, seats pressed (no split while open).',
  usage: 'vote status [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    noPositionals(args);
    const r = await callServer<{
      voteId: number;
      state: 'open' | 'closed' | 'announced';
      present: number;
      pressed: number;
    }>(args, io, 'GET', '/api/votes/latest');
    const out = { voteId: r.voteId, state: r.state, present: r.present, pressed: r.pressed };
    printResult(
      io,
      args.flags.has('json'),
      out,
      () => `测评 ${out.voteId}：${STATE_ZH[out.state]}；实到 ${out.present}，已按 ${out.pressed}`,
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
