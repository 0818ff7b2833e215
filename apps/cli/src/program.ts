import { Command } from 'commander';
import { registerApiKeyCommands } from './commands/apikey-command.js';
import { registerTerminologyCommands } from './commands/terminology-commands.js';
import { registerEvalCommand } from './commands/eval-command.js';
import { registerTrainCommand } from './commands/train-command.js';
import { registerDetectCommand } from './commands/detect-command.js';

/** The `icd10` command line: terminology lookup and search, detection, API keys. */
export function createProgram(): Command {
  const program = new Command('icd10')
    .description('ICD-10-CM coding assistant: code lookup, search and detection')
    .option('--data-dir <dir>', 'folder with the CDC ICD-10-CM files (default: ICD10CM_DATA_DIR, data/icd10cm, ../shared/icd10cm)')
    .option('--cache-dir <dir>', 'folder for the compiled terminology (default: ICD10CM_CACHE_DIR or .cache/terminology)')
    .showHelpAfterError();
  registerTerminologyCommands(program);
  registerDetectCommand(program);
  registerEvalCommand(program);
  registerTrainCommand(program);
  registerApiKeyCommands(program);
  return program;
}
