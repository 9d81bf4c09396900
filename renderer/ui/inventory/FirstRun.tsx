import { Icon } from '../components/Icon';
import { ShieldMark } from '../components/ShieldMark';
import { Keys } from '../components/Keys';
import { useCommands } from '../state/commands-context';

/** The empty inventory: what Bulwark is, and the first step. */
export function FirstRun() {
  const { run } = useCommands();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <ShieldMark size={56} />
      <h2 id="first-run-title" className="first-run__title">
        Start your API inventory
      </h2>
      <p className="first-run__lead">
        Bulwark is an offline workbench for API security: it keeps track of every API you run or
        consume and flags the ones that need attention.
      </p>
      <p className="first-run__text">
        Add an API with its owner, exposure and the data it handles. Bulwark works out how sensitive
        it is and flags risks such as sensitive data without authentication or overdue reviews.
      </p>
      <div className="first-run__actions">
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => {
            run('api.new');
          }}
        >
          <Icon name="plus" />
          Add your first API
        </button>
        <button
          type="button"
          className="button button--secondary button--large"
          onClick={() => {
            run('workspace.restore');
          }}
        >
          <Icon name="upload" />
          Restore a backup
        </button>
      </div>
      <p className="first-run__next">
        Threat models, incident playbooks, tabletop exercises and reports will build on this
        inventory.
      </p>
      <p className="first-run__hint text-muted">
        Everything stays on this device. Press <Keys keys="?" /> for keyboard shortcuts.
      </p>
    </section>
  );
}
