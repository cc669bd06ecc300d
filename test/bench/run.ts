/**
 * `npm run bench`: every bench module in turn; each figure printed with the reference it is
 * measured against and their ratio. Add a module to BENCHES to add a bench. `BENCH=<key>[,<key>]`
 * runs only those (keys: modbus, wireless, press, startup).
 */
import type { Bench, Figure } from './bench';
import { modbusPoll } from './modbus-poll.bench';
import { pressPath } from './press-path.bench';
import { startup } from './startup.bench';
import { wirelessKeys } from './wireless-keys.bench';

const ALL: Record<string, Bench> = {
  modbus: modbusPoll,
  wireless: wirelessKeys,
  press: pressPath,
  startup,
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
