import { describe, expect, it } from 'vitest';
import type { PhiType } from './phi-types.js';
import { redactPhi } from './redact.js';

/** `TYPE:original text` for every redacted span. */
function found(text: string): string[] {
  return redactPhi(text).spans.map((span) => `${span.type}:${text.slice(span.begin, span.end)}`);
}

function expectRedacted(cases: readonly [string, PhiType, string][]): void {
  for (const [text, type, value] of cases) expect(found(text), text).toContain(`${type}:${value}`);
}

function expectKept(texts: readonly string[]): void {
  for (const text of texts) expect(found(text), text).toEqual([]);
}

describe('phone and fax', () => {
  it('redacts phone numbers in the usual layouts', () => {
    expectRedacted([
      ['Phone: (217) 555-0134', 'PHONE', '(217) 555-0134'],
      ['call 217-555-0134 today', 'PHONE', '217-555-0134'],
      ['Cell 217.555.0134', 'PHONE', '217.555.0134'],
      ['Mobile: +1 217 555 0134', 'PHONE', '+1 217 555 0134'],
      ['Tel 1-217-555-0134', 'PHONE', '1-217-555-0134'],
      ['Work: 217-555-0134 ext. 22', 'PHONE', '217-555-0134 ext. 22'],
      ['Phone: 2175550134', 'PHONE', '2175550134'],
      ['pager 555-0134', 'PHONE', '555-0134'],
    ]);
  });

  it('types a number as fax when a fax cue precedes it', () => {
    expectRedacted([
      ['Fax: (217) 555-0199', 'FAX', '(217) 555-0199'],
      ['Phone 217-555-0134, fax number 217-555-0199', 'FAX', '217-555-0199'],
      ['Facsimile: 217.555.0199', 'FAX', '217.555.0199'],
    ]);
    expect(found('Phone 217-555-0134, fax number 217-555-0199')).toContain('PHONE:217-555-0134');
    expect(found('P: 217-555-0134  F: (217) 555-0199')).toEqual(['PHONE:217-555-0134', 'FAX:(217) 555-0199']);
    expectKept(['Sex: F', 'Temp 98.6 F: afebrile']);
  });

  it('keeps vitals, doses, scores and codes', () => {
    expectKept(['BP 120/80, HR 88, pain 5/10.', 'Metformin 500 mg BID; 1,000 mL NS.', 'NDC 0002-3227-30.', 'Call 911.']);
  });
});

describe('email, URL and IP', () => {
  it('redacts e-mail addresses and URLs', () => {
    expectRedacted([
      ['Email: jane.roe42@mail.example.org.', 'EMAIL', 'jane.roe42@mail.example.org'],
      ['See https://portal.example.org/p?id=3.', 'URL', 'https://portal.example.org/p?id=3'],
      ['Portal www.myhealth-example.com/id/12 (login)', 'URL', 'www.myhealth-example.com/id/12'],
      ['Go to mychart.example.net/visit/4410.', 'URL', 'mychart.example.net/visit/4410'],
    ]);
    expect(found('jane@example.com')).toEqual(['EMAIL:jane@example.com']);
  });

  it('redacts IPv4 and IPv6 addresses', () => {
    expectRedacted([
      ['connected from 192.168.10.24.', 'IP', '192.168.10.24'],
      ['from 2001:db8::8a2e:370:7334 today', 'IP', '2001:db8::8a2e:370:7334'],
      ['from fe80::1ff:fe23:4567:890a', 'IP', 'fe80::1ff:fe23:4567:890a'],
      ['host 2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'IP', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
      ['loopback ::1', 'IP', '::1'],
    ]);
  });

  it('keeps times, ratios and decimals', () => {
    expectKept(['At 10:30:45 the ratio was 1:2.', 'INR 2.5, Hb 12.5 g/dL, e.g. later.', 'Score 256.300.1']);
  });
});

describe('SSN and record numbers', () => {
  it('redacts social security numbers', () => {
    expectRedacted([
      ['SSN: 123-45-6789', 'SSN', '123-45-6789'],
      ['ref 123-45-6789 on file', 'SSN', '123-45-6789'],
      ['Social Security Number: 123 45 6789', 'SSN', '123 45 6789'],
      ['SSN 123456789', 'SSN', '123456789'],
    ]);
  });

  it('redacts cue-driven MRN, account, health plan and licence numbers', () => {
    expectRedacted([
      ['MRN: 00482913', 'MRN', '00482913'],
      ['MRN# A1234567', 'MRN', 'A1234567'],
      ['Medical record number 12-345-678', 'MRN', '12-345-678'],
      ['Patient ID: 4410293', 'MRN', '4410293'],
      ['Acct #: 778812345', 'ACCOUNT', '778812345'],
      ['Encounter number V00912833', 'ACCOUNT', 'V00912833'],
      ['Member ID: XG4410022', 'HEALTH_PLAN', 'XG4410022'],
      ['Medicare ID: 1EG4-TE5-MK73', 'HEALTH_PLAN', '1EG4-TE5-MK73'],
      ['Policy No.: 88120-4410', 'HEALTH_PLAN', '88120-4410'],
      ["Driver's license: D1234567", 'LICENSE', 'D1234567'],
      ['DEA number AB1234563', 'LICENSE', 'AB1234563'],
      ['NPI: 1234567893', 'LICENSE', '1234567893'],
    ]);
  });

  it('needs a cue and a digit: bare numbers and cue words without numbers are kept', () => {
    expectKept([
      'Lab accession 00482913 pending.',
      'Chart reviewed. Medicare Part B. Member of the team.',
      'DEA schedule II. License to practice. Account for fluid losses.',
      'Glucose 126 mg/dL 3 hours after meals.',
    ]);
  });
});

describe('addresses and ZIP codes', () => {
  it('redacts street lines, cities and ZIP codes, keeping the state', () => {
    const text = 'Address: 1234 N Elm Street, Apt 5B, Springfield, IL 62704-1234.';
    expect(found(text)).toEqual(['ADDRESS:1234 N Elm Street, Apt 5B', 'ADDRESS:Springfield', 'ZIP:62704-1234']);
    expect(redactPhi(text).text).toBe('Address: [ADDRESS], [ADDRESS], IL [ZIP].');
  });

  it('redacts other address shapes', () => {
    expectRedacted([
      ['Lives at 77 Old Orchard Rd. with wife', 'ADDRESS', '77 Old Orchard Rd.'],
      ['Lives at 285 Old Mill (no street type given).', 'ADDRESS', '285 Old Mill'],
      ['Home address: 12B Cedar Hollow', 'ADDRESS', '12B Cedar Hollow'],
      ['1200 W 5th Street Suite 200', 'ADDRESS', '1200 W 5th Street Suite 200'],
      ['Mail to PO Box 4412', 'ADDRESS', 'PO Box 4412'],
      ['Lives in Fort Collins, Colorado.', 'ADDRESS', 'Fort Collins'],
      ['ZIP: 62704', 'ZIP', '62704'],
      ['Portland, OR 97201', 'ZIP', '97201'],
    ]);
  });

  it('keeps numbers that are not ZIP codes and towns without a state', () => {
    expectKept(['CPT 99214, 12345 units.', 'Transferred from Mercy Hospital.', 'Room 201, bed 4.', 'Lives at home with 2 cats.']);
  });
});

describe('device and vehicle identifiers', () => {
  it('redacts serial numbers, MAC addresses, VINs and plates', () => {
    expectRedacted([
      ['Pacemaker serial number PJN123456', 'DEVICE_ID', 'PJN123456'],
      ['Insulin pump S/N: MMT-1780992', 'DEVICE_ID', 'MMT-1780992'],
      ['Serial no. 4412AX9', 'DEVICE_ID', '4412AX9'],
      ['Device MAC 00:1A:2B:3C:4D:5E', 'DEVICE_ID', '00:1A:2B:3C:4D:5E'],
      ['VIN 1HGCM82633A004352', 'VEHICLE_ID', '1HGCM82633A004352'],
      ['license plate ABC-1234.', 'VEHICLE_ID', 'ABC-1234'],
      ['Plate: ABC1234', 'VEHICLE_ID', 'ABC1234'],
    ]);
  });

  it('keeps clinical uses of serial and plate', () => {
    expectKept(['Serial troponins negative. 12-lead ECG.', 'Plate and screw fixation, 3.5 mm plate, 4-hole.', 'Lot 4412A.']);
  });
});

describe('options', () => {
  it('redacts only the requested types', () => {
    const text = 'Phone: 217-555-0134, SSN: 123-45-6789';
    expect(redactPhi(text, { types: ['SSN'] }).text).toBe('Phone: 217-555-0134, SSN: [SSN]');
  });

  it('never logs', () => {
    const calls: unknown[] = [];
    const original = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
    for (const name of Object.keys(original) as (keyof typeof original)[]) console[name] = (...args: unknown[]) => calls.push(args);
    try {
      redactPhi('Patient: Jane Roe, MRN: 12345678, (217) 555-0134');
    } finally {
      Object.assign(console, original);
    }
    expect(calls).toEqual([]);
  });
});
