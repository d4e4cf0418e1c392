import type { CliCommand } from './command.js';
import { corpusOptions, corpusUsage, loadCorpusFromArgs } from './corpus-options.js';

export const corpusCommand: CliCommand = {
  name: 'corpus',
  summary: 'Read the page files and report entries, papers and warnings per file',
  usage: `Usage: paperwire corpus [--corpus DIR] [--year YYYY] [--json]

${corpusUsage}
  --json         print every paper and warning as JSON`,
  options: { ...corpusOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    const corpus = await loadCorpusFromArgs(values);
    if (values.json) {
      io.out(
        JSON.stringify({
          papers: corpus.papers.map((p) => ({
            id: p.id,
            title: p.title,
            abstract: p.abstract,
            authorsCount: p.authorsCount ?? null,
            organization: p.organization ?? null,
            publishedAt: p.publishedAt ?? null,
            upvotes: p.upvotes ?? null,
            appearances: p.appearances.map((a) => ({ file: a.file, line: a.line, pageDate: a.pageDate ?? null })),
          })),
          warnings: corpus.warnings,
        }),
      );
      return 0;
    }
    const papersPerFile = new Map<string, Set<string>>();
    for (const paper of corpus.papers) {
      for (const a of paper.appearances) papersPerFile.set(a.file, (papersPerFile.get(a.file) ?? new Set()).add(paper.id));
    }
    const rows = corpus.files.map((f) => {
      const warnings = corpus.warnings.filter((w) => w.file === f.file).length;
      const state = f.skipped ? 'skipped' : `page ${f.pageDate ?? 'undated'}${f.yearSource ? ` (year: ${f.yearSource})` : ''}`;
      return `${f.file}  ${f.entries} entries, ${papersPerFile.get(f.file)?.size ?? 0} papers, ${warnings} warnings  ${state}`;
    });
    const shared = corpus.papers.filter((p) => p.appearances.length > 1).length;
    io.out(
      [
        ...rows,
        '',
        `${corpus.files.length} files, ${corpus.files.reduce((n, f) => n + f.entries, 0)} entries, ${corpus.papers.length} papers (${shared} on more than one page), ${corpus.warnings.length} warnings, version ${corpus.version}`,
        ...corpus.warnings.map((w) => `warning: ${w.file}:${w.line}: ${w.message}`),
      ].join('\n'),
    );
    return 0;
  },
};
