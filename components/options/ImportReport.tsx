import type { ImportReport as Report } from '../../lib/library/import';
import { formatCount } from './format';

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
/** Long lists of names are cut, the count says how many there are. */
const names = (list: string[]) => (list.length > 12 ? `${list.slice(0, 12).join(', ')} and ${list.length - 12} more` : list.join(', '));

/** What each imported file taught the extension, and which files were refused and why. */
export function ImportReport({ report }: { report: Report }) {
  const added = report.files.reduce((sum, f) => sum + f.articles, 0);
  const skipped = report.files.reduce((sum, f) => sum + f.skipped, 0);
  return (
    <div class="cl-report" data-testid="import-report">
      <p>
        {plural(added, 'article')} added to your library
        {skipped > 0 && `, ${plural(skipped, 'article')} already there`}
        {report.refused.length > 0 && `, ${plural(report.refused.length, 'file')} refused`}.
      </p>
      <ul class="cl-report-files">
        {report.files.slice(0, 200).map((file) => (
          <li key={file.name} data-testid="report-file" data-name={file.name}>
            <strong>{file.name}</strong>: {plural(file.articles, 'article')}
            {file.skipped > 0 && ` (${formatCount(file.skipped)} already in your library)`}, {plural(file.facts, 'fact')}
            {file.known.length > 0 && <div>Known organisations: {names(file.known)}</div>}
            {file.discovered.length > 0 && <div>New organisations: {names(file.discovered)}</div>}
            {file.notes.map((note) => (
              <div key={note} class="cl-muted" data-testid="report-note">
                Note: {note}
              </div>
            ))}
          </li>
        ))}
        {report.files.length > 200 && <li class="cl-muted">… and {plural(report.files.length - 200, 'more file')}</li>}
      </ul>
      {report.refused.length > 0 && (
        <ul class="cl-report-refused" aria-label="Refused files">
          {report.refused.slice(0, 200).map((r) => (
            <li key={r.name} class="cl-error" data-testid="report-refused">
              <strong>{r.name}</strong> {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
