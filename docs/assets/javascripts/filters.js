/*
 * Filters for the reading list: by type, cost and track. Without JavaScript the page is a plain
 * list grouped by type; with it, entries that do not match are hidden, with a count. The chosen
 * filters live in the page's address (?type=book&cost=free), so a link reproduces the view.
 *
 * The pure functions come first and are exported for `node --test` (tests/js/filters.test.js);
 * the page glue below them only runs where there is a document.
 */
(function () {
  "use strict";

  /** Does an entry's data match every chosen filter? An empty value matches anything; an
   * entry's field may hold several values separated by spaces (a resource serves several tracks). */
  function matches(entry, chosen) {
    return Object.entries(chosen).every(([field, value]) => {
      if (!value) return true;
      return (entry[field] || "").split(" ").includes(value);
    });
  }

  /**
   * The filters a query string asks for, keeping only known fields and values.
   * `search` is a query string, with or without its "?"; `allowed` maps each field to the values
   * it may take ({type: ["book", ...], cost: [...]}). Unknown fields, unknown values and empty
   * values are dropped; if a field appears twice, the first known value wins.
   */
  function filtersFromQuery(search, allowed) {
    const chosen = {};
    // Stryker disable next-line StringLiteral: with no search, any text without "=" gives no known field
    const params = new URLSearchParams(search || "");
    for (const [field, values] of Object.entries(allowed)) {
      const value = params.getAll(field).find((candidate) => candidate && values.includes(candidate));
      if (value !== undefined) chosen[field] = value;
    }
    return chosen;
  }

  /**
   * The query string for the chosen filters: "?type=book&cost=free", fields in the order given,
   * empty values left out; "" when nothing is chosen. Other parameters of `search` (if given)
   * are kept, after the filters, so the filters never drop what another script put there.
   */
  function filtersToQuery(chosen, search) {
    const params = new URLSearchParams();
    for (const [field, value] of Object.entries(chosen)) if (value) params.set(field, value);
    for (const [field, value] of new URLSearchParams(search || "")) {
      if (!(field in chosen)) params.append(field, value);
    }
    const query = params.toString();
    return query ? `?${query}` : "";
  }

  const api = { matches, filtersFromQuery, filtersToQuery };

  // Stryker disable all: the page glue below runs in the browser only (the browser tests in
  // tests/site cover it); mutation testing covers the pure functions above.
  if (typeof document !== "undefined") {
    const selects = (panel) => [...panel.querySelectorAll("select[data-filter]")];

    /** Each filter's field and the values its options offer (the "any" option's "" aside). */
    function allowedValues(panel) {
      const allowed = {};
      for (const select of selects(panel)) {
        allowed[select.dataset.filter] = [...select.options].map((option) => option.value).filter(Boolean);
      }
      return allowed;
    }

    function chosenFilters(panel) {
      const chosen = {};
      for (const select of selects(panel)) chosen[select.dataset.filter] = select.value;
      return chosen;
    }

    function apply(panel) {
      const chosen = chosenFilters(panel);
      const entries = [...document.querySelectorAll(".roadmap-resource")];
      let shown = 0;
      for (const entry of entries) {
        const visible = matches(entry.dataset, chosen);
        entry.hidden = !visible;
        if (visible) shown += 1;
      }
      // Each type's heading is followed by its list; both hide when none of its entries shows.
      for (const heading of document.querySelectorAll(".roadmap-group")) {
        const list = heading.nextElementSibling;
        const any = Boolean(list?.querySelector(".roadmap-resource:not([hidden])"));
        heading.hidden = !any;
        if (list?.querySelector(".roadmap-resource")) list.hidden = !any;
      }
      panel.querySelector("[data-filter-count]").textContent = shown
        ? `Showing ${shown} of ${entries.length} resources.`
        : `No resource of the ${entries.length} matches all of these filters.`;
      panel.querySelector("[data-filter-reset]").hidden = !Object.values(chosen).some(Boolean);
    }

    /** Every filter back to "any", the reader's place kept on the first of them. */
    function showAll(panel) {
      for (const select of selects(panel)) select.value = "";
      apply(panel);
      remember(panel);
      selects(panel)[0].focus();
    }

    /** Put the chosen filters in the address without adding a history entry per change. */
    function remember(panel) {
      const query = filtersToQuery(chosenFilters(panel), location.search);
      if (query === location.search) return;
      const url = location.pathname + query + location.hash;
      // Keep the history state: Material's instant navigation stores its own there.
      history.replaceState(history.state, "", url);
    }

    function attach() {
      const panel = document.querySelector("[data-roadmap-filters]");
      if (!panel || panel.dataset.ready) return;
      panel.dataset.ready = "true";
      const fromQuery = filtersFromQuery(location.search, allowedValues(panel));
      for (const select of selects(panel)) select.value = fromQuery[select.dataset.filter] || "";
      panel.addEventListener("change", () => {
        apply(panel);
        remember(panel);
      });
      panel.querySelector("[data-filter-reset] button").addEventListener("click", () => showAll(panel));
      panel.hidden = false;
      apply(panel);
    }

    if (window.document$) window.document$.subscribe(attach);
    else attach();
  }

  if (typeof module === "object" && module.exports) module.exports = api; else window.RoadmapFilters = api;
})();
