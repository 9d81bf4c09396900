import type { ThreatModel } from '../../../../core/threats';
import { formatTimestamp } from '../../lib/dates';

/** Every signed-off version, newest first. */
export function VersionList({ model }: { readonly model: ThreatModel }) {
  return (
    <section className="versions" aria-labelledby="versions-title">
      <h4 id="versions-title" className="prompts__title">
        Versions
      </h4>
      {model.versions.length === 0 ? (
        <p className="text-muted">Not signed off yet.</p>
      ) : (
        <ol className="versions__list" reversed>
          {[...model.versions].reverse().map((v) => (
            <li key={v.version} className="versions__item">
              <span className="versions__name">Version {v.version}</span>{' '}
              <span className="break-anywhere">
                signed off by {v.signedBy}, {formatTimestamp(v.signedAt)}
              </span>
              {v.note !== '' && <p className="pre-wrap break-anywhere text-muted">{v.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
