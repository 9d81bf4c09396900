import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { flagsOf, LABELS, sensitivityOf, type ApiEntry } from '../../../core/inventory';
import { FlagList } from '../components/FlagList';
import { Icon } from '../components/Icon';
import { SensitivityBadge } from '../components/SensitivityBadge';
import { daysOverdue, describeDue, formatIsoDate, formatTimestamp } from '../lib/dates';
import { SENSITIVITY_HINTS } from '../lib/labels';
import { useKeyWithin } from '../lib/use-key-within';
import { useToday } from '../lib/use-today';
import { useRouter } from '../state/router-context';
import { DetailSection } from './DetailSection';
import { useDeleteApi } from './use-delete-api';

// The threat-model section reads threat models; it loads with the panel's first use rather
// than with the inventory's first screen.
const ApiThreatModels = lazy(async () => ({
  default: (await import('../threats/ApiThreatModels')).ApiThreatModels,
}));

// The heading shows at most four lines; a longer name is repeated in full below it.
const LONG_NAME = 120;

const none = <span className="text-muted">Not recorded</span>;
const text = (s: string) => (s.trim() === '' ? none : <span className="pre-wrap">{s}</span>);
const list = (items: readonly string[]) => (items.length === 0 ? none : items.join(', '));

/** One API, read-only, with its findings and the Edit and Delete actions. */
export function ApiDetail({ api }: { readonly api: ApiEntry }) {
  const today = useToday();
  const { navigate } = useRouter();
  const requestDelete = useDeleteApi();
  const rootRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sensitivity = sensitivityOf(api.dataClasses);
  const flags = flagsOf(api, today);

  // Before paint, not after: a key pressed as soon as the panel shows (Esc) must already
  // land inside it.
  useLayoutEffect(() => {
    headingRef.current?.focus();
  }, []);

  const close = (): void => {
    navigate({ area: 'inventory', panel: null });
  };
  useKeyWithin(rootRef, (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
  });

  const due = api.nextReviewDue;
  return (
    <section ref={rootRef} className="panel" aria-labelledby="panel-title">
      <header className="panel__header">
        <div className="panel__heading">
          <h2
            id="panel-title"
            ref={headingRef}
            className="panel__title panel__title--name"
            tabIndex={-1}
          >
            {api.name}
          </h2>
          <div className="panel__badges">
            <SensitivityBadge sensitivity={sensitivity} />
            <span className={`lifecycle lifecycle--${api.lifecycle}`}>
              {LABELS.lifecycle[api.lifecycle]}
            </span>
            <span className="text-muted">{LABELS.exposure[api.exposure]}</span>
          </div>
        </div>
        <button type="button" className="icon-button" aria-label="Close panel" onClick={close}>
          <Icon name="x" />
        </button>
      </header>
      <div className="panel__toolbar">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigate({ area: 'inventory', panel: { kind: 'edit', id: api.id } });
          }}
        >
          <Icon name="edit" />
          Edit
        </button>
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => {
            void requestDelete(api).then((deleted) => {
              if (deleted) navigate({ area: 'inventory', panel: null }, { replace: true });
            });
          }}
        >
          <Icon name="trash" />
          Delete API
        </button>
      </div>
      {/* Scrollable text with few controls: focusable so the keyboard can scroll it. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="panel__body" role="region" aria-label="API details" tabIndex={0}>
        <section className="detail-section" aria-labelledby="detail-findings">
          <h3 id="detail-findings" className="detail-section__title">
            Findings
          </h3>
          <FlagList flags={flags} overdueDays={daysOverdue(due, today)} emptyText="No findings." />
        </section>
        <Suspense fallback={null}>
          <ApiThreatModels apiId={api.id} />
        </Suspense>
        {api.name.length > LONG_NAME && (
          <section className="detail-section" aria-labelledby="detail-full-name">
            <h3 id="detail-full-name" className="detail-section__title">
              Full name
            </h3>
            {/* Read-only and scrollable: the whole name, however long, selectable for copying. */}
            <textarea
              className="detail__full-name"
              aria-labelledby="detail-full-name"
              readOnly
              rows={5}
              value={api.name}
            />
          </section>
        )}
        {api.description.trim() !== '' && (
          <p className="detail__description pre-wrap break-anywhere">{api.description}</p>
        )}
        <DetailSection
          title="Ownership"
          items={[
            ['Team', text(api.owner.team)],
            ['Contact', text(api.owner.contact)],
          ]}
        />
        <DetailSection
          title="Data and scope"
          items={[
            ['Data classes', list(api.dataClasses.map((c) => LABELS.dataClass[c]))],
            ['Sensitivity', SENSITIVITY_HINTS[sensitivity]],
            ['Regulatory scope', list(api.regulatoryScope)],
          ]}
        />
        <DetailSection
          title="Access"
          items={[
            ['Authentication', list(api.authentication.map((a) => LABELS.auth[a]))],
            ['Gateway', text(api.gateway)],
            ['Rate limits', text(api.rateLimit)],
          ]}
        />
        <DetailSection
          title="Environments"
          items={
            api.environments.length === 0
              ? [['Environments', none]]
              : api.environments.map((e) => [
                  e.name,
                  <span key={e.name} className="mono">
                    {e.baseUrl}
                  </span>,
                ])
          }
        />
        <DetailSection
          title="Reviews"
          items={[
            ['Last reviewed', api.lastReviewed === null ? none : formatIsoDate(api.lastReviewed)],
            [
              'Next review due',
              due === null ? none : `${formatIsoDate(due)} (${describeDue(due, today)})`,
            ],
          ]}
        />
        <DetailSection
          title="Record"
          items={[
            ['Created', formatTimestamp(api.createdAt)],
            ['Updated', formatTimestamp(api.updatedAt)],
            [
              'ID',
              <span key="id" className="mono">
                {api.id}
              </span>,
            ],
          ]}
        />
      </div>
    </section>
  );
}
