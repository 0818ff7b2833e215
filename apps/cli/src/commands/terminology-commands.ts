import type { Command } from 'commander';
import { compileTerminology } from '@icd/terminology';
import { parsePositiveInteger } from './parse-options.js';
import { loadFromOptions, printJson, type GlobalOptions } from './load.js';
import { registerTerminologyFetchCommand } from './terminology-fetch-command.js';

export function registerTerminologyCommands(program: Command): void {
  program
    .command('code')
    .description('print the full record of a code as JSON')
    .argument('<code>', 'an ICD-10-CM code, with or without the dot (E11.22, e1122)')
    .action(async (code: string, _options, command: Command) => {
      const terminology = await loadFromOptions(command);
      const record = terminology.lookup(code);
      if (!record) {
        const validation = terminology.validate(code);
        throw new Error(validation.valid ? `unknown code ${code}` : validation.message);
      }
      printJson(record);
    });

  program
    .command('validate')
    .description('say whether a code can be reported as it is, and why not')
    .argument('<code...>', 'one or more codes')
    .action(async (codes: string[], _options, command: Command) => {
      const terminology = await loadFromOptions(command);
      const results = codes.map((code) => terminology.validate(code));
      printJson(results.length === 1 ? results[0] : results);
      if (results.some((result) => !result.valid)) process.exitCode = 3;
    });

  program
    .command('search')
    .description('ranked search over titles, inclusion terms and Index paths; prints a JSON array')
    .argument('<query...>', 'words to search for')
    .option('-n, --limit <n>', 'how many results', parsePositiveInteger, 10)
    .action(async (words: string[], options: { limit: number }, command: Command) => {
      const terminology = await loadFromOptions(command);
      printJson(terminology.search(words.join(' '), { limit: options.limit }));
    });

  program
    .command('navigate')
    .description('walk the Alphabetic Index: navigate Diabetes "type 2" with "chronic kidney disease"')
    .argument('<mainTerm>', 'Index main term')
    .argument('[modifiers...]', 'subterms, in order')
    .action(async (mainTerm: string, modifiers: string[], _options, command: Command) => {
      const terminology = await loadFromOptions(command);
      printJson(terminology.navigate(mainTerm, modifiers));
    });

  registerTerminologyManagement(program);
}

/** `icd10 terminology build|fetch`: the compiled artifact and the CDC release files. */
function registerTerminologyManagement(program: Command): void {
  const terminologyCommand = program.command('terminology').description('manage the compiled terminology');
  registerTerminologyFetchCommand(terminologyCommand);
  terminologyCommand
    .command('build')
    .description('compile the CDC files into the artifact (done on first use anyway)')
    .option('--rebuild', 'build again even if an artifact matches the sources')
    .action(async (options: { rebuild?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const started = performance.now();
      const outcome = await compileTerminology({
        dataDir: globals.dataDir,
        cacheDir: globals.cacheDir,
        rebuild: options.rebuild,
        onProgress: (event) => process.stderr.write(`terminology: ${event.message}\n`),
      });
      printJson({
        artifact: outcome.artifactPath,
        built: outcome.built,
        seconds: Math.round(performance.now() - started) / 1000,
        dataDir: outcome.dataDir,
        sources: outcome.model.sources.map(({ kind, file, year }) => ({ kind, file, year })),
        codes: outcome.model.codes.length,
        billable: outcome.model.codes.filter((code) => code.billable).length,
        bridged: Object.keys(outcome.model.bridged).length,
        unplaced: outcome.model.unplaced.length,
        unplacedReport: outcome.reportPath,
      });
    });
}
