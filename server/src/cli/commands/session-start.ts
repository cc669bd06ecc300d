import type { Command } from '../command';
import { callServer, noPositionals, SERVER_OPTIONS } from '../client';
import { printResult } from '../io';

/** `session start --title <t>` (CONTRACT.md §1): a new sitting becomes current. */
export const sessionStartCommand: Command = {
  words: ['session', 'start'],
  summary: '开始一次会议（成为当前会议） / Start a sitting (it becomes the current one).',
  usage: 'session start --title <t> [--server <url>] [--json]',
  options: { ...SERVER_OPTIONS, values: ['server', 'title'], required: ['title'] },
  async run(args, io) {
    noPositionals(args);
    const r = await callServer<{ sessionId: number }>(args, io, 'POST', '/api/sessions', {
      title: args.values.get('title')!,
    });
    const out = { sessionId: r.sessionId };
    printResult(io, args.flags.has('json'), out, () => `会议已开始：编号 ${out.sessionId}`);
  },
};
