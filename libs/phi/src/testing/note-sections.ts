/**
 * The sections of a synthetic note. Each writes realistic text around identifiers in varied
 * formats, plus look-alikes that must survive redaction: eponyms (Parkinson disease), scores
 * (pain 6/10), vitals, doses, codes, times and ages up to 89.
 */
import {
  cityState,
  datePieces,
  emailOf,
  fullName,
  ipAddress,
  phoneNumber,
  recordNumber,
  ssnValue,
  streetAddress,
  vin,
  wholeDate,
  zipCode,
  type Person,
} from './identifiers.js';
import { phi, type NoteBuilder, type Piece } from './note-builder.js';
import type { Random } from './random.js';

/** Who and when a note is about. */
export interface NoteCast {
  readonly patient: Person;
  readonly title: 'Mr.' | 'Mrs.' | 'Ms.';
  readonly provider: Person;
  readonly relative: Person;
  readonly relation: string;
  readonly age: number;
  readonly year: number;
}

const CONDITIONS = [
  'Parkinson disease', "Crohn's disease", 'Hodgkin lymphoma, in remission since 2012', 'Graves disease',
  'Hashimoto thyroiditis', "Bell's palsy", 'type 2 diabetes mellitus (E11.9)', "Alzheimer's dementia",
  'Wolff-Parkinson-White syndrome', 'Barrett esophagus', 'Guillain-Barre syndrome', 'tetralogy of Fallot, repaired',
  'Cushing syndrome', 'Raynaud phenomenon', 'chronic kidney disease stage 3', 'atrial fibrillation',
  'COPD on 2 L home oxygen', 'hypertension', "Sjogren's syndrome", 'Addison disease',
];
const LOOK_ALIKES = [
  'Apgar 8/9 at birth.', 'Gleason 3+4=7.', 'Hb 12.5, K 4.1, Na 138, Cr 1.02, INR 2.5.', 'CD4 count 350 cells/uL.',
  'COVID-19 PCR negative.', 'CPT 99214; ICD-10 I10, E11.65.', 'Room 4B, bed 12.', 'NS at 125 mL/hr, 1,000 mL bolus.',
  'Oxycodone 5 mg q4h prn, #20.', 'Tdap given in 2019.', 'Weight 92 kg, BMI 32.1.', 'Temp 98.6 F.', 'Stage 4 CKD, grade 3 reflux.',
  'NYHA class II, ECOG 1.', 'Follow-up with Cardiology Clinic.', 'Seen by Physical Therapy.', 'Discussed with Palliative Care team.',
  'Mother: breast cancer at 62. Father: CAD.', 'Son is a nurse; daughter lives nearby.', 'Vitamin B12 400 pg/mL.', 'Walks 2-3 blocks.',
  'Ejection fraction 35-40%.', 'Version 2.3.1 of the order set.', 'HIV-1 antibody nonreactive.', 'Lot 4412A, expires 2026.',
  'Titrate 1-2 units every 3 days.', 'Kernig and Brudzinski signs negative.', 'Graves disease treated with methimazole.',
  'Stevens-Johnson syndrome ruled out.', 'Pouch of Douglas without free fluid.', 'He is 67 years old.', 'Aged 45, she ran marathons.',
  'Takes MS Contin 15 mg nightly.', 'Plate and screw fixation in 2015.', 'Serial troponins trended.', 'Account for fluid losses.',
];
const PLANS = [
  'Continue metformin 500 mg PO BID.', 'Start lisinopril 10 mg daily.', 'Foley catheter removed.',
  'Glasgow Coma Scale 15.', 'Romberg sign negative; Murphy sign negative.', 'Serial troponins negative x2.',
  'ECG: 12-lead, normal sinus rhythm, rate 78.', 'Follow up in 3 months.', 'Return in 2-3 weeks or sooner if worse.',
  'A1c 7.2%, LDL 96 mg/dL.', 'Pain 6/10, improved to 3/10 after ketorolac.', 'BP 138/82, HR 92, SpO2 95% on 2 L.',
];

/** An age in the styles notes use; over 89 it is PHI. */
function agePieces(random: Random, age: number): Piece[] {
  const value: Piece = age > 89 ? phi('AGE_OVER_89', String(age)) : String(age);
  const styles: Piece[][] = [[value, '-year-old'], [value, ' year old'], [value, ' yo'], [value, ' y/o'], [value, 'yo'], ['aged ', value, ',']];
  if (age > 89 && age < 100) {
    const ones = ['', '-one', '-two', '-three', '-four', '-five', '-six', '-seven', '-eight', '-nine'][age - 90];
    styles.push([phi('AGE_OVER_89', `ninety${ones}`), '-year-old'], ['woman in her ', phi('AGE_OVER_89', '90s'), ',']);
  }
  return random.pick(styles);
}

function writeContactLines(b: NoteBuilder, random: Random, cast: NoteCast): void {
  const { city, state } = cityState(random);
  if (random.chance(0.8)) {
    b.line('Address: ', phi('ADDRESS', streetAddress(random)), ', ', phi('ADDRESS', city), `, ${state} `, phi('ZIP', zipCode(random)));
  }
  if (random.chance(0.15)) b.line('Mailing: ', phi('ADDRESS', `PO Box ${random.int(10, 9999)}`), ', ZIP: ', phi('ZIP', zipCode(random)));
  const phoneCue = random.pick(['Phone: ', 'Cell: ', 'Tel ', 'Home phone: ', 'Mobile: ']);
  if (random.chance(0.2)) {
    // A terse layout: a capital "F:" right before a number is the fax cue.
    b.line('P: ', phi('PHONE', phoneNumber(random)), '  F: ', phi('FAX', phoneNumber(random)));
  } else {
    b.line(phoneCue, phi('PHONE', phoneNumber(random)));
    if (random.chance(0.6)) b.line(random.pick(['Fax: ', 'Fax number: ', 'Facsimile: ', 'fax ']), phi('FAX', phoneNumber(random)));
  }
  if (random.chance(0.1)) b.line('Phone: ', phi('PHONE', `${random.int(201, 989)}555${random.digits(4)}`));
  if (random.chance(0.6)) b.line('Email: ', phi('EMAIL', emailOf(random, cast.patient)));
}

function writeRecordNumbers(b: NoteBuilder, random: Random): void {
  b.line(random.pick(['MRN: ', 'MRN# ', 'Medical record number: ', 'Patient ID: ', 'Chart #: ']), phi('MRN', recordNumber(random)));
  if (random.chance(0.7)) {
    b.line(random.pick(['Account #: ', 'Acct: ', 'Visit #: ', 'Encounter number ', 'Billing account: ']), phi('ACCOUNT', recordNumber(random)));
  }
  if (random.chance(0.7)) {
    const planId = random.chance(0.3) ? `${random.int(1, 9)}EG${random.int(1, 9)}-TE${random.int(1, 9)}-MK${random.digits(2)}` : recordNumber(random);
    b.line(random.pick(['Insurance: Blue Cross PPO, Member ID: ', 'Medicare ID: ', 'Policy number: ', 'Subscriber ID ', 'Group #: ']), phi('HEALTH_PLAN', planId));
  }
  if (random.chance(0.5)) {
    const { cue, value } = ssnValue(random);
    b.line(cue, phi('SSN', value));
  }
}

/** Demographics: name, date of birth, record numbers, address, phone, fax, e-mail, PCP. */
export function writeHeader(b: NoteBuilder, random: Random, cast: NoteCast): void {
  b.line(random.pick(['PROGRESS NOTE', 'Discharge Summary', 'Clinic Visit', 'Emergency Department Note']));
  b.line(random.pick(['Patient: ', 'Patient Name: ', 'Name: ', 'Pt name: ']), phi('NAME', fullName(random, cast.patient)));
  const birth = datePieces(random, cast.year - cast.age);
  b.line('DOB: ', ...(cast.age > 89 ? wholeDate(birth) : birth), `   Sex: ${cast.title === 'Mr.' ? 'M' : 'F'}`);
  writeRecordNumbers(b, random);
  writeContactLines(b, random, cast);
  b.line('Date of service: ', ...datePieces(random, cast.year));
  if (random.chance(0.7)) b.line('PCP: Dr. ', phi('NAME', `${cast.provider.first} ${cast.provider.last}`));
  if (random.chance(0.4)) {
    b.line('Emergency contact: ', phi('NAME', `${cast.relative.first} ${cast.relative.last}`), ` (${cast.relation}) `, phi('PHONE', phoneNumber(random)));
  }
  b.line('');
}

/** History of present illness: age, onset dates, who reported what. */
export function writeHistory(b: NoteBuilder, random: Random, cast: NoteCast): void {
  const sex = cast.title === 'Mr.' ? 'man' : 'woman';
  const conditions = [random.pick(CONDITIONS), random.pick(CONDITIONS)].join(' and ');
  b.add('HPI: ', `${cast.title} `, phi('NAME', cast.patient.last), ' is a ', ...agePieces(random, cast.age));
  b.line(` ${sex} with ${conditions} who presents with worsening dyspnea. Symptoms began on `, ...datePieces(random, cast.year), '.');
  if (random.chance(0.6)) b.line('Previously seen by Dr. ', phi('NAME', cast.provider.last), ' at an outside clinic in ', ...datePieces(random, cast.year - 1), '.');
  if (random.chance(0.6)) {
    b.line(`History obtained from the patient and ${random.chance(0.5) ? 'her' : 'his'} ${cast.relation} `, phi('NAME', cast.relative.first), ', who reports poor oral intake.');
  }
  if (random.chance(0.4)) b.line(phi('NAME', cast.patient.first), ' states the cough is worse at night. Pain 5/10.');
  // Names without a cue, or in lower case: found only when the same name was found elsewhere.
  if (random.chance(0.15)) b.line('Plan reviewed at bedside with ', phi('NAME', cast.relative.first), ' and the patient.');
  if (random.chance(0.05)) b.line(`Per pt's ${cast.relation} `, phi('NAME', cast.relative.first.toLowerCase()), ', no falls at home.');
  if (random.chance(0.2)) b.line('His father died at age 85 of a myocardial infarction; mother is ', ...agePieces(random, random.int(90, 104)), ' and lives in a nursing home.');
  b.line('PMH: ', random.pick(CONDITIONS), '; ', random.pick(CONDITIONS), '; ', random.pick(CONDITIONS), '.');
  b.line('');
}

/** Social history: where the patient lives, vehicles, devices, remote access. */
export function writeSocial(b: NoteBuilder, random: Random, cast: NoteCast): void {
  const { city, state } = cityState(random);
  if (random.chance(0.05)) b.line('Lives at ', phi('ADDRESS', `${random.int(1, 999)} Old Mill`), ' (no street type given).');
  if (random.chance(0.05)) b.line('BCBS #: ', phi('HEALTH_PLAN', `XYZ${random.digits(9)}`));
  if (random.chance(0.05)) b.line('Plate: ', phi('VEHICLE_ID', `ABC${random.digits(4)}`));
  b.line('Social: Lives in ', phi('ADDRESS', city), `, ${state} with ${cast.relation}. Former smoker, quit in ${cast.year - 10}.`);
  if (random.chance(0.3)) {
    b.line('Involved in a motor vehicle collision; vehicle VIN ', phi('VEHICLE_ID', vin(random)), ', license plate ', phi('VEHICLE_ID', `${random.pick(['ABC', 'KDX', '7XY'])}-${random.digits(4)}`), '.');
  }
  if (random.chance(0.2)) b.line("Driver's license: ", phi('LICENSE', `D${random.digits(7)}`), '.');
  if (random.chance(0.4)) {
    const device = random.pick(['Pacemaker serial number ', 'Insulin pump S/N: ', 'Device ID: ', 'ICD serial # ', 'Serial no. ']);
    b.line(device, phi('DEVICE_ID', `${random.pick(['PJN', 'MMT-', 'AB', 'XR'])}${random.digits(6)}`), ' interrogated on ', ...datePieces(random, cast.year), '.');
  }
  if (random.chance(0.3)) b.line('Telehealth visit; patient connected from IP ', phi('IP', ipAddress(random)), '.');
  if (random.chance(0.4)) b.line('Patient portal: ', phi('URL', random.pick(['https://portal.example.org/patient/', 'www.myhealth-example.com/id/', 'mychart.example.net/visit/']) + random.digits(5)));
  b.line('');
}

/** Assessment and plan, with clinical look-alikes, then the signature. */
export function writePlanAndSignature(b: NoteBuilder, random: Random, cast: NoteCast): void {
  b.line(Array.from({ length: 5 }, () => random.pick(LOOK_ALIKES)).join(' '));
  b.line('Assessment/Plan: ', random.pick(CONDITIONS), ', stable. ', random.pick(PLANS), ' ', random.pick(PLANS), ' ', random.pick(PLANS));
  if (random.chance(0.3)) b.line('Discussed with ', cast.title, ' ', phi('NAME', cast.patient.last.toUpperCase()), ' and family; all questions answered.');
  const provider = `${cast.provider.first} ${cast.provider.last}`;
  const credential = random.pick(['MD', 'DO', 'NP', 'PA-C', 'M.D.']);
  const style = random.int(0, 2);
  if (style === 0) b.add('Electronically signed by: ', phi('NAME', provider), `, ${credential} on `);
  else if (style === 1) b.add('Dictated by Dr. ', phi('NAME', provider), ' on ');
  else b.add('-- ', phi('NAME', provider), ` ${credential} `);
  b.line(...datePieces(random, cast.year), ` ${random.int(7, 18)}:${String(random.int(0, 59)).padStart(2, '0')}`);
  if (random.chance(0.3)) b.line(random.pick(['NPI: ', 'DEA number ', 'License #: ']), phi('LICENSE', `${random.pick(['', 'AB', 'RN'])}${random.digits(8)}`));
}
