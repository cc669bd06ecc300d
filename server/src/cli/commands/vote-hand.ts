import type { Command } from '../command';
import { callServer, noPositionals } from '../client';
import { printResult } from '../io';
import { parseCount, parseCounts } from './tally';

/**
 * `vote counts --counts <key>=<k>,... [--invalid <i>]` (CONTRACT.md §1): the counts taken by
 * hand for the open paper or hands vote; `{voteId, pressed}`. Refused for a keypad vote and when
 * the counts exceed the members present. In the console a second login confirms them before
 * the vote closes; with HALL_OPERATOR_TOKEN they are entered and confirmed in one step
 * (server/src/votes/hand-counts.ts: the known single-operator path).
 */
export const voteCountsCommand: Command = {
  words: ['vote', 'counts'],
  summary:
    '录入纸质票或举手表决的人工计票结果（表决器测评或票数多于实到人数时拒绝） / Enter the counts taken by hand for the open paper or hands vote (refused for a keypad vote, or beyond the members present).',
  usage: 'vote counts --counts <key>=<k>,... [--invalid <i>] [--server <url>] [--json]',
  options: {
    flags: ['json'],
    values: ['server', 'counts', 'invalid'],
    required: ['counts'],
  },
  async run(args, io) {
    noPositionals(args);
    const counts = parseCounts(args.values.get('counts')!);
    const invalid = args.values.get('invalid');
    const r = await callServer<{ voteId: number; pressed: number; confirmedBy: string | null }>(
      args,
      io,
      'POST',
      '/api/votes/latest/counts',
      { counts, ...(invalid !== undefined ? { invalid: parseCount('invalid', invalid) } : {}) },
    );
    const out = { voteId: r.voteId, pressed: r.pressed };
    printResult(
      io,
      args.flags.has('json'),
      out,
      () =>
        `测评 ${out.voteId}：已录入人工计票 ${out.pressed} 票` +
        (r.confirmedBy === null ? '，待第二人确认' : ''),
    );
  },
};

/**
 * `vote abandon --reason <text>`: give up the open vote (the equipment failed). Its ballots are
 * destroyed unread and nothing is counted; `vote open --method paper --retake <voteId>` retakes
 * it by hand.
 */
export const voteAbandonCommand: Command = {
  words: ['vote', 'abandon'],
  summary:
    '放弃进行中的测评（如表决器故障），须写明理由；选票不经计票即销毁 / Abandon the open vote (e.g. the keypads failed), with the reason; its ballots are destroyed uncounted.',
  usage: 'vote abandon --reason <text> [--server <url>] [--json]',
  options: {
    flags: ['json'],
    values: ['server', 'reason'],
    required: ['reason'],
  },
  async run(args, io) {
    noPositionals(args);
    const r = await callServer<{
      voteId: number;
      state: 'abandoned';
      reason: string;
      abandonedAt: string;
    }>(args, io, 'POST', '/api/votes/latest/abandon', { reason: args.values.get('reason')! });
    const out = { voteId: r.voteId, state: r.state, reason: r.reason, abandonedAt: r.abandonedAt };
    printResult(io, args.flags.has('json'), out, () => `测评 ${out.voteId} 已放弃：${out.reason}`);
  },
};
