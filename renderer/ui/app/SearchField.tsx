import { flushSync } from 'react-dom';
import { Icon } from '../components/Icon';
import { requestListFocus } from '../lib/list-focus';
import { useInventoryQuery } from '../state/inventory-query-context';
import { useRouter } from '../state/router-context';
import { SEARCH_INPUT_ID } from './search-input-id';

/**
 * The inventory search in the top bar. It is there in every area: typing elsewhere
 * brings you to the inventory with the results. Enter moves to the first result.
 */
export function SearchField() {
  const { text, setText, flushSearch } = useInventoryQuery();
  const { route, navigate } = useRouter();
  return (
    <search className="search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        Search APIs
      </label>
      <Icon name="search" className="search__icon" />
      <input
        id={SEARCH_INPUT_ID}
        className="search__input"
        type="search"
        placeholder="Search APIs by name, team, URL, regime…"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (route.area !== 'inventory') navigate({ area: 'inventory', panel: null });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            // Filter by everything typed so far and render that now (flushSync), so the
            // first row takes focus before the next key (often Enter) arrives.
            flushSync(flushSearch);
            requestListFocus();
          }
        }}
      />
      <kbd className="search__hint" aria-hidden="true">
        /
      </kbd>
    </search>
  );
}
