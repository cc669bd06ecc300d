/**
 * `npm run bench`: every bench module in turn; each figure printed with the reference it is
 * measured against and their ratio, and all of them written as JSON to `bench-results.json`
 * (`BENCH_RESULTS` names another file). Add a module to ALL to add a bench.
 * `BENCH=<key>[,<key>]` runs only those.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Bench, Figure } from './bench';
import { driverThroughput } from './driver-throughput.bench';
import { hallBench } from './hall.bench';
import { modbusPoll } from './modbus-poll.bench';
import { pressPath } from './press-path.bench';
import { startup } from './startup.bench';
import { wirelessKeys } from './wireless-keys.bench';

const ALL: Record<string, Bench> = {
  modbus: modbusPoll,
  wireless: wirelessKeys,
  press: pressPath,
  startup,
  hall: hallBench,
  driver: driverThroughput,
};
const only = process.env.BENCH?.split(',').map((k) => k.trim());
const unknown = only?.filter((k) => !(k in ALL)) ?? [];
if (unknown.length > 0) {
  console.error(`BENCH: no bench ${unknown.join(', ')} (one of ${Object.keys(ALL).join(', ')})`);
  process.exit(2);
}
const BENCHES: Bench[] = only ? only.map((k) => ALL[k]!) : Object.values(ALL);

function line(f: Figure): string {
  const ratio = f.value / f.reference;
  const sense = f.better === 'higher' ? 'x the reference' : 'x the reference time';
  return `  ${f.label.padEnd(44)} ${f.value.toFixed(1).padStart(9)} ${f.unit.padEnd(3)} ref ${f.reference.toFixed(1)} ${f.unit} (${f.basis})  ratio ${ratio.toFixed(2)} ${sense}`;
}

interface BenchResult {
  bench: string;
  seconds: number;
  figures: (Figure & { ratio: number })[];
  error?: string;
}

let failed = false;
const results: BenchResult[] = [];
for (const bench of BENCHES) {
  const t0 = performance.now();
  console.log(`${bench.name}`);
  const result: BenchResult = { bench: bench.name, seconds: 0, figures: [] };
  try {
    for (const f of await bench.run()) {
      console.log(line(f));
      result.figures.push({ ...f, ratio: f.value / f.reference });
    }
  } catch (err) {
    failed = true;
    result.error = err instanceof Error ? err.message : String(err);
    console.log(`  FAILED: ${result.error}`);
  }
  result.seconds = (performance.now() - t0) / 1000;
  results.push(result);
  console.log(`  (${result.seconds.toFixed(1)} s)`);
}
const file = process.env.BENCH_RESULTS ?? 'bench-results.json';
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '' };
writeFileSync(
  file,
  JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2) + '\n',
);
console.log(`figures written to ${file}`);
process.exit(failed ? 1 : 0);
