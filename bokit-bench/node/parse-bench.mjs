// Parse + map throughput of a JavaScript iCalendar library on the feed bokit's ParseBenchmark uses (issues 9 item 5
// and 21 item 2).
//
//   node bokit-bench/node/parse-bench.mjs FEED.ics [ITERATIONS [WARMUP [PEER]]]     PEER: node-ical (default) | ical.js
//
// FEED.ics is written by `java -cp bokit-bench/target/benchmarks.jar io.bokit.bench.AirbnbFeedGenerator FEED.ics 10000`
// (the same deterministic text the JMH benchmark generates). One iteration is what one JMH operation of
// ParseBenchmark.ical4jCalendarBuilder does: parse the whole feed, then walk the VEVENTs reading start, end, summary,
// uid and description (node-ical: ical.sync.parseICS; ical.js: ICAL.parse into an ICAL.Component, then each VEVENT's
// properties with getFirstPropertyValue, dates as JavaScript Dates like node-ical's). ical.js's ICAL.Event wrapper is
// not used: each `new ICAL.Event(vevent)` scans every sibling VEVENT for recurrence exceptions, so mapping a feed that
// way grows with the square of its events, which would misrepresent the parser. Each peer runs in a process of its
// own, so one's JIT state cannot help the other.
// The warm-up iterations let V8 optimise the parser before timing.
// The last line is machine-readable: `<peer> events/s: median=… min=… max=… events=… iterations=…`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const [file, iterationsArg = '10', warmupArg = '5', peer = 'node-ical'] = process.argv.slice(2);
if (!file || !['node-ical', 'ical.js'].includes(peer)) {
  console.error('usage: node parse-bench.mjs FEED.ics [ITERATIONS [WARMUP [node-ical|ical.js]]]');
  process.exit(2);
}
// read from the file: ical.js's package "exports" do not include its package.json
const peerVersion = JSON.parse(readFileSync(new URL(`./node_modules/${peer}/package.json`, import.meta.url), 'utf8')).version;
const iterations = Number.parseInt(iterationsArg, 10);
const warmup = Number.parseInt(warmupArg, 10);
const body = readFileSync(file, 'utf8');
const expected = body.split('BEGIN:VEVENT').length - 1;

// What a blackhole would do: keep every value read alive, so nothing is optimised away.
let sink = 0;

function nodeIcal() {
  const ical = require('node-ical');
  return () => {
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
  };
}

async function icalJs() {
  const { default: ICAL } = await import('ical.js');
  return () => {
    const calendar = new ICAL.Component(ICAL.parse(body));
    let events = 0;
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const start = vevent.getFirstPropertyValue('dtstart').toJSDate();
      const end = vevent.getFirstPropertyValue('dtend').toJSDate();
      const summary = vevent.getFirstPropertyValue('summary');
      const uid = vevent.getFirstPropertyValue('uid');
      const description = vevent.getFirstPropertyValue('description');
      sink += start.getTime() + end.getTime();
      sink += summary.length + uid.length + (description == null ? 0 : description.length);
      events++;
    }
    return events;
  };
}

const parseAndMap = peer === 'ical.js' ? await icalJs() : nodeIcal();

const first = parseAndMap();
if (first !== expected) {
  console.error(`${peer} read ${first} VEVENTs, the feed holds ${expected}`);
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
console.log(`node ${process.version}, ${peer} ${peerVersion}, ${expected} events, ${body.length} characters (checksum ${sink % 1000})`);
console.log(
  `${peer} events/s: median=${Math.round(median)} min=${Math.round(rates[0])} max=${Math.round(rates.at(-1))}` +
    ` events=${expected} iterations=${iterations}`
);
