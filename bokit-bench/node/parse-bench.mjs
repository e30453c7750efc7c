// Parse + map throughput of node-ical on the feed bokit's ParseBenchmark uses (issue 9 item 5).
//
//   node bokit-bench/node/parse-bench.mjs FEED.ics [ITERATIONS [WARMUP]]
//
// FEED.ics is written by `java -cp bokit-bench/target/benchmarks.jar io.bokit.bench.AirbnbFeedGenerator FEED.ics 10000`
// (the same deterministic text the JMH benchmark generates). One iteration is what one JMH operation of
// ParseBenchmark.ical4jCalendarBuilder does: parse the whole feed (ical.sync.parseICS), then walk the VEVENTs reading
// start, end, summary, uid and description. The warm-up iterations let V8 optimise the parser before timing.
// The last line is machine-readable: `node-ical events/s: median=… min=… max=… events=… iterations=…`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ical = require('node-ical');
const icalVersion = require('node-ical/package.json').version;

const [file, iterationsArg = '10', warmupArg = '5'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node parse-bench.mjs FEED.ics [ITERATIONS [WARMUP]]');
  process.exit(2);
}
const iterations = Number.parseInt(iterationsArg, 10);
const warmup = Number.parseInt(warmupArg, 10);
const body = readFileSync(file, 'utf8');
const expected = body.split('BEGIN:VEVENT').length - 1;

// What a blackhole would do: keep every value read alive, so nothing is optimised away.
let sink = 0;

function parseAndMap() {
  const calendar = ical.sync.parseICS(body);
  let events = 0;
  for (const key in calendar) {
    const component = calendar[key];
    if (component.type !== 'VEVENT') continue;
    const { start, end, summary, uid, description } = component;
    sink += start.getTime() + end.getTime();
    sink += summary.length + uid.length + (description === undefined ? 0 : description.length);
    events++;
  }
  return events;
}

const first = parseAndMap();
if (first !== expected) {
  console.error(`node-ical read ${first} VEVENTs, the feed holds ${expected}`);
  process.exit(1);
}

for (let k = 0; k < warmup; k++) {
  const started = process.hrtime.bigint();
  parseAndMap();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`warm-up ${k + 1}/${warmup}: ${ms.toFixed(1)} ms`);
}

const rates = [];
for (let k = 0; k < iterations; k++) {
  const started = process.hrtime.bigint();
  const events = parseAndMap();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rates.push(events / seconds);
  console.log(`iteration ${k + 1}/${iterations}: ${(seconds * 1000).toFixed(1)} ms, ${Math.round(events / seconds)} events/s`);
}

rates.sort((a, b) => a - b);
const middle = rates.length >> 1;
const median = rates.length % 2 === 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
console.log(`node ${process.version}, node-ical ${icalVersion}, ${expected} events, ${body.length} characters (checksum ${sink % 1000})`);
console.log(
  `node-ical events/s: median=${Math.round(median)} min=${Math.round(rates[0])} max=${Math.round(rates.at(-1))}` +
    ` events=${expected} iterations=${iterations}`
);
