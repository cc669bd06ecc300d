import type { Command } from '../command';
import { callServer, noPositionals, SERVER_OPTIONS } from '../client';
import { printResult } from '../io';

interface Brief {
  members: number;
  present: number;
  quorumMet: boolean;
}

const text = (a: Brief) =>
  `应到 ${a.members}，实到 ${a.present}，${a.quorumMet ? '已达到法定人数' : '未达到法定人数'}`;

function checkinCommand(word: 'open' | 'close'): Command {
  return {
    words: ['checkin', word],
    summary:
      word === 'open'
        ? '开始签到，座位显示签到灯 / Open check-in on the seats.'
        : '结束签到 / Close check-in.',
    usage: `checkin ${word} [--server <url>] [--json]`,
    options: SERVER_OPTIONS,
    async run(args, io) {
      noPositionals(args);
      const r = await callServer<Brief>(args, io, 'POST', `/api/checkin/${word}`);
      const out = { members: r.members, present: r.present, quorumMet: r.quorumMet };
      printResult(io, args.flags.has('json'), out, () => text(out));
    },
  };
}

export const checkinOpenCommand = checkinCommand('open');
export const checkinCloseCommand = checkinCommand('close');

/** `attendance` (CONTRACT.md §1): members only, never observers. */
export const attendanceCommand: Command = {
  words: ['attendance'],
  summary:
    '显示应到、实到、是否达到法定人数和在线座位 / Show members, present, the quorum and the seats online.',
  usage: 'attendance [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    noPositionals(args);
    const r = await callServer<Brief & { seatsOnline: number }>(args, io, 'GET', '/api/attendance');
    const out = {
      members: r.members,
      present: r.present,
      quorumMet: r.quorumMet,
      seatsOnline: r.seatsOnline,
    };
    printResult(io, args.flags.has('json'), out, () => `${text(out)}；在线座位 ${out.seatsOnline}`);
  },
};
