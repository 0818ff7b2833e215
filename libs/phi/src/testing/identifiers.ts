/**
 * Fake identifiers in the many shapes clinical notes write them. Every value is invented from the
 * seed; the name lists deliberately include names the redactor's first-name list lacks, so that
 * cue-driven detection is measured too.
 */
import { phi, type Piece } from './note-builder.js';
import type { Random } from './random.js';

const FIRST_NAMES = [
  'John', 'Mary', 'Robert', 'Linda', 'Michael', 'Susan', 'David', 'Karen', 'James', 'Nancy', 'Thomas', 'Margaret',
  'Priya', 'Wei', 'Oluwaseun', 'Mateo', 'Siobhan', 'Dmitri', 'Aisha', 'Kenji', 'Leilani', 'Thanh', 'Ingrid',
  'Rafael', 'Hamid', 'Yolanda', 'Bartholomew', 'Esperanza', 'Gunnar', 'Niamh', 'Tobias', 'Zainab',
];
const LAST_NAMES = [
  'Smith', 'Johnson', 'Garcia', 'Okafor', 'Nguyen', 'Kowalski', "O'Brien", 'McAllister', 'Lindqvist', 'Haddad',
  'Fitzgerald', 'Abernathy', 'Delacroix', 'Brennan', 'Castellanos', 'Yamamoto', 'Petrov', 'Achebe', 'Moreau',
  'Schwartz', 'Whitfield', 'Ramirez-Lopez', 'Thornbury', 'Wilson', 'Adams', 'Parkinson', 'Brown', 'Eriksen',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const STREETS = ['Elm', 'Oak', 'Maple', 'Cedar', 'Lakeview', 'Washington', 'Highland', 'Mill Creek', 'Old Orchard', 'Sunset'];
const SUFFIXES = ['Street', 'St', 'Avenue', 'Ave.', 'Road', 'Rd', 'Drive', 'Lane', 'Boulevard', 'Court', 'Way', 'Place'];
const CITIES: readonly [string, string][] = [
  ['Springfield', 'IL'], ['Dayton', 'OH'], ['Portland', 'OR'], ['Fort Collins', 'CO'], ['Ann Arbor', 'MI'],
  ['Grand Rapids', 'MI'], ['Tacoma', 'WA'], ['Savannah', 'GA'], ['Bangor', 'ME'], ['Santa Fe', 'New Mexico'],
  ['Burlington', 'Vermont'], ['Boise', 'ID'],
];
const DOMAINS = ['example.com', 'mail.example.org', 'example.net', 'clinic-example.health'];

/** A person's name parts. */
export interface Person {
  readonly first: string;
  readonly middle: string;
  readonly last: string;
}

/** A made-up person. */
export function person(random: Random): Person {
  return { first: random.pick(FIRST_NAMES), middle: random.pick('ABCDEFGHJKLMRSTW'.split('')), last: random.pick(LAST_NAMES) };
}

/** The person's full name in one of the ways headers write it. */
export function fullName(random: Random, who: Person): string {
  return random.pick([
    `${who.first} ${who.last}`,
    `${who.first} ${who.middle}. ${who.last}`,
    `${who.last}, ${who.first}`,
    `${who.last.toUpperCase()}, ${who.first.toUpperCase()}`,
    `${who.first} ${who.middle} ${who.last}`,
  ]);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A date as pieces: the part finer than the year is PHI, the year is kept. */
export function datePieces(random: Random, year: number): Piece[] {
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const name = MONTHS[month - 1];
  const short = name.slice(0, 3);
  const m = random.chance(0.5) ? pad(month) : String(month);
  const d = random.chance(0.5) ? pad(day) : String(day);
  const styles: (() => Piece[])[] = [
    () => [phi('DATE', `${m}/${d}`), `/${year}`],
    () => [phi('DATE', `${m}/${d}`), `/${String(year).slice(2)}`],
    () => [phi('DATE', `${pad(month)}-${pad(day)}`), `-${year}`],
    () => [phi('DATE', `${pad(month)}.${pad(day)}`), `.${year}`],
    () => [`${year}-`, phi('DATE', `${pad(month)}-${pad(day)}`)],
    () => [phi('DATE', `${name} ${day}`), `, ${year}`],
    () => [phi('DATE', `${short}. ${day}${day === 1 ? 'st' : day === 2 ? 'nd' : day === 3 ? 'rd' : 'th'}`), `, ${year}`],
    () => [phi('DATE', `${day} ${name}`), ` ${year}`],
    () => [phi('DATE', `${pad(day)}-${short.toUpperCase()}`), `-${year}`],
    () => [phi('DATE', name), ` ${year}`],
    () => [phi('DATE', `${name} ${day}`)],
    () => [phi('DATE', pad(month)), `/${year}`],
    () => [phi('DATE', `${day}${day === 1 ? 'st' : day === 2 ? 'nd' : day === 3 ? 'rd' : 'th'} of ${name}`), `, ${year}`],
    () => [phi('DATE', short), ` '${String(year).slice(2)}`],
    // Compact dates (YYYYMMDD): the month and day are redacted, the year kept.
    () => [`${year}`, phi('DATE', `${pad(month)}${pad(day)}`)],
  ];
  return random.pick(styles)();
}

/** The same date as one identifier, year included: a birth year over 89 years back is PHI too. */
export function wholeDate(pieces: readonly Piece[]): Piece[] {
  return [phi('DATE', pieces.map((piece) => (typeof piece === 'string' ? piece : piece.value)).join(''))];
}

function areaCode(random: Random): string {
  return String(random.int(201, 989));
}

/** A US phone number in one of the common layouts. */
export function phoneNumber(random: Random): string {
  const [a, b, c] = [areaCode(random), `555`, random.digits(4)];
  return random.pick([
    `(${a}) ${b}-${c}`,
    `${a}-${b}-${c}`,
    `${a}.${b}.${c}`,
    `${a} ${b} ${c}`,
    `+1 ${a} ${b} ${c}`,
    `1-${a}-${b}-${c}`,
    `(${a})${b}-${c}`,
    `${a}-${b}-${c} ext. ${random.int(10, 999)}`,
    `${a}/${b}-${c}`,
  ]);
}

/** An e-mail address for the person. */
export function emailOf(random: Random, who: Person): string {
  const local = random.pick([
    `${who.first}.${who.last}`,
    `${who.first.charAt(0)}${who.last}${random.int(1, 99)}`,
    `${who.first}_${random.int(1950, 2005)}`,
  ]);
  return `${local.toLowerCase().replace(/[^a-z0-9._]/g, '')}@${random.pick(DOMAINS)}`;
}

/** A social security number (area never 000, 666 or 9xx). */
export function ssnValue(random: Random): { cue: string; value: string } {
  const [area, group, serial] = [String(random.int(1, 665)).padStart(3, '0'), pad(random.int(1, 99)), random.digits(4)];
  return random.pick([
    { cue: 'SSN: ', value: `${area}-${group}-${serial}` },
    { cue: 'Social Security Number: ', value: `${area} ${group} ${serial}` },
    { cue: 'SSN ', value: `${area}${group}${serial}` },
    { cue: 'SS#: ', value: `${area}-${group}-${serial}` },
  ]);
}

/** A short alphanumeric identifier such as records systems print. */
export function recordNumber(random: Random): string {
  return random.pick([
    random.digits(random.int(6, 10)),
    `${random.pick(['A', 'MR', 'H', 'X'])}${random.digits(7)}`,
    `${random.digits(2)}-${random.digits(3)}-${random.digits(3)}`,
    `${random.pick(['XG', 'QW', 'BC', 'ZH'])}${random.digits(7)}`,
  ]);
}

/** A street address line (number, optional direction, street, suffix, optional unit). */
export function streetAddress(random: Random): string {
  const direction = random.pick(['', '', 'N ', 'W ', 'S. ']);
  const street = random.chance(0.15) ? `${random.int(2, 99)}th` : random.pick(STREETS);
  const unit = random.pick(['', '', '', `, Apt ${random.int(1, 40)}${random.pick(['', 'B'])}`, ` Suite ${random.int(100, 900)}`]);
  return `${random.int(1, 9999)} ${direction}${street} ${random.pick(SUFFIXES)}${unit}`;
}

/** A city with its state (states are not PHI). */
export function cityState(random: Random): { city: string; state: string } {
  const [city, state] = random.pick(CITIES);
  return { city, state };
}

/** A ZIP code, sometimes ZIP+4. */
export function zipCode(random: Random): string {
  return `${random.int(10000, 99999)}${random.chance(0.2) ? `-${random.digits(4)}` : ''}`;
}

/** A vehicle identification number: 17 characters without I, O or Q. */
export function vin(random: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const body = Array.from({ length: 16 }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');
  return `${random.int(1, 5)}${body}`;
}

/** An IPv4 or IPv6 address. */
export function ipAddress(random: Random): string {
  const hex = () => random.int(0, 0xffff).toString(16);
  return random.pick([
    `${random.int(10, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
    `192.168.${random.int(0, 255)}.${random.int(1, 254)}`,
    `2001:db8::${hex()}:${hex()}`,
    `fe80::${hex()}:${hex()}:${hex()}:${hex()}`,
    Array.from({ length: 8 }, hex).join(':'),
  ]);
}
