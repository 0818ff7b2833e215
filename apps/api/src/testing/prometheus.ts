/**
 * Reading `GET /metrics` in tests. The text is parsed strictly as the Prometheus text exposition
 * format 0.0.4, so output a Prometheus server would refuse fails the test. (The one npm parser,
 * `parse-prometheus-text-format`, merges the series of a labelled histogram into one, so it cannot
 * read what prom-client writes.)
 */

export interface Sample {
  /** As written, e.g. `icd_http_request_duration_seconds_count`. */
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case, e.g. prom-client's `Nan`. */
const VALUE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|[+-]?inf(?:inity)?|nan)$/i;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?[ \t]+(\S+)(?:[ \t]+-?\d+)?$/;
const SUFFIXES: Record<MetricFamily['type'], string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  summary: ['', '_sum', '_count'],
  histogram: ['_bucket', '_sum', '_count'],
};

/** Parses exposition text; throws naming the line on anything the format does not allow. */
export function parsePrometheusText(text: string): MetricFamily[] {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families = new Map<string, MetricFamily>();
  let current: MetricFamily | undefined;
  text.slice(0, -1).split('\n').forEach((line, index) => {
    const fail = (problem: string) => new Error(`line ${index + 1} (${JSON.stringify(line)}): ${problem}`);
    const family = (name: string) => {
      if (!NAME.test(name)) throw fail('bad metric name');
      if (current?.name !== name) {
        if (families.has(name)) throw fail('a family must be written in one block');
        current = { name, type: 'untyped', help: '', samples: [] };
        families.set(name, current);
      }
      return current;
    };
    if (line.startsWith('# HELP ')) {
      const [, name, help = ''] = /^# HELP (\S+)(?: (.*))?$/.exec(line) ?? [];
      family(name ?? '').help = help;
    } else if (line.startsWith('# TYPE ')) {
      const [, name, type] = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line) ?? [];
      if (!name) throw fail('bad TYPE line');
      const typed = family(name);
      if (typed.samples.length > 0) throw fail('TYPE after samples');
      typed.type = type as MetricFamily['type'];
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      const sample = parseSample(line, fail);
      const owner = current && SUFFIXES[current.type].some((suffix) => `${current!.name}${suffix}` === sample.name) ? current : family(sample.name);
      owner.samples.push(sample);
    }
  });
  for (const family of families.values()) checkFamily(family);
  return [...families.values()];
}

function parseSample(line: string, fail: (problem: string) => Error): Sample {
  const match = SAMPLE.exec(line);
  if (!match) throw fail('not a sample line');
  const [, name, labelText, value] = match;
  if (!VALUE.test(value)) throw fail(`bad value ${value}`);
  return { name, labels: labelText ? parseLabels(labelText.slice(1, -1), fail) : {}, value: toNumber(value) };
}

function toNumber(value: string): number {
  if (/^nan$/i.test(value)) return NaN;
  if (/inf/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  return Number(value);
}

function parseLabels(text: string, fail: (problem: string) => Error): Record<string, string> {
  const labels: Record<string, string> = {};
  const pair = /\s*([^=\s]+)\s*=\s*"((?:[^"\\\n]|\\[\\"n])*)"\s*(,|$)/y;
  while (pair.lastIndex < text.length) {
    const start = pair.lastIndex;
    const match = pair.exec(text);
    if (!match || match.index !== start) throw fail(`bad labels {${text}}`);
    const [, name, escaped] = match;
    if (!LABEL_NAME.test(name) || name in labels) throw fail(`bad or repeated label ${name}`);
    labels[name] = escaped.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
  }
  return labels;
}

/** No series twice; histogram buckets cumulative, ending at +Inf with the series' count. */
function checkFamily(family: MetricFamily): void {
  const seen = new Set<string>();
  for (const sample of family.samples) {
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(key)) throw new Error(`${family.name}: series ${key} written twice`);
    seen.add(key);
  }
  if (family.type !== 'histogram') return;
  const series = new Map<string, Sample[]>();
  for (const sample of family.samples.filter((candidate) => candidate.name.endsWith('_bucket'))) {
    const { le: _le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    series.set(key, [...(series.get(key) ?? []), sample]);
  }
  for (const [key, buckets] of series) {
    const bounds = buckets.map((bucket) => toNumber(bucket.labels.le ?? ''));
    const counts = buckets.map((bucket) => bucket.value);
    const count = family.samples.find((sample) => sample.name === `${family.name}_count` && key === JSON.stringify(Object.entries(sample.labels).sort()));
    const ordered = bounds.every((bound, index) => index === 0 || (bound > bounds[index - 1] && counts[index] >= counts[index - 1]));
    if (!ordered || bounds.at(-1) !== Infinity || counts.at(-1) !== count?.value) throw new Error(`${family.name}: histogram series ${key} is inconsistent`);
  }
}

export async function scrapeMetrics(baseUrl: string): Promise<MetricFamily[]> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  return parsePrometheusText(await response.text());
}

/** The value of the sample `name` (as written, e.g. `x_count`) whose labels include `labels`; 0 when absent. */
export function sampleValue(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number {
  const sample = families
    .flatMap((family) => family.samples)
    .find((candidate) => candidate.name === name && Object.entries(labels).every(([key, value]) => candidate.labels[key] === value));
  return sample?.value ?? 0;
}

/** Scrapes until `accept` holds for the scrape (events reach the API asynchronously), or throws. */
export async function scrapeUntil(baseUrl: string, accept: (families: MetricFamily[]) => boolean, timeoutMs = 10_000): Promise<MetricFamily[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const families = await scrapeMetrics(baseUrl);
    if (accept(families)) return families;
    if (Date.now() > deadline) throw new Error(`metrics did not reach the expected values within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
