import type { CliCommand } from './command.js';
import { corpusOptions, corpusUsage } from './corpus-options.js';
import { loadLibraryFromArgs } from './library-options.js';

export const corpusCommand: CliCommand = {
  name: 'corpus',
  summary: 'Read the page files and report entries, papers and warnings per file, and the papers fetched from the API',
  usage: `Usage: paperwire corpus [--corpus DIR] [--year YYYY] [--json]

${corpusUsage}
  --json         print every paper and warning as JSON`,
  options: { ...corpusOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    const corpus = await loadLibraryFromArgs(values);
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
            arxivId: p.arxivId ?? null,
            url: p.url ?? null,
            listDates: p.listDates ?? [],
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
    const fromPages = corpus.papers.filter((p) => p.appearances.length > 0);
    const shared = fromPages.filter((p) => p.appearances.length > 1).length;
    const fetched = corpus.papers.filter((p) => p.arxivId !== undefined);
    const both = fetched.filter((p) => p.appearances.length > 0).length;
    io.out(
      [
        ...rows,
        '',
        `${corpus.files.length} files, ${corpus.files.reduce((n, f) => n + f.entries, 0)} entries, ${fromPages.length} papers (${shared} on more than one page), ${corpus.warnings.length} warnings, version ${corpus.corpusVersion}`,
        ...(fetched.length > 0
          ? [`${fetched.length} papers fetched from the daily papers API (${both} of them also on a page): ${corpus.papers.length} papers in all`]
          : []),
        ...corpus.warnings.map((w) => `warning: ${w.file}:${w.line}: ${w.message}`),
      ].join('\n'),
    );
    return 0;
  },
};
