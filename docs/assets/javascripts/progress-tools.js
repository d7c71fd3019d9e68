/*
 * The progress page's tools: export (JSON, Markdown), import, reset, every skill's state and
 * the reader's notes. Only the progress page loads this script (page-scripts.js), so the pages
 * a reader opens first do not download it; progress.js keeps the state and saves it.
 */
(function () {
  "use strict";

  const { parseEnvelope, makeEnvelope, indexRoadmap, migrate, localDay, download, verification, verifiedCount,
    verifiedSummary, verificationShort, QUIZ_PASS_PERCENT } = window.RoadmapProgress;
  const { planImport, describeImport, resetState, countProgress, describeReset, skillState, toMarkdown } = window.RoadmapTransfer;
  const STATE_LABELS = { known: "already known", done: "done", started: "in progress", new: "not started" };

  window.RoadmapProgress.ready.then(({ index, state, update, fetchJSON, status, keepUndo, onRender }) => {
    let pendingImport = null;
    let wholeRoadmap = null;
    // The whole roadmap.json, for the checklists' wording in the Markdown export.
    function whole() {
      wholeRoadmap = wholeRoadmap || fetchJSON("roadmap.json").then(indexRoadmap);
      return wholeRoadmap;
    }

    function renderSkillStates(now) {
      for (const cell of document.querySelectorAll("[data-skill-state]")) {
        const skill = index.skills.get(cell.dataset.skillState);
        if (!skill) continue;
        const found = skillState(now, index, skill.id, skill.quiz);
        cell.dataset.kind = found.kind;
        cell.textContent = found.kind === "started"
          ? `${STATE_LABELS.started} (${found.done} of ${found.total})`
          : STATE_LABELS[found.kind];
        const quiz = document.querySelector(`[data-skill-quiz="${skill.id}"]`);
        if (quiz && skill.quiz.length) {
          quiz.textContent = found.quiz.answered ? `${found.quiz.right} of ${found.quiz.total} right` : "not taken";
        }
        const verified = document.querySelector(`[data-skill-verified="${skill.id}"]`);
        if (verified) verified.textContent = verificationShort(verification(now, skill));
      }
      for (const total of document.querySelectorAll("[data-verified-total]")) {
        total.textContent = `${verifiedSummary(verifiedCount(now, index, index.roadmap.skills.map((s) => s.id)))}.`;
      }
      for (const rule of document.querySelectorAll("[data-quiz-pass-rule]")) {
        rule.textContent = `every question answered and at least ${QUIZ_PASS_PERCENT}% of your last answers right`;
      }
    }


    /** Each skill's notes, as text: never read as markup. */
    function renderNotes(now) {
      for (const list of document.querySelectorAll("[data-notes-list]")) {
        list.replaceChildren();
        for (const skill of index.roadmap.skills.filter((s) => now.notes[s.id])) {
          const title = document.createElement("h3");
          const text = document.createElement("p");
          title.textContent = skill.title;
          text.className = "roadmap-note";
          text.textContent = now.notes[skill.id];
          list.append(title, text);
        }
        if (!list.childElementCount) list.textContent = "No notes yet: each skill page has a box for them.";
      }
    }

    function importFile(file, tools) {
      const preview = tools.querySelector("[data-import-preview]");
      file.text().then((text) => {
        const parsed = parseEnvelope(text, localDay(new Date()));
        if (parsed.error) {
          pendingImport = null;
          preview.hidden = true;
          status(`Import refused: ${file.name} is not a progress file this site can read (${parsed.error}). Nothing was changed.`, tools);
          return;
        }
        const migrated = migrate(parsed.state, index);
        const mode = tools.querySelector("input[name=import-mode]:checked")?.value || "merge";
        pendingImport = planImport(state(), migrated.state, mode);
        tools.querySelector("[data-import-summary]").textContent = describeImport(pendingImport, migrated.unknown);
        preview.hidden = false;
        status("Check what will change, then apply or cancel.", tools);
      });
    }

    function onClick(event) {
      const target = event.target.closest("button[data-action]");
      const tools = target?.closest("[data-roadmap-tools]");
      if (!tools) return;
      const action = target.dataset.action;
      const today = new Date().toISOString().slice(0, 10);
      if (action === "reset") {
        const counts = countProgress(state());
        const confirm = tools.querySelector("[data-reset-confirm]");
        confirm.querySelector("[data-reset-summary]").textContent = describeReset(counts);
        confirm.hidden = false;
        confirm.querySelector("[data-action=confirm-reset]").focus();
      } else if (action === "confirm-reset") {
        keepUndo(state());
        update(resetState);
        tools.querySelector("[data-reset-confirm]").hidden = true;
        status("Your progress was reset.", target, true);
      } else if (action === "cancel-reset") {
        tools.querySelector("[data-reset-confirm]").hidden = true;
        status("Nothing was changed.", target);
      } else if (action === "export-json") {
        download(`ml-engineer-roadmap-progress-${today}.json`, JSON.stringify(makeEnvelope(state(), new Date()), null, 1), "application/json");
        status("Progress exported as JSON.", target);
      } else if (action === "export-markdown") {
        whole()
          .then((roadmap) => {
            download(`ml-engineer-roadmap-progress-${today}.md`, toMarkdown(state(), roadmap, new Date()), "text/markdown");
            status("Progress exported as a Markdown task list.", target);
          })
          .catch((error) => {
            wholeRoadmap = null; // try again on the next click
            status(`The Markdown export could not load the checklists' wording (${error.message}); try again, or export as JSON.`, target);
          });
      } else if (action === "apply-import" && pendingImport) {
        const { result } = pendingImport;
        update(() => result);
        pendingImport = null;
        tools.querySelector("[data-import-preview]").hidden = true;
        status("Import applied.", target);
      } else if (action === "cancel-import") {
        pendingImport = null;
        tools.querySelector("[data-import-preview]").hidden = true;
        status("Import cancelled. Nothing was changed.", target);
      }
    }

    // Listeners are attached once to the document, which survives instant navigation.
    document.addEventListener("click", onClick);
    document.addEventListener("change", (event) => {
      const input = event.target;
      if (!input.matches("input[type=file][data-action=import]")) return;
      if (input.files.length) importFile(input.files[0], input.closest("[data-roadmap-tools]"));
      input.value = "";
    });
    onRender((now) => {
      renderSkillStates(now);
      renderNotes(now);
    });
  });
})();
