/**
 * `npm run soak -- [--minutes N] [--seed S]`: the fault suite's kill/restart/compare cycle
 * (support/fault-cycle.ts) for N minutes, or 200 kill points without --minutes, alternating
 * between the in-process path and the real drivers on ptys. Prints the counts; exits 1 on any
 * violation (a lost, doubled or misplaced press, or a record chain that does not verify).
 */
import { rmSync } from 'node:fs';
import {
  faultVote,
  newStats,
  rng,
  summary,
  verifyChain,
  type FaultStats,
} from './support/fault-cycle';
import { inProcessRig } from './support/inprocess-rig';
import { ptyRig } from './support/pty-rig';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const minutes = arg('minutes') === undefined ? undefined : Number(arg('minutes'));
if (minutes !== undefined && !(minutes > 0)) {
  console.error('usage: npm run soak -- [--minutes N] [--seed S]');
  process.exit(2);
}
const seed =
  arg('seed') !== undefined ? Number(arg('seed')) >>> 0 : Math.floor(Math.random() * 2 ** 32);
const deadline = minutes !== undefined ? Date.now() + minutes * 60_000 : Infinity;
console.log(`soak: seed ${seed}, ${minutes !== undefined ? `${minutes} min` : '200 kill points'}`);

const total = (a: FaultStats, b: FaultStats): FaultStats => ({
  killPoints: a.killPoints + b.killPoints,
  votes: a.votes + b.votes,
  presses: a.presses + b.presses,
  acknowledged: a.acknowledged + b.acknowledged,
  recorded: a.recorded + b.recorded,
  lost: a.lost + b.lost,
  doubled: a.doubled + b.doubled,
  wrongVote: a.wrongVote + b.wrongVote,
  inFlightAtKill: a.inFlightAtKill + b.inFlightAtKill,
  chainVerified: a.chainVerified && b.chainVerified,
  violations: [...a.violations, ...b.violations],
});

const inproc = await inProcessRig();
const pty = await ptyRig(seed);
const stats = { inproc: newStats(), pty: newStats() };
const random = rng(seed);
const done = () =>
  minutes !== undefined
    ? Date.now() >= deadline
    : stats.inproc.killPoints + stats.pty.killPoints >= 200;
let failure: unknown;
try {
  while (!done()) {
    for (const [rig, s] of [
      [inproc, stats.inproc],
      [pty, stats.pty],
    ] as const) {
      if (done()) break;
      await faultVote(rig, { kills: 1 + Math.floor(random() * 3), random, stats: s });
      const t = total(stats.inproc, stats.pty);
      process.stdout.write(
        `\rkill points ${t.killPoints}, votes ${t.votes}, violations ${t.violations.length}`,
      );
    }
  }
  process.stdout.write('\n');
  await verifyChain(inproc, stats.inproc);
  await verifyChain(pty, stats.pty);
} catch (err) {
  failure = err;
} finally {
  await inproc.stop();
  await pty.close();
  rmSync(inproc.server().dataDir, { recursive: true, force: true });
  rmSync(pty.server().dataDir, { recursive: true, force: true });
}
const t = total(stats.inproc, stats.pty);
console.log(summary(t));
for (const v of t.violations) console.error(`VIOLATION ${v}`);
if (failure)
  console.error(
    `soak stopped: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`,
  );
const bad =
  failure !== undefined ||
  t.violations.length > 0 ||
  t.lost + t.doubled + t.wrongVote > 0 ||
  !t.chainVerified;
console.log(bad ? 'soak: FAILED' : 'soak: ok');
process.exit(bad ? 1 : 0);
