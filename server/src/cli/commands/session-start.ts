import type { Command } from '../command';
import { callServer, noPositionals, SERVER_OPTIONS } from '../client';
import { UsageError } from '../errors';
import { printResult } from '../io';

const KINDS = ['committee', 'evaluation'] as const;

/**
 * `session start --title <t> [--kind committee|evaluation]` (CONTRACT.md §1): a new sitting
 * becomes current. `evaluation` (issue 14): an evaluation meeting whose voters are the invited
 * evaluators imported for it (`evaluators import`), not the committee.
 */
export const sessionStartCommand: Command = {
  words: ['session', 'start'],
  summary:
    '开始一次会议（成为当前会议；--kind evaluation 为评议会议） / Start a sitting (it becomes the current one; --kind evaluation: an evaluation meeting).',
  usage: 'session start --title <t> [--kind committee|evaluation] [--server <url>] [--json]',
  options: { ...SERVER_OPTIONS, values: ['server', 'title', 'kind'], required: ['title'] },
  async run(args, io) {
    noPositionals(args);
    const kind = args.values.get('kind');
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(
        `--kind 须为 committee 或 evaluation（实际为“${kind}”） / --kind must be committee or evaluation (got "${kind}")`,
      );
    }
    const r = await callServer<{ sessionId: number }>(args, io, 'POST', '/api/sessions', {
      title: args.values.get('title')!,
      ...(kind ? { kind } : {}),
    });
    const out = { sessionId: r.sessionId };
    const what = kind === 'evaluation' ? '评议会议' : '会议';
    printResult(io, args.flags.has('json'), out, () => `${what}已开始：编号 ${out.sessionId}`);
  },
};
