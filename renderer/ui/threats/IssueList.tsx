import type { ModelIssue } from '../../../core/threats';

type IssueListProps = { readonly issues: readonly ModelIssue[]; readonly title: string };

/** Validation problems, each with the place it belongs to; announced as an alert. */
export function IssueList({ issues, title }: IssueListProps) {
  if (issues.length === 0) return null;
  return (
    <div className="threats__issues" role="alert">
      <p className="threats__issues-title">{title}</p>
      <ul>
        {issues.slice(0, 20).map((i, n) => (
          <li key={`${i.path}-${String(n)}`}>
            <span className="mono">{i.path}</span>: {i.message}
          </li>
        ))}
      </ul>
      {issues.length > 20 && <p>…and {issues.length - 20} more.</p>}
    </div>
  );
}
