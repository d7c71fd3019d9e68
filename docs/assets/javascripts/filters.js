/*
 * Filters for the reading list: by type, cost and track. Without JavaScript the page is a plain
 * list grouped by type; with it, entries that do not match are hidden, with a count.
 */
(function () {
  "use strict";

  /** Does an entry's data match every chosen filter? (Pure: tested in the browser tests.) */
  function matches(entry, chosen) {
    return Object.entries(chosen).every(([field, value]) => {
      if (!value) return true;
      return (entry[field] || "").split(" ").includes(value);
    });
  }

  function apply(panel) {
    const chosen = {};
    for (const select of panel.querySelectorAll("select[data-filter]")) chosen[select.dataset.filter] = select.value;
    const entries = [...document.querySelectorAll(".roadmap-resource")];
    let shown = 0;
    for (const entry of entries) {
      const visible = matches(entry.dataset, chosen);
      entry.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const heading of document.querySelectorAll(".roadmap-group")) {
      let next = heading.nextElementSibling;
      let any = false;
      while (next && !next.classList.contains("roadmap-group")) {
        if (next.classList.contains("roadmap-resource") && !next.hidden) any = true;
        next = next.nextElementSibling;
      }
      heading.hidden = !any;
    }
    panel.querySelector("[data-filter-count]").textContent = `Showing ${shown} of ${entries.length} resources.`;
  }

  function attach() {
    const panel = document.querySelector("[data-roadmap-filters]");
    if (!panel || panel.dataset.ready) return;
    panel.dataset.ready = "true";
    panel.addEventListener("change", () => apply(panel));
    panel.hidden = false;
    apply(panel);
  }

  window.RoadmapFilters = { matches };
  if (window.document$) window.document$.subscribe(attach);
  else attach();
})();
