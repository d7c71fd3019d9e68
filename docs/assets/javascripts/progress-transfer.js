/*
 * Moving progress in and out of the site, as pure functions over the state of progress-core.js:
 * what an import would change (merging or replacing), a reset and what it would clear, each
 * skill's state for the progress page, and the Markdown export. Only the progress page uses
 * them (progress-tools.js is their page glue), so the pages a reader opens first do not load
 * this file. tests/js/progress.test.js runs them under Node.
 */
(function () {
  "use strict";

  // Stryker disable next-line all: the browser/Node switch; Node only ever takes the first branch
  const core = typeof module === "object" && module.exports ? require("./progress-core.js") : window.RoadmapProgress;
  const { emptyState, progress, isDone, quizScore, reviewCounts, verification, verificationText, verifiedCount,
    verifiedSummary, counted } = core;

  /** An import merged into what is saved: the file's schedule and notes win, skill by skill. */
  function mergeReviewFields(current, incoming) {
    return { review: { ...current.review, ...incoming.review }, notes: { ...current.notes, ...incoming.notes } };
  }

  /** The skills whose notes differ between two sets of notes. */
  function changedNotes(before, after) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => before[id] !== after[id]).sort();
  }

  /** Merging exercises: the file's code where it has some, and the later of two passes (with
   * whether the reader reported it). */
  function mergeExercises(current = {}, incoming = {}) {
    const merged = { ...current };
    for (const [id, entry] of Object.entries(incoming)) {
      const mine = current[id] || { code: null, passed: null };
      const passes = [mine, entry].filter((e) => e.passed).sort((a, b) => a.passed.localeCompare(b.passed));
      const last = passes.pop();
      merged[id] = { code: entry.code === null ? mine.code : entry.code, passed: last ? last.passed : null };
      if (last && last.self) merged[id].self = true;
    }
    return merged;
  }

  /** What importing `incoming` would change: lists of ids, and the resulting state. */
  function planImport(current, incoming, mode) {
    const result = mode === "replace"
      ? { ...incoming, items: { ...incoming.items }, skipped: { ...incoming.skipped }, quiz: { ...incoming.quiz } }
      : {
        items: { ...current.items, ...incoming.items },
        skipped: { ...current.skipped, ...incoming.skipped },
        quiz: { ...current.quiz, ...incoming.quiz },
        profile: incoming.profile || current.profile || null,
        planner: incoming.planner || current.planner || null,
        ...mergeReviewFields(current, incoming),
        exercises: mergeExercises(current.exercises, incoming.exercises),
      };
    const added = (field) => Object.keys(result[field]).filter((id) => !current[field][id]).sort();
    const removed = (field) => Object.keys(current[field]).filter((id) => !result[field][id]).sort();
    return {
      result,
      ticked: added("items"),
      unticked: removed("items"),
      skipped: added("skipped"),
      unskipped: removed("skipped"),
      answers: [...new Set([...Object.keys(current.quiz), ...Object.keys(result.quiz)])]
        .filter((id) => current.quiz[id] !== result.quiz[id]).sort(),
      notes: changedNotes(current.notes || {}, result.notes || {}),
      exercises: changedExercises(current.exercises || {}, result.exercises || {}),
    };
  }

  function changedExercises(before, after) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((id) => JSON.stringify(before[id] || null) !== JSON.stringify(after[id] || null)).sort();
  }

  /** Forget every tick, known skill, quiz answer (and its review), starting point and exercise;
   * keep planner settings and notes. */
  function resetState(state) {
    return { ...emptyState(), planner: state.planner, notes: state.notes };
  }

  /** How much a reset would clear. */
  function countProgress(state) {
    return {
      items: Object.keys(state.items).length,
      skipped: Object.keys(state.skipped).length,
      answers: Object.keys(state.quiz).length,
      exercises: Object.keys(state.exercises || {}).length,
    };
  }

  /**
   * What an import would change (from planImport), in words: only what changes, and the saved
   * ids the roadmap no longer has, which are kept.
   */
  function describeImport(plan, unknown = []) {
    const changes = [
      [plan.ticked.length, "item", "ticked"],
      [plan.unticked.length, "item", "unticked"],
      [plan.skipped.length, "skill", "marked as known"],
      [plan.unskipped.length, "skill", "unmarked"],
      [plan.answers.length, "quiz answer", "changed"],
      [plan.notes.length, "skill note", "changed"],
      [plan.exercises.length, "exercise", "changed"],
    ].filter(([n]) => n).map(([n, noun, what]) => `${counted(n, noun)} ${what}`);
    let text = changes.length ? `Importing it: ${changes.join(", ")}.` : "Importing it changes nothing.";
    if (unknown.length) {
      const are = unknown.length === 1 ? "is" : "are";
      text += ` ${counted(unknown.length, "saved id")} ${are} not in the roadmap any more and will be kept as ${unknown.length === 1 ? "it is" : "they are"}: ${unknown.join(", ")}.`;
    }
    return text;
  }

  /** What a reset would clear (from countProgress), in words. */
  function describeReset(counts) {
    return `This clears ${counted(counts.items, "ticked item")}, ${counted(counts.skipped, "skill")} marked as known, ` +
      `${counted(counts.answers, "quiz answer")} with their review, your code and passes of ${counted(counts.exercises, "exercise")} and your starting point. Reset?`;
  }

  /**
   * Each skill's state, for the progress page: "known", "done", "started" or "new", with its
   * checklist counts and quiz score.
   */
  function skillState(state, index, skillId, questionIds = []) {
    const skill = index.skills.get(skillId);
    const { done, total } = progress(state, index, [skillId]);
    const kind = state.skipped[skillId] ? "known" : done === total ? "done" : done > 0 ? "started" : "new";
    return { id: skillId, kind, done, total, quiz: quizScore(state, questionIds), title: skill.title };
  }

  /** The whole roadmap as a Markdown task list with the reader's ticks, notes and reviews due. */
  function toMarkdown(state, index, now) {
    const today = now.toISOString().slice(0, 10);
    const lines = [`# ML Engineer Roadmap: my progress`, "", `Exported ${today}.`];
    const counts = reviewCounts(state.review, index.roadmap.skills.flatMap((skill) => skill.quiz || []), today);
    if (counts.scheduled) lines.push("", `Quiz questions due for review: ${counts.due}` + (counts.next ? `; the next on ${counts.next}.` : "."));
    const verified = verifiedCount(state, index, index.roadmap.skills.map((skill) => skill.id));
    if (verified.verified) lines.push("", `${verifiedSummary(verified)}.`);
    for (const track of index.roadmap.tracks) {
      const { done, total } = progress(state, index, track.skills);
      lines.push("", `## ${track.title} (${done}/${total})`);
      for (const skillId of track.skills) {
        const skill = index.skills.get(skillId);
        const note = state.skipped[skill.id] ? " (already known)" : "";
        lines.push("", `### ${skill.title}${note}`, "");
        for (const item of skill.checklist) {
          lines.push(`- [${isDone(state, item.id, skill.id) ? "x" : " "}] ${item.text}`);
        }
        // How far the skill is verified, once the reader has answered or passed something.
        const found = verification(state, skill);
        if (found && (found.verified || (found.quiz && found.quiz.answered) || found.exercises.some((e) => e.passed))) {
          lines.push("", verificationText(found));
        }
        if (state.notes[skill.id]) lines.push("", "My notes:", "", ...state.notes[skill.id].split("\n").map((line) => `> ${line}`));
      }
    }
    return lines.join("\n") + "\n";
  }

  const api = { planImport, describeImport, resetState, countProgress, describeReset, skillState, toMarkdown };
  // Stryker disable next-line all: the browser/Node switch; Node only ever takes the first branch
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.RoadmapTransfer = api;
})();
