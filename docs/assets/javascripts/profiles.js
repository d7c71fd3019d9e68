/*
 * Starting points (the home and progress pages): choosing one previews which skills it marks
 * as already known and which marks of the one chosen before it removes, then applies it (with
 * Undo) or cancels. The pure part is progress-core.js's applyProfile; progress.js keeps the
 * state and saves it. Only pages that offer starting points load it (page-scripts.js).
 */
(function () {
  "use strict";

  const { applyProfile, counted } = window.RoadmapProgress;

  window.RoadmapProgress.ready.then(({ index, state, update, status, keepUndo, onRender }) => {
    let pending = null; // a starting point shown but not applied yet
    const profiles = index.roadmap.profiles;

    function titles(ids) {
      return ids.map((id) => index.skills.get(id)?.title || id).join(", ");
    }

    function render(now) {
      for (const current of document.querySelectorAll("[data-profile-current]")) {
        const chosen = now.profile && profiles.find((p) => p.id === now.profile.id);
        current.textContent = chosen
          ? `Your starting point: “${chosen.title}” (it marked ${counted(now.profile.marked.length, "skill")} as already known).`
          : "No starting point chosen yet.";
      }
      for (const button of document.querySelectorAll("button[data-profile]")) {
        button.setAttribute("aria-pressed", String(now.profile?.id === button.dataset.profile));
      }
    }

    function preview(profile, tools) {
      const now = state();
      const change = applyProfile(now, profile);
      pending = profile;
      const parts = [`“${profile.title}” marks ${counted(change.added.length, "skill")} as already known` +
        (change.added.length ? `: ${titles(change.added)}.` : ".")];
      if (now.profile) {
        const before = profiles.find((p) => p.id === now.profile.id);
        parts.push(`It replaces “${before ? before.title : now.profile.id}”` +
          (change.removed.length ? `, whose ${change.removed.length === 1 ? "mark is" : "marks are"} removed: ${titles(change.removed)}.` : "."));
      }
      parts.push("Skills you marked yourself stay as they are.");
      const box = tools.querySelector("[data-profile-preview]");
      box.querySelector("[data-profile-preview-text]").textContent = parts.join(" ");
      box.hidden = false;
      box.querySelector("[data-action=apply-profile]").focus();
    }

    function onClick(event) {
      const target = event.target.closest("button");
      const tools = target?.closest("[data-roadmap-tools]");
      if (!tools) return;
      if (target.dataset.profile) {
        preview(profiles.find((p) => p.id === target.dataset.profile), tools);
      } else if (target.dataset.action === "apply-profile" && pending) {
        const applied = applyProfile(state(), pending);
        keepUndo(state());
        update(() => applied.state);
        tools.querySelector("[data-profile-preview]").hidden = true;
        status(`Starting point “${pending.title}”: ${counted(applied.added.length, "skill")} marked as already known` +
          (applied.removed.length ? `, ${applied.removed.length} unmarked.` : "."), target, true);
        pending = null;
      } else if (target.dataset.action === "cancel-profile") {
        pending = null;
        tools.querySelector("[data-profile-preview]").hidden = true;
        status("Nothing was changed.", target);
      }
    }

    // Attached once to the document, which survives instant navigation.
    document.addEventListener("click", onClick);
    onRender(render);
  });
})();
