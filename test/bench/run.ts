/**
 * `npm run bench`: every bench module in turn; each figure printed with the reference it is
 * measured against and their ratio. Add a module to BENCHES to add a bench.
 */
import type { Bench, Figure } from './bench';
import { modbusPoll } from './modbus-poll.bench';
import { pressPath } from './press-path.bench';
import { wirelessKeys } from './wireless-keys.bench';

const BENCHES: Bench[] = [modbusPoll, wirelessKeys, pressPath];

function line(f: Figure): string {
  const ratio = f.value / f.reference;
  const sense = f.better === 'higher' ? 'x the reference' : 'x the reference time';
  return `  ${f.label.padEnd(44)} ${f.value.toFixed(1).padStart(9)} ${f.unit.padEnd(3)} ref ${f.reference.toFixed(1)} ${f.unit} (${f.basis})  ratio ${ratio.toFixed(2)} ${sense}`;
}

let failed = false;
for (const bench of BENCHES) {
  const t0 = performance.now();
  console.log(`${bench.name}`);
  try {
    for (const f of await bench.run()) console.log(line(f));
  } catch (err) {
    failed = true;
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
