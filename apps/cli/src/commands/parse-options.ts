import { InvalidArgumentError, Option } from 'commander';
import { ENCOUNTER_SETTINGS, type EncounterSetting } from '@icd/contracts';

export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
}

/** `--setting`: the encounter whose conventions decide whether an uncertain diagnosis is coded. */
export function settingOption(defaultSetting: EncounterSetting): Option {
  return new Option('--setting <setting>', 'encounter setting: inpatient codes a probable or suspected diagnosis as established, outpatient does not')
    .choices(ENCOUNTER_SETTINGS)
    .default(defaultSetting);
}
