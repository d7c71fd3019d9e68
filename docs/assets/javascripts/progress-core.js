/*
 * Progress kept in the reader's own browser, as pure functions over plain data: the stored
 * envelope, checklists, quiz answers, skipped ("already known") skills, starting points,
 * spaced review of quiz questions, notes, exercises (the reader's code, and when its tests passed,
 * in the browser or as the reader reports it) and verified skills. No DOM and no storage here:
 * progress.js is the glue, and tests/js/progress.test.js runs these functions under Node.
 * Import, reset and the Markdown export are in progress-transfer.js, which only the progress
 * page loads.
 */
(function () {
  "use strict";

  // One key for the whole site, namespaced: every project site on a user.github.io origin
  // shares the same localStorage.
  const KEY = "ml-engineer-roadmap/progress";
  const FORMAT = "ml-engineer-roadmap-progress";
  const VERSION = 2;
  // Spaced review (Leitner boxes): a right answer moves a question up one box (at most the
  // last) and makes it due after that box's interval; a wrong answer puts it back in box 0, due
  // the next day. A question answered right the first time goes to box 1.
  const REVIEW_INTERVALS_DAYS = [1, 3, 7, 16, 35];
  // A skill's quiz counts as passed, for its "verified" mark, when every question has been
  // answered and at least this percentage of the last answers are right (with 2 to 4
  // questions, all of them; with 5, four). The one place the threshold is written.
  const QUIZ_PASS_PERCENT = 80;

  /* ------------------------------------------------------------------ pure functions */

  function emptyState() {
    return { items: {}, skipped: {}, quiz: {}, profile: null, planner: null, review: {}, notes: {}, exercises: {} };
  }

  const PLANNER_FIELDS = {
    hoursPerWeek: "number", start: "string", finishBy: "string", effort: "string",
    goal: "string", target: "string", tracks: "object",
  };

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  const TIME = /^\d{4}-\d{2}-\d{2}T/;

  /** The exercises field: {"dsa/binary_search": {code: "..." or null, passed: ISO time or null}},
   * with `self: true` when the pass is the reader's own report of `make exercise`. */
  function readExercises(value) {
    if (!isPlainObject(value)) return { error: `"exercises" must be an object of exercise id: {code, passed}` };
    const exercises = {};
    for (const [id, entry] of Object.entries(value)) {
      const fine = isPlainObject(entry)
        && (entry.code === undefined || entry.code === null || typeof entry.code === "string")
        && (entry.passed === undefined || entry.passed === null || (typeof entry.passed === "string" && TIME.test(entry.passed)));
      if (!fine) return { error: `"exercises.${id}" must be {"code": "..." or null, "passed": a time (YYYY-MM-DDThh:mm:ssZ) or null}` };
      if (!(entry.self === undefined || entry.self === false || (entry.self === true && entry.passed))) {
        return { error: `"exercises.${id}.self" must be true (with a "passed" time: a pass the reader reported) or left out` };
      }
      exercises[id] = { code: entry.code === undefined ? null : entry.code, passed: entry.passed || null };
      if (entry.self) exercises[id].self = true;
    }
    return { exercises };
  }

  /** "YYYY-MM-DD", `days` after the day `day` (also "YYYY-MM-DD"). */
  function addDays(day, days) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  /** The reader's calendar day of a Date, "YYYY-MM-DD" in its local time zone. */
  function localDay(date) {
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  const DAY = /^\d{4}-\d{2}-\d{2}$/;

  /** The review schedule of an envelope: {review} or {error}. Version 1 had none: each answer
   * it holds is scheduled as if given on the day the file was saved (`updated`), else `today`. */
  function readReview(data, quiz, today) {
    if (data.version === 1) {
      const day = typeof data.updated === "string" && DAY.test(data.updated.slice(0, 10)) ? data.updated.slice(0, 10) : today;
      let review = {};
      for (const id of Object.keys(quiz).sort()) review = scheduleAnswer(review, id, quiz[id], day);
      return { review };
    }
    const review = data.review === undefined ? {} : data.review;
    if (!isPlainObject(review)) return { error: `"review" must be an object of question id: {"box": n, "due": "YYYY-MM-DD"}` };
    const bad = Object.entries(review).find(([, entry]) => !(isPlainObject(entry)
      && Number.isInteger(entry.box) && entry.box >= 0 && entry.box < REVIEW_INTERVALS_DAYS.length
      && typeof entry.due === "string" && DAY.test(entry.due)));
    if (bad) return { error: `"review.${bad[0]}" must be {"box": 0 to ${REVIEW_INTERVALS_DAYS.length - 1}, "due": "YYYY-MM-DD"}` };
    return { review: Object.fromEntries(Object.entries(review).map(([id, entry]) => [id, { box: entry.box, due: entry.due }])) };
  }

  /** The notes of an envelope, skill id -> text: {notes} or {error}. */
  function readNotes(data) {
    const notes = data.notes === undefined ? {} : data.notes;
    if (!isPlainObject(notes)) return { error: `"notes" must be an object of skill id: text` };
    const bad = Object.entries(notes).find(([, text]) => typeof text !== "string");
    if (bad) return { error: `"notes.${bad[0]}" must be text, not ${JSON.stringify(bad[1])}` };
    return { notes: { ...notes } };
  }

  /**
   * Check an envelope (stored value or exported file). Returns {state} or {error}. A version 1
   * envelope is read too, and upgraded: `today` ("YYYY-MM-DD") dates its answers if it has no
   * `updated` date.
   */
  function readEnvelope(data, today) {
    if (!isPlainObject(data)) {
      return { error: "expected a JSON object" };
    }
    if (data.format !== FORMAT) {
      return { error: `"format" is ${JSON.stringify(data.format)}, expected "${FORMAT}": this is not a progress file of this site` };
    }
    if (data.version !== VERSION && data.version !== 1) {
      return { error: `"version" is ${JSON.stringify(data.version)}; this site reads versions 1 to ${VERSION}` };
    }
    for (const field of ["items", "skipped"]) {
      if (!isPlainObject(data[field])) {
        return { error: `"${field}" must be an object of id: true` };
      }
      const bad = Object.entries(data[field]).find(([, value]) => value !== true);
      if (bad) {
        return { error: `"${field}.${bad[0]}" must be true, not ${JSON.stringify(bad[1])}` };
      }
    }
    // Quiz answers came after version 1 was published: optional, so older files still read.
    const quiz = data.quiz === undefined ? {} : data.quiz;
    if (!isPlainObject(quiz)) {
      return { error: `"quiz" must be an object of question id: true or false` };
    }
    const badAnswer = Object.entries(quiz).find(([, value]) => typeof value !== "boolean");
    if (badAnswer) {
      return { error: `"quiz.${badAnswer[0]}" must be true or false, not ${JSON.stringify(badAnswer[1])}` };
    }
    // The starting point and the planner's settings came later still: optional too.
    const profile = data.profile === undefined ? null : data.profile;
    if (profile !== null && !(isPlainObject(profile) && typeof profile.id === "string" && Array.isArray(profile.marked)
      && profile.marked.every((id) => typeof id === "string"))) {
      return { error: `"profile" must be null or {"id": "...", "marked": ["skill-id", ...]}` };
    }
    const planner = data.planner === undefined ? null : data.planner;
    if (planner !== null) {
      if (!isPlainObject(planner)) return { error: `"planner" must be null or an object of settings` };
      const bad = Object.entries(planner).find(([field, value]) =>
        !(field in PLANNER_FIELDS) || (value !== null && typeof value !== PLANNER_FIELDS[field]));
      if (bad) return { error: `"planner.${bad[0]}" is not a planner setting of the right type` };
    }
    const review = readReview(data, quiz, today);
    if (review.error) return review;
    const notes = readNotes(data);
    if (notes.error) return notes;
    // The exercises came last: optional as well.
    const read = readExercises(data.exercises === undefined ? {} : data.exercises);
    if (read.error) return read;
    return {
      state: {
        items: { ...data.items },
        skipped: { ...data.skipped },
        quiz: { ...quiz },
        profile: profile && { id: profile.id, marked: [...profile.marked] },
        planner: planner && { ...planner },
        review: review.review,
        notes: notes.notes,
        exercises: read.exercises,
      },
      upgraded: data.version !== VERSION,
    };
  }

  /** Parse text (a stored value or an uploaded file). Returns {state} or {error}. */
  function parseEnvelope(text, today) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: `not valid JSON (${error.message})` };
    }
    return readEnvelope(data, today);
  }

  function sortedTrue(map) {
    return Object.fromEntries(Object.keys(map).sort().map((key) => [key, true]));
  }

  /** Object entries sorted by key, for stable files. */
  function sortedObject(map) {
    return Object.fromEntries(Object.keys(map || {}).sort().map((key) => [key, map[key]]));
  }

  function makeEnvelope(state, now) {
    return {
      format: FORMAT,
      version: VERSION,
      updated: now.toISOString(),
      items: sortedTrue(state.items),
      skipped: sortedTrue(state.skipped),
      quiz: sortedObject(state.quiz),
      profile: state.profile || null,
      planner: state.planner || null,
      ...reviewFields(state),
      exercises: Object.fromEntries(Object.keys(state.exercises || {}).sort().map((id) => [id, state.exercises[id]])),
    };
  }

  /** The envelope's spaced-review schedule and notes (version 2). */
  function reviewFields(state) {
    return { review: sortedObject(state.review), notes: sortedObject(state.notes) };
  }

  /* ------------------------------------------------------------ spaced review, notes */

  /** The schedule after answering question `id` right or wrong on `day` ("YYYY-MM-DD"). */
  function scheduleAnswer(review, id, right, day) {
    const last = REVIEW_INTERVALS_DAYS.length - 1;
    const box = right ? Math.min(id in review ? review[id].box + 1 : 1, last) : 0;
    return { ...review, [id]: { box, due: addDays(day, REVIEW_INTERVALS_DAYS[box]) } };
  }

  /** The questions among `questionIds` due for review on `day`: the longest overdue first. */
  function dueQuestions(review, questionIds, day) {
    return questionIds.filter((id) => review[id] && review[id].due <= day)
      .sort((a, b) => review[a].due.localeCompare(review[b].due) || a.localeCompare(b));
  }

  /** {due, scheduled, next}: how many of `questionIds` are due on `day`, how many are
   * scheduled at all, and the first due day after `day` (null when none). */
  function reviewCounts(review, questionIds, day) {
    const later = questionIds.filter((id) => review[id] && review[id].due > day).map((id) => review[id].due).sort();
    return {
      due: dueQuestions(review, questionIds, day).length,
      scheduled: questionIds.filter((id) => review[id]).length,
      next: later.length ? later[0] : null,
    };
  }

  /** The state after writing `text` as the notes of skill `skillId` (empty notes are dropped). */
  function setNote(state, skillId, text) {
    const notes = { ...state.notes };
    if (text.trim()) notes[skillId] = text;
    else delete notes[skillId];
    return { ...state, notes };
  }

  /**
   * page-data.json in the shape roadmap.json has. To stay light it names checklist items and
   * quiz questions within their skill ("shapes" for "linear-algebra/shapes") and writes an item
   * as an object only when it has aliases, and leaves out a skill's URL, always "<track>/<id>/"
   * (roadmap/render.py, page_data). A skill's exercises are ids there, and `local_exercises`
   * lists those that run only with `make exercise`; here each is {id, in_browser}.
   */
  function expandPageData(data) {
    const full = (skill, id) => `${skill.id}/${id}`;
    // Stryker disable next-line ArrayDeclaration: with no list, no exercise id is in the set either way
    const local = new Set(data.local_exercises || []);
    return {
      ...data,
      skills: data.skills.map((skill) => ({
        ...skill,
        url: `${skill.track}/${skill.id}/`,
        start_early: skill.start_early === true,
        quiz: skill.quiz.map((id) => full(skill, id)),
        exercises: (skill.exercises || []).map((id) => ({ id, in_browser: !local.has(id) })),
        checklist: skill.checklist.map((item) => typeof item === "string"
          ? { id: full(skill, item), aliases: [] }
          : { id: full(skill, item.id), aliases: item.aliases.map((alias) => full(skill, alias)) }),
      })),
    };
  }

  /** Lookup tables over roadmap.json. */
  function indexRoadmap(roadmap) {
    const skills = new Map();
    const items = new Map();
    const aliases = new Map();
    for (const skill of roadmap.skills) {
      skills.set(skill.id, skill);
      for (const item of skill.checklist) {
        // Stryker disable next-line ObjectLiteral: only the keys of `items` are read (has), never the values
        items.set(item.id, { skill, item });
        for (const alias of item.aliases) aliases.set(alias, item.id);
      }
    }
    return { roadmap, skills, items, aliases };
  }

  /**
   * Carry progress saved under former item ids over to the current ids. Ids the roadmap no
   * longer knows are kept (never silently dropped) and reported.
   */
  function migrate(state, index) {
    const items = {};
    const renamed = [];
    const unknown = [];
    for (const id of Object.keys(state.items)) {
      if (index.items.has(id)) {
        items[id] = true;
      } else if (index.aliases.has(id)) {
        items[index.aliases.get(id)] = true;
        renamed.push(id);
      } else {
        items[id] = true;
        unknown.push(id);
      }
    }
    for (const id of Object.keys(state.skipped)) {
      if (!index.skills.has(id)) unknown.push(id);
    }
    return {
      state: { ...state, items, skipped: { ...state.skipped }, quiz: { ...state.quiz }, exercises: { ...state.exercises } },
      renamed,
      unknown,
    };
  }

  function isDone(state, itemId, skillId) {
    return state.items[itemId] === true || state.skipped[skillId] === true;
  }

  /** {done, total} checklist items over the given skills; a skipped skill counts as done. */
  function progress(state, index, skillIds) {
    let done = 0;
    let total = 0;
    for (const skillId of skillIds) {
      const skill = index.skills.get(skillId);
      if (!skill) continue;
      for (const item of skill.checklist) {
        total += 1;
        if (isDone(state, item.id, skill.id)) done += 1;
      }
    }
    return { done, total };
  }

  /** {answered, right, total} over a skill's quiz questions (site-wide ids "skill/question"). */
  function quizScore(state, questionIds) {
    let answered = 0;
    let right = 0;
    for (const id of questionIds) {
      if (id in state.quiz) answered += 1;
      if (state.quiz[id] === true) right += 1;
    }
    return { answered, right, total: questionIds.length };
  }

  /** The state after answering (a boolean) or, with `null`, forgetting the given questions. */
  function recordAnswers(state, questionIds, answer) {
    const quiz = { ...state.quiz };
    for (const id of questionIds) {
      if (answer === null) delete quiz[id];
      else quiz[id] = answer;
    }
    return { ...state, quiz };
  }

  /** The state with the reader's code for an exercise kept (as they type). */
  function saveExerciseCode(state, id, code) {
    const exercises = { ...state.exercises };
    exercises[id] = { passed: null, ...exercises[id], code };
    return { ...state, exercises };
  }

  /** The state after a run of the exercise's tests in which every test passed, at `now`. */
  function passExercise(state, id, code, now) {
    const exercises = { ...state.exercises };
    exercises[id] = { code, passed: now.toISOString() };
    return { ...state, exercises };
  }

  /** The state after the reader says `make exercise` passed for exercise `id`, at `now`
   * (self-reported), or, with `now` null, takes that back. A pass from a run in the browser is
   * never taken back here. */
  function reportExercise(state, id, now) {
    const exercises = { ...state.exercises };
    const entry = exercises[id] || { code: null, passed: null };
    if (now) exercises[id] = { code: entry.code, passed: now.toISOString(), self: true };
    else if (entry.self && entry.code !== null) exercises[id] = { code: entry.code, passed: null };
    else if (entry.self) delete exercises[id];
    return { ...state, exercises };
  }

  /* ------------------------------------------------------------------ verified skills */

  /** Whether a quiz score {answered, right, total} passes: QUIZ_PASS_PERCENT. */
  function quizPassed(score) {
    return score.total > 0 && score.answered === score.total && score.right * 100 >= QUIZ_PASS_PERCENT * score.total;
  }

  /**
   * How far a skill is verified: its quiz passed (QUIZ_PASS_PERCENT) and each of its exercises
   * passed, in the browser or as the reader reported. `skill` has `quiz` (question ids) and
   * `exercises` ({id, in_browser}). Returns {quiz: {answered, right, total, passed} or null,
   * exercises: [{id, in_browser, passed, self}], verified}, or null for a skill with neither
   * quiz nor exercise, which cannot be verified. A skill with no quiz is verified by its
   * exercises alone; one with no exercise, by its quiz alone.
   */
  function verification(state, skill) {
    const questions = skill.quiz || [];
    const exercises = (skill.exercises || []).map(({ id, in_browser }) => {
      const entry = state.exercises[id] || {};
      return { id, in_browser, passed: entry.passed || null, self: Boolean(entry.passed && entry.self) };
    });
    if (!questions.length && !exercises.length) return null;
    const score = questions.length ? quizScore(state, questions) : null;
    const quiz = score && { ...score, passed: quizPassed(score) };
    return { quiz, exercises, verified: (!quiz || quiz.passed) && exercises.every((e) => e.passed) };
  }

  /** What a skill's verification says, in words: "Verified: quiz passed, exercise passed
   * (self-reported)." or what is missing; "" when the skill cannot be verified. */
  function verificationText(found) {
    if (!found) return "";
    const parts = [];
    const { quiz, exercises } = found;
    if (quiz) {
      parts.push(quiz.passed ? `quiz passed (${quiz.right} of ${quiz.total} right)` : quiz.answered === 0 ? "quiz not taken"
        : `quiz not passed (${quiz.right} of ${quiz.total} right; it needs all answered, ${QUIZ_PASS_PERCENT}% right)`);
    }
    const passed = exercises.filter((e) => e.passed).length;
    const self = exercises.filter((e) => e.self).length;
    const reported = self === 0 ? "" : exercises.length === 1 ? " (self-reported)" : ` (${self} self-reported)`;
    if (exercises.length === 1) parts.push(passed ? `exercise passed${reported}` : "exercise not passed");
    else if (exercises.length) parts.push(`${passed} of ${exercises.length} exercises passed${reported}`);
    if (!quiz) parts.push("this skill has no quiz");
    return `${found.verified ? "Verified" : "Not verified yet"}: ${parts.join(", ")}.`;
  }

  /** A skill's verification in a few words, for the progress page's table: "yes", "yes
   * (exercise self-reported)", "not yet: quiz, exercise", or "–" when it cannot be verified. */
  function verificationShort(found) {
    if (!found) return "–";
    if (found.verified) return found.exercises.some((e) => e.self) ? "yes (exercise self-reported)" : "yes";
    const missing = found.quiz && !found.quiz.passed ? ["quiz"] : [];
    const left = found.exercises.filter((e) => !e.passed).length;
    if (left) missing.push(left > 1 ? `${left} exercises` : "exercise");
    return `not yet: ${missing.join(", ")}`;
  }

  /** {verified, verifiable, self} over the given skills: how many are verified, how many could
   * be (a quiz or an exercise), and how many verified ones count a self-reported exercise. */
  function verifiedCount(state, index, skillIds) {
    const counts = { verified: 0, verifiable: 0, self: 0 };
    for (const skillId of skillIds) {
      const skill = index.skills.get(skillId);
      const found = skill && verification(state, skill);
      if (!found) continue;
      counts.verifiable += 1;
      if (found.verified) counts.verified += 1;
      if (found.verified && found.exercises.some((e) => e.self)) counts.self += 1;
    }
    return counts;
  }

  /** "1 skill", "2 skills", "0 skills": a count with its noun, plural by English's regular rule. */
  function counted(n, noun) {
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
  }

  /**
   * A share as the percentage shown beside a count: whole numbers, except that a start is never
   * shown as 0% nor an unfinished whole as 100%.
   */
  function percentText(done, total) {
    if (!total) return "0%";
    const percent = Math.round((100 * done) / total);
    if (percent === 0 && done > 0) return "<1%";
    if (percent === 100 && done < total) return ">99%";
    return `${percent}%`;
  }

  /** A quiz's score line, from quizScore: a running count until every question is answered. */
  function scoreText({ answered, right, total }) {
    if (!answered) return `${counted(total, "question")}; pick an answer to check it.`;
    if (answered < total) return `${answered} of ${total} answered, ${right} right so far.`;
    return `Score: ${right} of ${total} right.`;
  }

  /** The home and progress pages' line for spaced review, from reviewCounts. */
  function dueText({ due, next }) {
    if (due) return `${counted(due, "quiz question")} due for review today`;
    return next ? `No quiz questions due for review today; next on ${next}` : "No quiz questions due for review today";
  }

  /** "3 of 40 skills verified (1 with a self-reported exercise)", from verifiedCount. */
  function verifiedSummary(counts) {
    const self = counts.self ? ` (${counts.self} with a self-reported exercise)` : "";
    return `${counts.verified} of ${counted(counts.verifiable, "skill")} verified${self}`;
  }

  function scopeSkills(index, scope) {
    if (scope === "all") return index.roadmap.skills.map((skill) => skill.id);
    const [kind, id] = scope.split(":");
    if (kind === "skill") return [id];
    const track = index.roadmap.tracks.find((t) => t.id === id);
    return track ? track.skills : [];
  }

  /**
   * Choose a starting point: mark the skills the background usually covers as already known,
   * replacing the marks of the starting point chosen before (never a mark the reader made by
   * hand). Returns the new state and what changes, so the page can show it first.
   */
  function applyProfile(state, profile) {
    const skipped = { ...state.skipped };
    // Stryker disable next-line ArrayDeclaration: with no starting point before, the previous marks are
    // only deleted from and looked up in `skipped`; an id that is not there changes nothing
    const previous = state.profile ? state.profile.marked : [];
    for (const id of previous) delete skipped[id];
    const marked = profile.covers.filter((id) => !skipped[id]);
    for (const id of marked) skipped[id] = true;
    return {
      state: { ...state, skipped, profile: { id: profile.id, marked } },
      added: marked.filter((id) => !state.skipped[id]),
      removed: previous.filter((id) => !skipped[id] && state.skipped[id]),
    };
  }

  const api = {
    KEY, FORMAT, VERSION, emptyState, readEnvelope, parseEnvelope, makeEnvelope, expandPageData, indexRoadmap, migrate,
    isDone, progress, quizScore, recordAnswers, saveExerciseCode, passExercise, scopeSkills, applyProfile,
    REVIEW_INTERVALS_DAYS, addDays, localDay, scheduleAnswer, dueQuestions, reviewCounts, setNote, QUIZ_PASS_PERCENT,
    quizPassed, verification, verificationText, verifiedCount, verifiedSummary, verificationShort, reportExercise,
    counted, percentText, dueText, scoreText,
  };
  // Stryker disable next-line all: the browser/Node switch; Node only ever takes the first branch
  // (the browser tests in tests/site load the scripts the other way)
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.RoadmapProgress = api;
})();

