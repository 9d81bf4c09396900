/** The id of the inventory search box in the top bar, which `/` focuses. */
export const SEARCH_INPUT_ID = 'search-apis';
