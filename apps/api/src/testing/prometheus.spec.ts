import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from './prometheus.js';

const HISTOGRAM = `# HELP h_seconds Request time
# TYPE h_seconds histogram
h_seconds_bucket{le="0.1",route="/a"} 1
h_seconds_bucket{le="+Inf",route="/a"} 2
h_seconds_sum{route="/a"} 0.35
h_seconds_count{route="/a"} 2
h_seconds_bucket{le="0.1",route="/b \\"q\\""} 0
h_seconds_bucket{le="+Inf",route="/b \\"q\\""} 1
h_seconds_sum{route="/b \\"q\\""} 2
h_seconds_count{route="/b \\"q\\""} 1
# TYPE c_total counter
c_total 3
`;

describe('parsePrometheusText (test helper)', () => {
  it('reads families, labelled histogram series and escaped label values', () => {
    const families = parsePrometheusText(HISTOGRAM);
    expect(families.map((family) => [family.name, family.type, family.samples.length])).toEqual([
      ['h_seconds', 'histogram', 8],
      ['c_total', 'counter', 1],
    ]);
    expect(sampleValue(families, 'h_seconds_count', { route: '/b "q"' })).toBe(1);
    expect(sampleValue(families, 'h_seconds_bucket', { route: '/a', le: '+Inf' })).toBe(2);
    expect(sampleValue(families, 'c_total')).toBe(3);
  });

  it('reads NaN and Inf in any case, as Prometheus does', () => {
    const families = parsePrometheusText('a Nan\nb +Inf\nc -inf\nd 1.5e3\n');
    expect(families.map((family) => family.samples[0].value)).toEqual([NaN, Infinity, -Infinity, 1500]);
  });

  it.each([
    ['no final line feed', 'c_total 1'],
    ['a bad value', 'c_total one\n'],
    ['a value with a unit', 'c_total 5ms\n'],
    ['a bad label', 'c_total{1a="x"} 1\n'],
    ['an unterminated label value', 'c_total{a="x} 1\n'],
    ['TYPE after samples', 'c_total 1\n# TYPE c_total counter\n'],
    ['a family split in two', 'a 1\nb 1\na{x="y"} 2\n'],
    ['a series written twice', 'a{x="1"} 1\na{x="1"} 2\n'],
    ['buckets that are not cumulative', HISTOGRAM.replace('le="+Inf",route="/a"} 2', 'le="+Inf",route="/a"} 0')],
    ['a +Inf bucket unlike the count', HISTOGRAM.replace('h_seconds_count{route="/a"} 2', 'h_seconds_count{route="/a"} 5')],
  ])('refuses %s', (_case, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
